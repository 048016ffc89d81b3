package dev.backoffice.invoicing;

import dev.backoffice.core.error.ErrorCode;

/**
 * Every way an invoicing request can fail, with its stable {@link #code()} and the kind of
 * exception that carries it. Nothing is written when any of these is thrown, and no invoice
 * number is consumed: the number counter moves in the same transaction as the invoice it numbers.
 *
 * <p>Input errors ({@link ErrorCode.Kind#INVALID}) name the field at fault, e.g.
 * {@code lines[2].vatRate} or {@code buyer.taxId}.
 */
public enum InvoicingErrorCode implements ErrorCode {
    /** A tax id fails its format or check digits (Polish NIP checksum, EU VAT format, UK VAT check digits). */
    INVALID_TAX_ID("invoicing.invalid_tax_id", Kind.INVALID),
    /** A VAT rate that does not belong to the seller's country (a UK rate on a Polish invoice, say). */
    UNKNOWN_VAT_RATE("invoicing.unknown_vat_rate", Kind.INVALID),
    /** An amount or price in another currency than the invoice's or the payment's. */
    CURRENCY_MISMATCH("invoicing.currency_mismatch", Kind.INVALID),
    /** A line quantity that is not positive or has more decimals than {@link InvoicingLimits#MAX_QUANTITY_SCALE}. */
    INVALID_QUANTITY("invoicing.invalid_quantity", Kind.INVALID),
    /** A negative unit price, or one with more decimals than {@link InvoicingLimits#MAX_PRICE_SCALE}. */
    INVALID_PRICE("invoicing.invalid_price", Kind.INVALID),
    /** A discount outside 0..100 % or with more than two decimals. */
    INVALID_DISCOUNT("invoicing.invalid_discount", Kind.INVALID),
    /** No lines, or more than {@link InvoicingLimits#MAX_LINES}. */
    INVALID_LINES("invoicing.invalid_lines", Kind.INVALID),
    /** Dates that contradict each other (a due date before the issue date) or lie outside the accepted range. */
    INVALID_DATE("invoicing.invalid_date", Kind.INVALID),
    /** A payment or allocation amount that is zero or negative. */
    INVALID_AMOUNT("invoicing.invalid_amount", Kind.INVALID),
    /** A series code or number pattern that cannot number invoices uniquely. */
    INVALID_SERIES("invoicing.invalid_series", Kind.INVALID),
    /** A country code that is not two capital letters. */
    INVALID_COUNTRY("invoicing.invalid_country", Kind.INVALID),
    /** No series with that code in this tenant. */
    SERIES_NOT_FOUND("invoicing.series_not_found", Kind.NOT_FOUND),
    /** No invoice with that id in this tenant. */
    INVOICE_NOT_FOUND("invoicing.invoice_not_found", Kind.NOT_FOUND),
    /** No payment with that id in this tenant. */
    PAYMENT_NOT_FOUND("invoicing.payment_not_found", Kind.NOT_FOUND),
    /** A series code already used in this tenant with another definition. */
    SERIES_EXISTS("invoicing.series_exists", Kind.CONFLICT),
    /** An invoice id already used in this tenant for another invoice. */
    INVOICE_EXISTS("invoicing.invoice_exists", Kind.CONFLICT),
    /** A payment id already used in this tenant for another payment. */
    PAYMENT_EXISTS("invoicing.payment_exists", Kind.CONFLICT),
    /**
     * A supplier's invoice number already registered for the same supplier (field
     * {@code supplierNumber}): a purchase invoice is registered once.
     */
    DUPLICATE_SUPPLIER_NUMBER("invoicing.duplicate_supplier_number", Kind.CONFLICT),
    /**
     * A correction that is not a credit: a line's quantity or price raised, a line added, or
     * nothing changed (field {@code lines[i].quantity} and the like).
     */
    INVALID_CORRECTION("invoicing.invalid_correction", Kind.INVALID),
    /** A credit note that takes back more than the invoice still has open (field {@code lines}). */
    CREDIT_EXCEEDS_INVOICE("invoicing.credit_exceeds_invoice", Kind.RULE),
    /** An unallocation of more than the payment allocated to the invoice (field {@code amount}). */
    UNALLOCATION_EXCEEDS_ALLOCATED("invoicing.unallocation_exceeds_allocated", Kind.RULE),
    /** The late-payment rate table has no reference rate for a day of the delay (field {@code asOf}). */
    INTEREST_RATE_MISSING("invoicing.interest_rate_missing", Kind.RULE),
    /** The ledger period of the entry's date is closed: nothing is issued, no number consumed. */
    PERIOD_CLOSED("invoicing.period_closed", Kind.RULE),
    /** The account mapping has no account for a role in the invoice's currency. */
    ACCOUNT_NOT_MAPPED("invoicing.account_not_mapped", Kind.RULE),
    /** The FX-rate source has no rate before the tax point of a foreign-currency invoice. */
    FX_RATE_MISSING("invoicing.fx_rate_missing", Kind.RULE),
    /** Allocations of a payment add up to more than the payment's unallocated amount. */
    ALLOCATION_EXCEEDS_PAYMENT("invoicing.allocation_exceeds_payment", Kind.RULE),
    /** An allocation exceeds what is still open on the invoice. */
    ALLOCATION_EXCEEDS_OPEN("invoicing.allocation_exceeds_open", Kind.RULE),
    /** An allocation to an invoice of another customer than the payer. */
    CUSTOMER_MISMATCH("invoicing.customer_mismatch", Kind.RULE),
    /** A payment allocated to a credit note (credit notes settle the invoice they correct). */
    NOT_PAYABLE("invoicing.not_payable", Kind.RULE),
    /** The event is not allowed in the invoice's status (issuing an issued invoice's draft twice, paying a draft). */
    ILLEGAL_TRANSITION("invoicing.illegal_transition", Kind.RULE),
    /** The event is allowed in the status but its condition does not hold (cancelling an invoice with payments). */
    GUARD_REJECTED("invoicing.guard_rejected", Kind.RULE),
    /**
     * An advance received that exceeds what is left of the order's gross value (field
     * {@code received}): an advance invoice documents part of the price (art. 106f ust. 1 ustawy o VAT).
     */
    ADVANCE_EXCEEDS_ORDER("invoicing.advance_exceeds_order", Kind.RULE),
    /**
     * An advance invoice a final invoice cannot deduct (field {@code advances[i]}): not an advance
     * invoice, another seller, buyer or currency, cancelled, or deducted already by another final
     * invoice; or advances whose net or VAT exceed the order's at a rate (field {@code advances}).
     */
    ADVANCE_NOT_DEDUCTIBLE("invoicing.advance_not_deductible", Kind.RULE),
    /** A proforma conversion of a document that is not a proforma, or one converted already (field {@code proforma}). */
    NOT_A_PROFORMA("invoicing.not_a_proforma", Kind.RULE);

    private final String code;
    private final Kind kind;

    InvoicingErrorCode(String code, Kind kind) {
        this.code = code;
        this.kind = kind;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}

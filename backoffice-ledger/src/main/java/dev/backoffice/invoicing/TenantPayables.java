package dev.backoffice.invoicing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One tenant's purchase ledger (accounts payable): suppliers' invoices, their approval, payments
 * to suppliers and what is due when. Obtain it from {@link TenantInvoicing#payables()}.
 * Thread-safe. Failures mean what {@link TenantInvoicing} says: done, not done (nothing written),
 * or {@code storage.outcome_unknown} (repeat with the same id).
 *
 * <p>Into the ledger, in the same transaction when the stores share a data source: an approval
 * debits the expense and the input VAT and credits the payable (dated the day the invoice was
 * received); a payment debits the payable (what is allocated) and supplier advances (the rest)
 * and credits the bank.
 */
public interface TenantPayables {

    /**
     * Registers a supplier's invoice (status {@link PurchaseStatus#RECEIVED}, not posted).
     * Idempotent by id. A number the same supplier already used is
     * {@link InvoicingErrorCode#DUPLICATE_SUPPLIER_NUMBER} naming {@code supplierNumber}, and nothing is written.
     */
    PurchaseInvoice register(NewPurchaseInvoice invoice);

    /** Approves a received invoice and posts it (audited). Approving an approved invoice again returns it. */
    PurchaseInvoice approve(InvoiceId invoice, String actor);

    /** Rejects a received invoice (audited with the reason); nothing is posted. Rejecting it again returns it. */
    PurchaseInvoice reject(InvoiceId invoice, String actor, String reason);

    /** The supplier's invoice with {@code id}; {@link InvoicingErrorCode#INVOICE_NOT_FOUND} if none. */
    PurchaseInvoice purchase(InvoiceId id);

    /** The invoice {@code supplier} numbered {@code supplierNumber}. */
    Optional<PurchaseInvoice> purchaseBySupplierNumber(String supplier, String supplierNumber);

    /**
     * What is due by {@code date}: every open supplier's invoice (received, approved or partly
     * paid) due on or before it, by due date, up to {@value PurchaseLimits#MAX_DUE_LIST}; the
     * overdue ones first.
     */
    List<PurchaseInvoice> dueBy(LocalDate date);

    /**
     * Records a payment to a supplier ({@code payer} names the supplier paid) and its allocations
     * to the supplier's approved invoices, in one transaction. Idempotent by the payment's id.
     */
    Payment pay(NewPayment payment);

    /** Allocates more of a payment to a supplier (its advance) to the supplier's invoices. */
    Payment allocate(PaymentId payment, List<NewAllocation> allocations);

    /** The payment to a supplier with {@code id}; {@link InvoicingErrorCode#PAYMENT_NOT_FOUND} if none. */
    Payment payment(PaymentId id);

    /**
     * Registers a supplier's credit note against the supplier's invoice {@code purchase} (approved,
     * so posted, and still open) and posts it at once, dated the day it was received: payable
     * debited, expense and input VAT credited (a reverse-charge line also takes its self-assessed
     * VAT back: VAT due debited, input VAT credited). Its totals are the (negative) change; it
     * settles the invoice like a payment. Taking back more than is open on the invoice, or more net
     * than the invoice has at a rate, is {@link InvoicingErrorCode#CREDIT_EXCEEDS_INVOICE} naming
     * {@code lines}; a rate the invoice has not, {@link InvoicingErrorCode#INVALID_CORRECTION}
     * naming {@code lines[i].vatRate}; the supplier's number again,
     * {@link InvoicingErrorCode#DUPLICATE_SUPPLIER_NUMBER}. Nothing written on error. Idempotent by id.
     */
    PurchaseInvoice registerCreditNote(InvoiceId purchase, NewSupplierCreditNote creditNote);
}

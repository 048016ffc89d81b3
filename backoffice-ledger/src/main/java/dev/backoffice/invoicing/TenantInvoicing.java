package dev.backoffice.invoicing;

import dev.backoffice.core.page.Page;
import dev.backoffice.core.tenant.TenantId;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One tenant's sales ledger: the whole API. Obtain it from {@link Invoicing#forTenant}.
 * Thread-safe.
 *
 * <h2>What a failure means</h2>
 * Every write is atomic and ends in exactly one of three ways:
 * <ul>
 *   <li><b>done</b>: it returns its result, which is stored, with its journal entry;</li>
 *   <li><b>not done</b>: it throws a {@link dev.backoffice.core.error.BackofficeException} whose
 *       code is one of {@link InvoicingErrorCode} (or a ledger, request or storage code);
 *       nothing of it is stored, no invoice number is consumed;</li>
 *   <li><b>outcome unknown</b> ({@code storage.outcome_unknown}): rare, because every write is
 *       given its identity (invoice, payment or credit-note id) before its first attempt, and a
 *       lost commit acknowledgement is resolved by running the write again with it, which finds
 *       what was stored. Repeating the request with the same id is always safe.</li>
 * </ul>
 * The invoice and its journal entry commit in one transaction when the invoice store and the
 * ledger's store share a data source (or are both in memory).
 */
public interface TenantInvoicing {

    /** The tenant. */
    TenantId tenant();

    // ---- series

    /**
     * Defines a numbering series (audited). Idempotent: defining the same series again returns
     * it; another definition under a taken code is {@link InvoicingErrorCode#SERIES_EXISTS}.
     */
    Series defineSeries(Series series, String actor);

    /** The series with {@code code}; {@link InvoicingErrorCode#SERIES_NOT_FOUND} if none. */
    Series series(String code);

    /** Every series, by code. */
    List<Series> series();

    /**
     * The gap audit of {@code series} in {@code period}: first and last number, count, and every
     * hole (there should be none).
     */
    GapAudit gapAudit(String series, NumberingPeriod period);

    // ---- invoices

    /**
     * Stores a draft: no number, nothing in the ledger. Idempotent by id (the same content again
     * returns the stored draft; other content under the id is {@link InvoicingErrorCode#INVOICE_EXISTS}).
     */
    Invoice draft(NewInvoice invoice);

    /**
     * Issues a draft: dates it, converts its VAT for a foreign currency, gives it the next number
     * of its series and posts it to the ledger (receivable debit, revenue and VAT credits), all in
     * one transaction. Issuing an issued invoice again returns it unchanged (a retry is safe).
     */
    Invoice issue(InvoiceId draft);

    /** Drafts and issues in one transaction; idempotent by the invoice's id like {@link #draft}. */
    Invoice issue(NewInvoice invoice);

    /** The invoice or credit note with {@code id}; {@link InvoicingErrorCode#INVOICE_NOT_FOUND} if none. */
    Invoice invoice(InvoiceId id);

    /** The invoice or credit note numbered {@code number}. */
    Optional<Invoice> invoiceByNumber(String number);

    /**
     * A page of invoices and credit notes, by id (creation order for generated ids). Pass the
     * previous page's {@code nextCursor} to continue; cursors are signed and valid for this
     * tenant only ({@code page.invalid_cursor} otherwise).
     *
     * @param pageSize 1..{@value InvoicingLimits#MAX_PAGE_SIZE}
     */
    Page<Invoice> invoices(Optional<String> cursor, int pageSize);

    /**
     * Marks every open invoice whose due date is before {@code asOf} overdue, up to
     * {@value InvoicingLimits#MAX_SWEEP} per call (call again while it returns a full list).
     */
    List<Invoice> markOverdue(LocalDate asOf);

    /**
     * Cancels an open invoice on which nothing was paid with a credit note that takes every line
     * back (its own number in {@code command.series()}, the reverse journal entry, audited), and
     * returns the credit note. Idempotent by the credit note's id.
     */
    Invoice cancel(InvoiceId invoice, CancelInvoice command);

    // ---- payments

    /**
     * Records a payment and its allocations in one transaction: the bank is debited, the
     * receivable credited with what is allocated, customer credit with the rest. Idempotent by
     * the payment's id.
     */
    Payment recordPayment(NewPayment payment);

    /**
     * Allocates more of a payment's unallocated amount (the customer's credit) to invoices:
     * customer credit is debited, the receivable credited.
     */
    Payment allocate(PaymentId payment, List<NewAllocation> allocations);

    /** The payment with {@code id}; {@link InvoicingErrorCode#PAYMENT_NOT_FOUND} if none. */
    Payment payment(PaymentId id);

    // ---- purchase ledger, reports, corrections

    /**
     * The tenant's purchase ledger (accounts payable).
     *
     * @throws IllegalStateException if {@link Invoicing.Builder#payables} was not given a store
     */
    TenantPayables payables();

    /**
     * The VAT register of {@code from..to} (both included): sales and purchases by rate, in the
     * documents' currency and in zloty for a Polish company, reconciling to the ledger's VAT-due
     * and input-VAT accounts ({@link VatRegister}). Without a purchase ledger, sales only.
     */
    VatRegister vatRegister(LocalDate from, LocalDate to);

    /**
     * The aging of every customer's open invoices as of {@code asOf}: current, 1-30, 31-60,
     * 61-90 and over 90 days overdue ({@link AgingReport} says from which amounts).
     */
    AgingReport aging(LocalDate asOf);

    /** The aging of one customer's open invoices as of {@code asOf} (no row if nothing is open). */
    AgingReport aging(LocalDate asOf, String customer);

    /**
     * What a reminder for {@code invoice} may claim as of {@code asOf}: statutory late-payment
     * interest on what is open and the fixed compensation, by the law of the seller's country
     * ({@link LatePaymentClaim} says which law and how). A Polish claim needs the EUR/PLN rate
     * of the month before the due month from the {@link FxRates} given to {@link Invoicing}.
     * A day without a reference rate in the table is {@link InvoicingErrorCode#INTEREST_RATE_MISSING}.
     */
    LatePaymentClaim lateClaim(InvoiceId invoice, LocalDate asOf);

    /**
     * Corrects an open invoice in part with a credit note in {@code command.series()}: each line
     * before (the invoice's, as earlier credit notes left it) and after, the totals the difference
     * per rate, the difference posted back (revenue and VAT due debited, receivable credited) and
     * settled on the invoice; audited. A line raised is {@link InvoicingErrorCode#INVALID_CORRECTION},
     * a credit above what is open {@link InvoicingErrorCode#CREDIT_EXCEEDS_INVOICE}, each naming
     * the field; nothing is written and no number is consumed. Idempotent by the credit note's id.
     */
    Invoice correct(InvoiceId invoice, CorrectInvoice command);

    /**
     * Takes back (part of) what {@code payment} allocated to an invoice, with a reason (audited):
     * the invoice is open for it again, the payment's unallocated amount grows, customer credit is
     * credited and the receivable debited. More than the payment allocated to the invoice is
     * {@link InvoicingErrorCode#UNALLOCATION_EXCEEDS_ALLOCATED} naming {@code amount}.
     */
    Payment unallocate(PaymentId payment, Unallocation command);

    /**
     * Stores a proforma (faktura proforma) of {@code proforma}: an offer in the form of an invoice,
     * which is not a tax document (none of the invoices of art. 106b ust. 1 ustawy o VAT): it takes
     * no number, posts nothing, is not in the VAT register, has no FA(3) document, and stays
     * {@link InvoiceStatus#DRAFT} of kind {@link InvoiceKind#PROFORMA} until converted. Its series
     * is the one its invoice will be numbered in. Idempotent by its id.
     */
    Invoice proforma(NewInvoice proforma);

    /**
     * Converts the proforma {@code proforma} into an invoice, once: the invoice (its parties,
     * lines, currency, series, payment term) is issued like any other, numbered and posted, and the
     * proforma becomes {@link InvoiceStatus#CONVERTED} pointing at it, in one transaction. Not a
     * proforma, or converted already: {@link InvoicingErrorCode#NOT_A_PROFORMA} naming
     * {@code proforma}, nothing written. Idempotent by the command's invoice id.
     */
    Invoice convertProforma(InvoiceId proforma, ConvertProforma command);

    /**
     * Issues an advance invoice (faktura zaliczkowa, art. 106b ust. 1 pkt 4 ustawy o VAT; FA(3)
     * {@code ZAL}) for a payment received before the supply: its lines are the order, its totals
     * the amount received with the VAT in it by art. 106f ust. 1 pkt 3, its sale date the day it was
     * received. It posts receivable against the advances-received liability (not revenue) and VAT
     * due; a payment settles it like any invoice. More than the order's gross is
     * {@link InvoicingErrorCode#ADVANCE_EXCEEDS_ORDER} naming {@code received}. Idempotent by id.
     */
    Invoice issueAdvance(NewAdvanceInvoice advance);

    /**
     * Issues the final invoice of an order paid in part in advance (art. 106f ust. 3 ustawy o
     * VAT; FA(3) {@code ROZ}): the whole order's lines, the advance invoices' net and VAT deducted,
     * its totals what remains. It posts receivable (what remains), advances received (debited with
     * the deducted net), revenue (the whole net) and VAT due (what remains), and marks each advance
     * invoice as deducted, in one transaction. An advance that cannot be deducted is
     * {@link InvoicingErrorCode#ADVANCE_NOT_DEDUCTIBLE} naming {@code advances[i]}; nothing written,
     * no number consumed. Prepaid in full, it is paid on issue. Idempotent by id.
     */
    Invoice issueFinal(NewFinalInvoice finalInvoice);
}

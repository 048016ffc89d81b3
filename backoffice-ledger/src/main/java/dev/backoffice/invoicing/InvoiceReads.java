package dev.backoffice.invoicing;

import dev.backoffice.core.store.TenantReads;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Reads of one tenant's invoicing data (committed data through {@link TenantInvoiceStore#read()}, or a transaction's own view). */
public interface InvoiceReads extends TenantReads {

    /** The series with {@code code}. */
    Optional<Series> series(String code);

    /** Every series, by code. */
    List<Series> allSeries();

    /** The invoice or credit note with {@code id}. */
    Optional<Invoice> invoice(InvoiceId id);

    /** The invoice or credit note numbered {@code number}. */
    Optional<Invoice> invoiceByNumber(String number);

    /** Up to {@code limit} invoices and credit notes with ids after {@code after} (all if empty), by id. */
    List<Invoice> invoicesAfter(Optional<InvoiceId> after, int limit);

    /** The last sequence handed out by {@code series} in {@code period}, 0 if none. */
    long counter(String series, NumberingPeriod period);

    /**
     * The gap audit of {@code series} in {@code period}, from the counter and the sequences of
     * every invoice numbered there read at one point in time ({@link GapAudit#of}).
     */
    GapAudit gapAudit(String series, NumberingPeriod period);

    /**
     * Up to {@code limit} invoices that are issued or partially paid (not yet marked overdue) and
     * due before {@code date}, by due date and id.
     */
    List<Invoice> overdueUnmarked(LocalDate date, int limit);

    /** The payment with {@code id}, with its allocations. */
    Optional<Payment> payment(PaymentId id);
}

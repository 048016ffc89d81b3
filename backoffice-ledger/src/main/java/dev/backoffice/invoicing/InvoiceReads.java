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

    /**
     * Up to {@code limit} numbered invoices and credit notes issued in {@code from..to}, with ids
     * after {@code after} (all if empty), by id (the VAT register). The default scans
     * {@link #invoicesAfter}; stores with an index on the issue date answer it directly.
     */
    default List<Invoice> issuedBetween(LocalDate from, LocalDate to, Optional<InvoiceId> after, int limit) {
        List<Invoice> out = new java.util.ArrayList<>();
        Optional<InvoiceId> cursor = after;
        while (out.size() < limit) {
            List<Invoice> page = invoicesAfter(cursor, InvoicingLimits.MAX_PAGE_SIZE);
            for (Invoice i : page) {
                if (i.number().isPresent() && !i.issueDate().orElseThrow().isBefore(from) && !i.issueDate().orElseThrow().isAfter(to)
                        && out.size() < limit) {
                    out.add(i);
                }
            }
            if (page.size() < InvoicingLimits.MAX_PAGE_SIZE) {
                break;
            }
            cursor = Optional.of(page.get(page.size() - 1).id());
        }
        return out;
    }

    /**
     * Up to {@code limit} open invoices ({@link InvoiceStatus#isOpen()}, kind invoice) with ids
     * after {@code after} (all if empty), by id (the aging report). The default scans
     * {@link #invoicesAfter}; stores with an index on the status answer it directly.
     */
    default List<Invoice> openInvoices(Optional<InvoiceId> after, int limit) {
        List<Invoice> out = new java.util.ArrayList<>();
        Optional<InvoiceId> cursor = after;
        while (out.size() < limit) {
            List<Invoice> page = invoicesAfter(cursor, InvoicingLimits.MAX_PAGE_SIZE);
            for (Invoice i : page) {
                if (i.kind() == InvoiceKind.INVOICE && i.status().isOpen() && out.size() < limit) {
                    out.add(i);
                }
            }
            if (page.size() < InvoicingLimits.MAX_PAGE_SIZE) {
                break;
            }
            cursor = Optional.of(page.get(page.size() - 1).id());
        }
        return out;
    }

    /**
     * The credit notes that correct {@code invoice}, by id. The default scans
     * {@link #invoicesAfter}; stores with an index on the corrected invoice answer it directly.
     */
    default List<Invoice> creditNotesOf(InvoiceId invoice) {
        List<Invoice> out = new java.util.ArrayList<>();
        Optional<InvoiceId> cursor = Optional.empty();
        while (true) {
            List<Invoice> page = invoicesAfter(cursor, InvoicingLimits.MAX_PAGE_SIZE);
            page.stream().filter(i -> i.corrects().equals(Optional.of(invoice))).forEach(out::add);
            if (page.size() < InvoicingLimits.MAX_PAGE_SIZE) {
                return out;
            }
            cursor = Optional.of(page.get(page.size() - 1).id());
        }
    }

    /**
     * Every allocation of every payment to one of {@code invoices} (negative ones, unallocations,
     * included), with its date: what a report as of a past date needs ({@link TenantInvoicing#aging}).
     * The SDK's stores answer it from committed data; the default cannot (payments are not listed
     * by this interface) and refuses.
     */
    default List<Allocation> allocationsTo(java.util.Collection<InvoiceId> invoices) {
        throw new UnsupportedOperationException("this store does not list allocations by invoice");
    }
}

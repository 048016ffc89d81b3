package dev.backoffice.invoicing;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * One transaction of a {@link TenantInvoiceStore}: reads see its own writes, and every row it
 * locks stays locked until the commit. Writes check nothing but the keys: the rules are the
 * caller's.
 *
 * <p>Locking order (so that no two transactions deadlock): payments, then invoices in id order,
 * then series counters, then whatever an enclosing unit locks after them (the ledger's rows).
 */
public interface InvoiceTx extends InvoiceReads {

    /** Stores a new series; false (and nothing written) if its code is taken. */
    boolean insertSeries(Series series);

    /**
     * Hands out the next sequence of {@code series} in {@code period} (1 for the first) and keeps
     * the counter locked until the commit, so concurrent issuers of the series wait: the number
     * and the invoice that carries it commit together or not at all.
     */
    long nextSequence(String series, NumberingPeriod period);

    /** Stores a new invoice or credit note (version 1); false (and nothing written) if its id is taken. */
    boolean insertInvoice(Invoice invoice);

    /** The invoice with {@code id}, locked until the commit. */
    Optional<Invoice> lockInvoice(InvoiceId id);

    /** The invoices with {@code ids} that exist, locked in id order until the commit. */
    List<Invoice> lockInvoices(Collection<InvoiceId> ids);

    /**
     * Replaces the stored invoice with {@code invoice}, whose version must be the stored one plus
     * one (the caller holds its lock).
     *
     * @throws IllegalStateException if the stored version is not {@code invoice.version() - 1}
     */
    void updateInvoice(Invoice invoice);

    /** Stores a new payment with its allocations (version 1); false (and nothing written) if its id is taken. */
    boolean insertPayment(Payment payment);

    /** The payment with {@code id}, locked until the commit. */
    Optional<Payment> lockPayment(PaymentId id);

    /**
     * Adds {@code allocations} to the stored payment and moves it to {@code payment.version()},
     * which must be the stored version plus one; {@code payment} is the payment with them.
     *
     * @throws IllegalStateException if the stored version is not {@code payment.version() - 1}
     */
    void addAllocations(Payment payment, List<Allocation> allocations);
}

package dev.backoffice.invoicing;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * One transaction of a {@link TenantPayableStore}: reads see its own writes, and every row it
 * locks stays locked until the commit. Writes check nothing but the keys: the rules are the
 * caller's. Locking order: payments, then invoices in id order, then the ledger's rows.
 */
public interface PayableTx extends PayableReads {

    /**
     * Stores a new supplier's invoice (version 1); false (and nothing written) if its id, or its
     * supplier and supplier number, are taken.
     */
    boolean insertPurchase(PurchaseInvoice invoice);

    /** The supplier's invoice with {@code id}, locked until the commit. */
    Optional<PurchaseInvoice> lockPurchase(InvoiceId id);

    /** The suppliers' invoices with {@code ids} that exist, locked in id order until the commit. */
    List<PurchaseInvoice> lockPurchases(Collection<InvoiceId> ids);

    /**
     * Replaces the stored invoice with {@code invoice}, whose version must be the stored one plus one.
     *
     * @throws IllegalStateException if the stored version is not {@code invoice.version() - 1}
     */
    void updatePurchase(PurchaseInvoice invoice);

    /** Stores a new payment to a supplier with its allocations; false (and nothing written) if its id is taken. */
    boolean insertSupplierPayment(Payment payment);

    /** The payment to a supplier with {@code id}, locked until the commit. */
    Optional<Payment> lockSupplierPayment(PaymentId id);

    /**
     * Adds {@code allocations} to the stored payment and moves it to {@code payment.version()},
     * which must be the stored version plus one.
     *
     * @throws IllegalStateException if the stored version is not {@code payment.version() - 1}
     */
    void addSupplierAllocations(Payment payment, List<Allocation> allocations);
}

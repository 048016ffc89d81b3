package dev.backoffice.invoicing;

import dev.backoffice.core.store.TenantReads;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Reads of one tenant's purchase ledger (committed data, or a transaction's own view). */
public interface PayableReads extends TenantReads {

    /** The supplier's invoice with {@code id}. */
    Optional<PurchaseInvoice> purchase(InvoiceId id);

    /** The invoice {@code supplier} numbered {@code supplierNumber}. */
    Optional<PurchaseInvoice> purchaseBySupplierNumber(String supplier, String supplierNumber);

    /**
     * Up to {@code limit} open suppliers' invoices ({@link PurchaseStatus#isOpen()}) due on or
     * before {@code date}, by due date and id.
     */
    List<PurchaseInvoice> dueBy(LocalDate date, int limit);

    /**
     * Up to {@code limit} suppliers' invoices posted to the ledger (approved, partially paid or
     * paid) received in {@code from..to}, with ids after {@code after} (all if empty), by id.
     */
    List<PurchaseInvoice> postedReceivedBetween(LocalDate from, LocalDate to, Optional<InvoiceId> after, int limit);

    /** The payment to a supplier with {@code id}, with its allocations. */
    Optional<Payment> supplierPayment(PaymentId id);
}

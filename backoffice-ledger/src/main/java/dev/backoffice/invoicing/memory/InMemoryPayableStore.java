package dev.backoffice.invoicing.memory;

import dev.backoffice.core.store.TenantScope;
import dev.backoffice.core.store.TenantScopedStore;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.invoicing.Allocation;
import dev.backoffice.invoicing.InvoiceId;
import dev.backoffice.invoicing.PayableReads;
import dev.backoffice.invoicing.PayableStore;
import dev.backoffice.invoicing.PayableTx;
import dev.backoffice.invoicing.Payment;
import dev.backoffice.invoicing.PaymentId;
import dev.backoffice.invoicing.PurchaseInvoice;
import dev.backoffice.invoicing.PurchaseStatus;
import dev.backoffice.invoicing.TenantPayableStore;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The purchase ledger in memory, for tests, demos and single-process tools. Like
 * {@link InMemoryInvoiceStore}: each tenant's books are guarded by one monitor, a write stages
 * its changes and applies them only when its unit of work returns, so a unit that throws leaves
 * nothing behind.
 */
public final class InMemoryPayableStore extends TenantScopedStore<TenantPayableStore> implements PayableStore {

    private InMemoryPayableStore() {
        super(Handles.KEPT);
    }

    /** An empty store. */
    public static InMemoryPayableStore create() {
        return new InMemoryPayableStore();
    }

    @Override
    protected TenantPayableStore open(TenantId tenant) {
        return new Books(tenant);
    }

    private static String numberKey(String supplier, String number) {
        return supplier.length() + ":" + supplier + "|" + number;
    }

    /** One tenant's committed purchase ledger; guarded by its own monitor. */
    private static final class Books extends TenantScope implements TenantPayableStore {
        private final TreeMap<InvoiceId, PurchaseInvoice> purchases = new TreeMap<>();
        private final Map<String, InvoiceId> byNumber = new HashMap<>();
        private final Map<PaymentId, Payment> payments = new HashMap<>();
        private final PayableReads reads = new Reads();

        Books(TenantId tenant) {
            super(tenant);
        }

        @Override
        public PayableReads read() {
            return reads;
        }

        @Override
        public <T> T write(Function<? super PayableTx, ? extends T> work) {
            Check.notNull(work, "work");
            synchronized (this) {
                Staged tx = new Staged();
                T result = work.apply(tx);
                tx.apply();
                return result;
            }
        }

        /** Committed reads, each under the monitor. */
        private final class Reads implements PayableReads {
            @Override
            public TenantId tenant() {
                return tenant;
            }

            @Override
            public Optional<PurchaseInvoice> purchase(InvoiceId id) {
                synchronized (Books.this) {
                    return Optional.ofNullable(purchases.get(id));
                }
            }

            @Override
            public Optional<PurchaseInvoice> purchaseBySupplierNumber(String supplier, String number) {
                synchronized (Books.this) {
                    return Optional.ofNullable(byNumber.get(numberKey(supplier, number))).map(purchases::get);
                }
            }

            @Override
            public List<PurchaseInvoice> dueBy(LocalDate date, int limit) {
                synchronized (Books.this) {
                    return due(purchases.values(), date, limit);
                }
            }

            @Override
            public List<PurchaseInvoice> postedReceivedBetween(LocalDate from, LocalDate to, Optional<InvoiceId> after, int limit) {
                synchronized (Books.this) {
                    return posted(after.isPresent() ? purchases.tailMap(after.get(), false).values() : purchases.values(), from, to, limit);
                }
            }

            @Override
            public Optional<Payment> supplierPayment(PaymentId id) {
                synchronized (Books.this) {
                    return Optional.ofNullable(payments.get(id));
                }
            }
        }

        /** One unit of work: reads through what it staged, applies it on success. */
        private final class Staged implements PayableTx {
            private final Map<InvoiceId, PurchaseInvoice> newPurchases = new LinkedHashMap<>();
            private final Map<PaymentId, Payment> newPayments = new LinkedHashMap<>();

            @Override
            public TenantId tenant() {
                return tenant;
            }

            @Override
            public Optional<PurchaseInvoice> purchase(InvoiceId id) {
                PurchaseInvoice p = newPurchases.get(id);
                return p != null ? Optional.of(p) : Optional.ofNullable(purchases.get(id));
            }

            @Override
            public Optional<PurchaseInvoice> purchaseBySupplierNumber(String supplier, String number) {
                for (PurchaseInvoice p : newPurchases.values()) {
                    if (p.supplier().equals(supplier) && p.supplierNumber().equals(number)) {
                        return Optional.of(p);
                    }
                }
                return Optional.ofNullable(byNumber.get(numberKey(supplier, number))).flatMap(this::purchase);
            }

            @Override
            public List<PurchaseInvoice> dueBy(LocalDate date, int limit) {
                return due(merged().values(), date, limit);
            }

            @Override
            public List<PurchaseInvoice> postedReceivedBetween(LocalDate from, LocalDate to, Optional<InvoiceId> after, int limit) {
                TreeMap<InvoiceId, PurchaseInvoice> all = merged();
                return posted(after.isPresent() ? all.tailMap(after.get(), false).values() : all.values(), from, to, limit);
            }

            @Override
            public Optional<Payment> supplierPayment(PaymentId id) {
                Payment p = newPayments.get(id);
                return p != null ? Optional.of(p) : Optional.ofNullable(payments.get(id));
            }

            @Override
            public boolean insertPurchase(PurchaseInvoice invoice) {
                if (purchase(invoice.id()).isPresent()
                        || purchaseBySupplierNumber(invoice.supplier(), invoice.supplierNumber()).isPresent()) {
                    return false;
                }
                if (invoice.version() != 1) {
                    throw new IllegalStateException("a new purchase invoice is stored at version 1, not " + invoice.version());
                }
                newPurchases.put(invoice.id(), invoice);
                return true;
            }

            @Override
            public Optional<PurchaseInvoice> lockPurchase(InvoiceId id) {
                return purchase(id); // the unit holds the tenant's monitor: everything is locked
            }

            @Override
            public List<PurchaseInvoice> lockPurchases(Collection<InvoiceId> ids) {
                List<PurchaseInvoice> out = new ArrayList<>();
                for (InvoiceId id : new TreeSet<>(ids)) {
                    purchase(id).ifPresent(out::add);
                }
                return out;
            }

            @Override
            public void updatePurchase(PurchaseInvoice invoice) {
                PurchaseInvoice stored = purchase(invoice.id()).orElseThrow(
                        () -> new IllegalStateException("purchase invoice " + invoice.id() + " is not stored"));
                if (stored.version() != invoice.version() - 1) {
                    throw new IllegalStateException("purchase invoice " + invoice.id() + " is at version " + stored.version()
                            + ", not " + (invoice.version() - 1));
                }
                newPurchases.put(invoice.id(), invoice);
            }

            @Override
            public boolean insertSupplierPayment(Payment payment) {
                if (supplierPayment(payment.id()).isPresent()) {
                    return false;
                }
                newPayments.put(payment.id(), payment);
                return true;
            }

            @Override
            public Optional<Payment> lockSupplierPayment(PaymentId id) {
                return supplierPayment(id);
            }

            @Override
            public void addSupplierAllocations(Payment payment, List<Allocation> allocations) {
                Payment stored = supplierPayment(payment.id()).orElseThrow(
                        () -> new IllegalStateException("payment " + payment.id() + " is not stored"));
                if (stored.version() != payment.version() - 1
                        || stored.allocations().size() + allocations.size() != payment.allocations().size()) {
                    throw new IllegalStateException("payment " + payment.id() + " is at version " + stored.version()
                            + "; cannot add " + allocations.size() + " allocations to make version " + payment.version());
                }
                newPayments.put(payment.id(), payment);
            }

            private TreeMap<InvoiceId, PurchaseInvoice> merged() {
                TreeMap<InvoiceId, PurchaseInvoice> all = new TreeMap<>(purchases);
                all.putAll(newPurchases);
                return all;
            }

            /** Makes the staged writes the committed state; nothing here can fail. */
            void apply() {
                for (PurchaseInvoice p : newPurchases.values()) {
                    purchases.put(p.id(), p);
                    byNumber.put(numberKey(p.supplier(), p.supplierNumber()), p.id());
                }
                payments.putAll(newPayments);
            }
        }
    }

    private static List<PurchaseInvoice> due(Collection<PurchaseInvoice> all, LocalDate date, int limit) {
        return all.stream()
                .filter(p -> p.status().isOpen() && !p.dueDate().isAfter(date))
                .sorted(Comparator.comparing(PurchaseInvoice::dueDate).thenComparing(PurchaseInvoice::id))
                .limit(limit)
                .toList();
    }

    private static List<PurchaseInvoice> posted(Collection<PurchaseInvoice> all, LocalDate from, LocalDate to, int limit) {
        return all.stream()
                .filter(p -> p.status() != PurchaseStatus.RECEIVED && p.status() != PurchaseStatus.REJECTED
                        && !p.receivedOn().isBefore(from) && !p.receivedOn().isAfter(to))
                .limit(limit)
                .toList();
    }
}

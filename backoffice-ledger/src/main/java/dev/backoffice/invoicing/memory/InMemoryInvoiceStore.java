package dev.backoffice.invoicing.memory;

import dev.backoffice.core.store.TenantScope;
import dev.backoffice.core.store.TenantScopedStore;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.invoicing.Allocation;
import dev.backoffice.invoicing.GapAudit;
import dev.backoffice.invoicing.Invoice;
import dev.backoffice.invoicing.InvoiceId;
import dev.backoffice.invoicing.InvoiceKind;
import dev.backoffice.invoicing.InvoiceReads;
import dev.backoffice.invoicing.InvoiceStatus;
import dev.backoffice.invoicing.InvoiceStore;
import dev.backoffice.invoicing.InvoiceTx;
import dev.backoffice.invoicing.NumberingPeriod;
import dev.backoffice.invoicing.Payment;
import dev.backoffice.invoicing.PaymentId;
import dev.backoffice.invoicing.Series;
import dev.backoffice.invoicing.TenantInvoiceStore;

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
 * Invoices in memory, for tests, demos and single-process tools.
 *
 * <p>Each tenant's books are guarded by one monitor: a write runs its whole unit of work holding
 * it, against a staging area it reads through, and applies what it staged only when the work
 * returns, so a unit that throws leaves nothing behind (no invoice, no number). Because writes
 * of a tenant run one at a time, numbers are handed out without a gap by construction. Reads
 * take the monitor too, so they see whole units only. Values are immutable.
 */
public final class InMemoryInvoiceStore extends TenantScopedStore<TenantInvoiceStore> implements InvoiceStore {

    private InMemoryInvoiceStore() {
        super(Handles.KEPT);
    }

    /** An empty store. */
    public static InMemoryInvoiceStore create() {
        return new InMemoryInvoiceStore();
    }

    @Override
    protected TenantInvoiceStore open(TenantId tenant) {
        return new Books(tenant);
    }

    private static String key(String series, NumberingPeriod period) {
        return series + "|" + period.key();
    }

    /** One tenant's committed books; guarded by its own monitor. */
    private static final class Books extends TenantScope implements TenantInvoiceStore {
        private final TreeMap<String, Series> series = new TreeMap<>();
        private final Map<String, Long> counters = new HashMap<>();
        private final TreeMap<InvoiceId, Invoice> invoices = new TreeMap<>();
        private final Map<String, InvoiceId> byNumber = new HashMap<>();
        private final Map<String, List<Long>> sequences = new HashMap<>();
        private final Map<PaymentId, Payment> payments = new HashMap<>();
        private final InvoiceReads reads = new Reads();

        Books(TenantId tenant) {
            super(tenant);
        }

        @Override
        public InvoiceReads read() {
            return reads;
        }

        @Override
        public <T> T write(Function<? super InvoiceTx, ? extends T> work) {
            Check.notNull(work, "work");
            synchronized (this) {
                Staged tx = new Staged();
                T result = work.apply(tx);
                tx.apply();
                return result;
            }
        }

        /** Committed reads, each under the monitor. */
        private final class Reads implements InvoiceReads {
            @Override
            public TenantId tenant() {
                return tenant;
            }

            @Override
            public Optional<Series> series(String code) {
                synchronized (Books.this) {
                    return Optional.ofNullable(series.get(code));
                }
            }

            @Override
            public List<Series> allSeries() {
                synchronized (Books.this) {
                    return List.copyOf(series.values());
                }
            }

            @Override
            public Optional<Invoice> invoice(InvoiceId id) {
                synchronized (Books.this) {
                    return Optional.ofNullable(invoices.get(id));
                }
            }

            @Override
            public Optional<Invoice> invoiceByNumber(String number) {
                synchronized (Books.this) {
                    return Optional.ofNullable(byNumber.get(number)).map(invoices::get);
                }
            }

            @Override
            public List<Invoice> invoicesAfter(Optional<InvoiceId> after, int limit) {
                synchronized (Books.this) {
                    return first(after.isPresent() ? invoices.tailMap(after.get(), false).values() : invoices.values(), limit);
                }
            }

            @Override
            public long counter(String s, NumberingPeriod period) {
                synchronized (Books.this) {
                    return counters.getOrDefault(key(s, period), 0L);
                }
            }

            @Override
            public GapAudit gapAudit(String s, NumberingPeriod period) {
                synchronized (Books.this) {
                    return GapAudit.of(s, period, counters.getOrDefault(key(s, period), 0L),
                            List.copyOf(sequences.getOrDefault(key(s, period), List.of())));
                }
            }

            @Override
            public List<Invoice> overdueUnmarked(LocalDate date, int limit) {
                synchronized (Books.this) {
                    return overdue(invoices.values(), date, limit);
                }
            }

            @Override
            public Optional<Payment> payment(PaymentId id) {
                synchronized (Books.this) {
                    return Optional.ofNullable(payments.get(id));
                }
            }

            @Override
            public List<Allocation> allocationsTo(java.util.Collection<InvoiceId> wanted) {
                java.util.Set<InvoiceId> ids = java.util.Set.copyOf(wanted);
                synchronized (Books.this) {
                    List<Allocation> out = new ArrayList<>();
                    payments.values().forEach(p -> p.allocations().stream().filter(a -> ids.contains(a.invoice())).forEach(out::add));
                    return out;
                }
            }
        }

        /** One unit of work: reads through what it staged, applies it on success. */
        private final class Staged implements InvoiceTx {
            private final Map<String, Series> newSeries = new LinkedHashMap<>();
            private final Map<String, Long> newCounters = new HashMap<>();
            private final Map<InvoiceId, Invoice> newInvoices = new LinkedHashMap<>();
            private final Map<PaymentId, Payment> newPayments = new LinkedHashMap<>();

            @Override
            public TenantId tenant() {
                return tenant;
            }

            @Override
            public Optional<Series> series(String code) {
                Series s = newSeries.get(code);
                return s != null ? Optional.of(s) : Optional.ofNullable(series.get(code));
            }

            @Override
            public List<Series> allSeries() {
                TreeMap<String, Series> all = new TreeMap<>(series);
                all.putAll(newSeries);
                return List.copyOf(all.values());
            }

            @Override
            public Optional<Invoice> invoice(InvoiceId id) {
                Invoice i = newInvoices.get(id);
                return i != null ? Optional.of(i) : Optional.ofNullable(invoices.get(id));
            }

            @Override
            public Optional<Invoice> invoiceByNumber(String number) {
                for (Invoice i : newInvoices.values()) {
                    if (i.number().equals(Optional.of(number))) {
                        return Optional.of(i);
                    }
                }
                return Optional.ofNullable(byNumber.get(number)).map(this::invoice).flatMap(Function.identity());
            }

            @Override
            public List<Invoice> invoicesAfter(Optional<InvoiceId> after, int limit) {
                TreeMap<InvoiceId, Invoice> all = merged();
                return first(after.isPresent() ? all.tailMap(after.get(), false).values() : all.values(), limit);
            }

            @Override
            public long counter(String s, NumberingPeriod period) {
                String k = key(s, period);
                Long staged = newCounters.get(k);
                return staged != null ? staged : counters.getOrDefault(k, 0L);
            }

            @Override
            public GapAudit gapAudit(String s, NumberingPeriod period) {
                List<Long> seqs = new ArrayList<>();
                for (Invoice i : merged().values()) {
                    if (i.series().equals(s) && i.period().equals(Optional.of(period))) {
                        seqs.add(i.sequence());
                    }
                }
                return GapAudit.of(s, period, counter(s, period), seqs);
            }

            @Override
            public List<Invoice> overdueUnmarked(LocalDate date, int limit) {
                return overdue(merged().values(), date, limit);
            }

            @Override
            public Optional<Payment> payment(PaymentId id) {
                Payment p = newPayments.get(id);
                return p != null ? Optional.of(p) : Optional.ofNullable(payments.get(id));
            }

            @Override
            public boolean insertSeries(Series s) {
                if (series(s.code()).isPresent()) {
                    return false;
                }
                newSeries.put(s.code(), s);
                return true;
            }

            @Override
            public long nextSequence(String s, NumberingPeriod period) {
                long next = counter(s, period) + 1;
                newCounters.put(key(s, period), next);
                return next;
            }

            @Override
            public boolean insertInvoice(Invoice invoice) {
                if (invoice(invoice.id()).isPresent()) {
                    return false;
                }
                if (invoice.version() != 1) {
                    throw new IllegalStateException("a new invoice is stored at version 1, not " + invoice.version());
                }
                newInvoices.put(invoice.id(), invoice);
                return true;
            }

            @Override
            public Optional<Invoice> lockInvoice(InvoiceId id) {
                return invoice(id); // the unit holds the tenant's monitor: everything is locked
            }

            @Override
            public List<Invoice> lockInvoices(Collection<InvoiceId> ids) {
                List<Invoice> out = new ArrayList<>();
                for (InvoiceId id : new TreeSet<>(ids)) {
                    invoice(id).ifPresent(out::add);
                }
                return out;
            }

            @Override
            public void updateInvoice(Invoice invoice) {
                Invoice stored = invoice(invoice.id()).orElseThrow(
                        () -> new IllegalStateException("invoice " + invoice.id() + " is not stored"));
                if (stored.version() != invoice.version() - 1) {
                    throw new IllegalStateException("invoice " + invoice.id() + " is at version " + stored.version()
                            + ", not " + (invoice.version() - 1));
                }
                newInvoices.put(invoice.id(), invoice);
            }

            @Override
            public boolean insertPayment(Payment payment) {
                if (payment(payment.id()).isPresent()) {
                    return false;
                }
                newPayments.put(payment.id(), payment);
                return true;
            }

            @Override
            public Optional<Payment> lockPayment(PaymentId id) {
                return payment(id);
            }

            @Override
            public void addAllocations(Payment payment, List<Allocation> allocations) {
                Payment stored = payment(payment.id()).orElseThrow(
                        () -> new IllegalStateException("payment " + payment.id() + " is not stored"));
                if (stored.version() != payment.version() - 1
                        || stored.allocations().size() + allocations.size() != payment.allocations().size()) {
                    throw new IllegalStateException("payment " + payment.id() + " is at version " + stored.version()
                            + " with " + stored.allocations().size() + " allocations; cannot add " + allocations.size()
                            + " to make version " + payment.version());
                }
                newPayments.put(payment.id(), payment);
            }

            private TreeMap<InvoiceId, Invoice> merged() {
                TreeMap<InvoiceId, Invoice> all = new TreeMap<>(invoices);
                all.putAll(newInvoices);
                return all;
            }

            /** Makes the staged writes the committed state; nothing here can fail. */
            void apply() {
                series.putAll(newSeries);
                counters.putAll(newCounters);
                for (Invoice i : newInvoices.values()) {
                    Invoice before = invoices.put(i.id(), i);
                    if (i.number().isPresent() && (before == null || before.number().isEmpty())) {
                        byNumber.put(i.number().get(), i.id());
                        sequences.computeIfAbsent(key(i.series(), i.period().orElseThrow()), k -> new ArrayList<>()).add(i.sequence());
                    }
                }
                payments.putAll(newPayments);
            }
        }
    }

    private static List<Invoice> first(Collection<Invoice> invoices, int limit) {
        List<Invoice> out = new ArrayList<>(Math.min(limit, invoices.size()));
        for (Invoice i : invoices) {
            if (out.size() == limit) {
                break;
            }
            out.add(i);
        }
        return out;
    }

    private static List<Invoice> overdue(Collection<Invoice> invoices, LocalDate date, int limit) {
        return invoices.stream()
                .filter(i -> i.kind() == InvoiceKind.INVOICE
                        && (i.status() == InvoiceStatus.ISSUED || i.status() == InvoiceStatus.PARTIALLY_PAID)
                        && i.dueDate().isPresent() && i.dueDate().get().isBefore(date))
                .sorted(Comparator.comparing((Invoice i) -> i.dueDate().get()).thenComparing(Invoice::id))
                .limit(limit)
                .toList();
    }
}

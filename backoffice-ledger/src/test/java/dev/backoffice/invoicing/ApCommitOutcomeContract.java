package dev.backoffice.invoicing;

import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.metrics.Meters;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.CommitOutcomes;
import dev.backoffice.core.testing.CommitOutcomes.Fault;
import dev.backoffice.core.testing.CommitOutcomes.Probe;
import dev.backoffice.core.testing.FaultyDataSource;
import dev.backoffice.core.testing.RecordingMetrics;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.invoicing.jdbc.JdbcInvoiceStore;
import dev.backoffice.invoicing.jdbc.JdbcPayableStore;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.ledger.jdbc.JdbcLedgerStore;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import static dev.backoffice.invoicing.ApFixtures.GLOBEX_KEY;
import static dev.backoffice.invoicing.ApFixtures.bill;
import static dev.backoffice.invoicing.InvoicingFixtures.pln;
import static dev.backoffice.invoicing.InvoicingFixtures.sale;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a failure of the new writes means (as {@link InvoicingCommitOutcomeContract} for issues and
 * payments): registering and approving a supplier's invoice, paying a supplier, a partial credit
 * note and an unallocation, each under every commit and statement fault on one faulty data source
 * shared by invoices, payables, ledger and audit. What the caller was told matches what is stored,
 * and afterwards the payable is the sum of what is open on approved invoices, the receivable what
 * is open on sales, the credit-note series has no gap.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApCommitOutcomeContract {

    private static final java.time.LocalDate MARCH_16 = java.time.LocalDate.of(2026, 3, 16);

    private final StoreKind kind;
    private TestDatabase db;
    private FaultyDataSource faulty;
    private JdbcInvoiceStore invoices;
    private JdbcPayableStore payableStore;
    private JdbcLedgerStore ledgerStore;
    private TenantInvoicing invoicing;
    private TenantPayables payables;
    private TenantLedger ledger;
    private int numbers;
    private final RecordingMetrics metrics = new RecordingMetrics();

    protected ApCommitOutcomeContract(StoreKind kind) {
        this.kind = kind;
    }

    @BeforeAll
    void open() {
        db = kind.openDatabase();
        faulty = new FaultyDataSource(db.dataSource());
        invoices = JdbcInvoiceStore.builder(Jdbc.of(faulty).withMetrics(metrics)).build();
        payableStore = JdbcPayableStore.create(Jdbc.of(faulty).withMetrics(metrics));
        assertThat(payableStore.metrics()).isSameAs(metrics);
        ledgerStore = JdbcLedgerStore.create(faulty);
    }

    @AfterAll
    void close() {
        if (ledgerStore != null) {
            ledgerStore.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void freshTenant() {
        faulty.disarm();
        AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-03-16T09:00:00Z"));
        TenantId tenant = TenantId.of("t-" + UUID.randomUUID());
        var audit = JdbcAuditStore.create(Jdbc.of(faulty), clock);
        Ledger ledgers = Ledger.builder().store(ledgerStore).clock(clock).audit(audit).build();
        ledger = ledgers.forTenant(tenant);
        ledger.openAll(ApFixtures.chart());
        invoicing = Invoicing.builder().store(invoices).payables(payableStore).ledger(ledgers, ApFixtures.ACCOUNTS).clock(clock)
                .audit(audit).build().forTenant(tenant);
        payables = invoicing.payables();
        invoicing.defineSeries(Series.of("FV", "FV/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        invoicing.defineSeries(Series.of("KOR", "KOR/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
    }

    private NewPurchaseInvoice nextBill(InvoiceId id) {
        return bill("P/" + (++numbers), "100.00", MARCH_16).build().withId(id);
    }

    private static <T> Optional<T> find(Supplier<T> read) {
        try {
            return Optional.of(read.get());
        } catch (BackofficeException e) {
            return Optional.empty();
        }
    }

    /** The payable is what is open on approved invoices, the receivable what is open on sales, KOR has no gap. */
    private void theBooksAgree(List<InvoiceId> purchases, List<InvoiceId> sales) {
        Money payable = purchases.stream().map(id -> find(() -> payables.purchase(id))).flatMap(Optional::stream)
                .filter(p -> p.status() != PurchaseStatus.RECEIVED).map(PurchaseInvoice::open).reduce(pln("0.00"), Money::plus);
        assertThat(ledger.balance("2100").posted()).isEqualTo(payable);
        Money receivable = sales.stream().map(id -> find(() -> invoicing.invoice(id))).flatMap(Optional::stream)
                .map(Invoice::open).reduce(pln("0.00"), Money::plus);
        assertThat(ledger.balance("1100").posted()).isEqualTo(receivable);
        GapAudit audit = invoicing.gapAudit("KOR", NumberingPeriod.year(Year.of(2026)));
        assertThat(audit.gapFree()).as(audit.toString()).isTrue();
    }

    @Test
    void registering_and_approving_a_suppliers_invoice_are_stored_once_whatever_the_fault() {
        List<InvoiceId> all = new ArrayList<>();
        Probe register = CommitOutcomes.probe(faulty, () -> payables.register(nextBill(InvoiceId.newId())),
                () -> payables.register(nextBill(InvoiceId.newId())));
        for (Fault fault : CommitOutcomes.faults(faulty, register)) {
            InvoiceId id = InvoiceId.newId();
            all.add(id);
            NewPurchaseInvoice command = nextBill(id);
            CommitOutcomes.toldMatchesStored(faulty, fault, () -> payables.register(command),
                    told -> find(() -> payables.purchase(told.id())).filter(told::equals).isPresent() ? 1 : 0,
                    () -> find(() -> payables.purchase(id)).isPresent() ? 1 : 0, 1);
        }
        InvoiceId a = payables.register(nextBill(InvoiceId.newId())).id();
        InvoiceId b = payables.register(nextBill(InvoiceId.newId())).id();
        all.add(a);
        all.add(b);
        Probe approve = CommitOutcomes.probe(faulty, () -> payables.approve(a, "approver"), () -> payables.approve(b, "approver"));
        System.out.println("[invoicing-ap] " + kind + ": one approval with its journal entry is " + approve.statements()
                + " statements and " + approve.commits() + " commit(s)");
        assertThat(approve.commits()).isEqualTo(1);
        for (Fault fault : CommitOutcomes.faults(faulty, approve)) {
            InvoiceId id = payables.register(nextBill(InvoiceId.newId())).id();
            all.add(id);
            CommitOutcomes.toldMatchesStored(faulty, fault, () -> payables.approve(id, "approver"),
                    told -> payables.purchase(told.id()).equals(told) ? 1 : 0,
                    () -> payables.purchase(id).status() == PurchaseStatus.APPROVED ? 1 : 0, 1);
        }
        theBooksAgree(all, List.of());
    }

    @Test
    void a_payment_to_a_supplier_is_stored_once_whatever_the_fault() {
        InvoiceId bill = payables.register(nextBill(InvoiceId.newId())).id();
        payables.approve(bill, "approver");
        Probe probe = CommitOutcomes.probe(faulty,
                () -> payables.pay(NewPayment.of(GLOBEX_KEY, pln("0.01"), MARCH_16, "probe").allocate(bill, pln("0.01"))),
                () -> payables.pay(NewPayment.of(GLOBEX_KEY, pln("0.01"), MARCH_16, "probe").allocate(bill, pln("0.01"))));
        List<PaymentId> made = new ArrayList<>();
        for (Fault fault : CommitOutcomes.faults(faulty, probe)) {
            PaymentId id = PaymentId.newId();
            made.add(id);
            CommitOutcomes.toldMatchesStored(faulty, fault, () -> payables.pay(NewPayment.of(GLOBEX_KEY, pln("0.01"), MARCH_16, "faulted")
                            .withId(id).allocate(bill, pln("0.01"))),
                    told -> find(() -> payables.payment(told.id())).filter(told::equals).isPresent() ? 1 : 0,
                    () -> find(() -> payables.payment(id)).isPresent() ? 1 : 0, 1);
        }
        long paid = 2 + made.stream().map(id -> find(() -> payables.payment(id))).flatMap(Optional::stream).count();
        assertThat(payables.purchase(bill).paid()).isEqualTo(pln("0.01").multipliedBy(paid));
        theBooksAgree(List.of(bill), List.of());
    }

    @Test
    void a_partial_credit_note_and_an_unallocation_are_stored_once_whatever_the_fault() {
        List<InvoiceId> sales = new ArrayList<>();
        Supplier<Invoice> sale = () -> {
            Invoice i = invoicing.issue(sale("FV", "100.00").line(InvoicingFixtures.line("More", "4", pln("10.00"), VatRate.PL_23)).build());
            sales.add(i.id());
            return i;
        };
        java.util.function.Function<Invoice, CorrectInvoice> half = i -> CorrectInvoice.of("KOR",
                List.of(i.lines().get(0), i.lines().get(1).withQuantity(new BigDecimal("2"))), "returned", "clerk");
        Invoice p1 = sale.get();
        Invoice p2 = sale.get();
        Probe correct = CommitOutcomes.probe(faulty, () -> invoicing.correct(p1.id(), half.apply(p1)),
                () -> invoicing.correct(p2.id(), half.apply(p2)));
        for (Fault fault : CommitOutcomes.faults(faulty, correct)) {
            Invoice i = sale.get();
            InvoiceId note = InvoiceId.newId();
            CommitOutcomes.toldMatchesStored(faulty, fault, () -> invoicing.correct(i.id(), half.apply(i).withCreditNoteId(note)),
                    told -> find(() -> invoicing.invoice(told.id())).filter(told::equals).isPresent() ? 1 : 0,
                    () -> find(() -> invoicing.invoice(note)).isPresent() ? 1 : 0, 1);
        }
        Invoice u1 = sale.get();
        Invoice u2 = sale.get();
        Payment pay1 = invoicing.recordPayment(NewPayment.of(GLOBEX_KEY, u1.gross(), MARCH_16, "u1").allocate(u1.id(), u1.gross()));
        Payment pay2 = invoicing.recordPayment(NewPayment.of(GLOBEX_KEY, u2.gross(), MARCH_16, "u2").allocate(u2.id(), u2.gross()));
        Probe unallocate = CommitOutcomes.probe(faulty,
                () -> invoicing.unallocate(pay1.id(), Unallocation.of(u1.id(), pln("1.00"), "probe", "clerk")),
                () -> invoicing.unallocate(pay2.id(), Unallocation.of(u2.id(), pln("1.00"), "probe", "clerk")));
        for (Fault fault : CommitOutcomes.faults(faulty, unallocate)) {
            Invoice i = sale.get();
            Payment p = invoicing.recordPayment(NewPayment.of(GLOBEX_KEY, i.gross(), MARCH_16, "f").allocate(i.id(), i.gross()));
            CommitOutcomes.toldMatchesStored(faulty, fault, () -> invoicing.unallocate(p.id(), Unallocation.of(i.id(), pln("1.00"), "f", "clerk")),
                    told -> invoicing.payment(told.id()).equals(told) ? 1 : 0,
                    () -> (int) invoicing.payment(p.id()).allocations().stream().filter(a -> a.amount().isNegative()).count(), 1);
            assertThat(invoicing.invoice(i.id()).paid()).isEqualTo(invoicing.payment(p.id()).allocated());
        }
        theBooksAgree(List.of(), sales);
    }

    @Test
    void a_registration_and_a_credit_note_whose_acknowledgements_are_lost_are_counted_as_resolved_by_lookup() {
        String resolved = Meters.OUTCOME_RESOLVED + "|module|invoicing";
        payables.register(nextBill(InvoiceId.newId())); // a tenant's first write may read in a transaction of its own
        int before = faulty.commits();
        payables.register(nextBill(InvoiceId.newId()));
        int commitsOfARegistration = faulty.commits() - before; // its write commits last
        metrics.clear();
        InvoiceId id = InvoiceId.newId();
        NewPurchaseInvoice command = nextBill(id);
        faulty.loseCommitAck(commitsOfARegistration);
        PurchaseInvoice registered;
        try {
            registered = payables.register(command);
        } finally {
            faulty.disarm();
        }
        assertThat(find(() -> payables.purchase(id))).contains(registered);
        assertThat(metrics.get(resolved)).as(metrics.toString()).isEqualTo(1);

        java.util.function.Function<Invoice, CorrectInvoice> half = i -> CorrectInvoice.of("KOR",
                List.of(i.lines().get(0), i.lines().get(1).withQuantity(new BigDecimal("2"))), "returned", "clerk");
        List<Invoice> sold = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            sold.add(invoicing.issue(sale("FV", "100.00").line(InvoicingFixtures.line("More", "4", pln("10.00"), VatRate.PL_23)).build()));
        }
        invoicing.correct(sold.get(0).id(), half.apply(sold.get(0)));
        before = faulty.commits();
        invoicing.correct(sold.get(1).id(), half.apply(sold.get(1)));
        int commitsOfACorrection = faulty.commits() - before;
        assertThat(metrics.get(resolved)).as("a first attempt that answers records nothing").isEqualTo(1);
        InvoiceId note = InvoiceId.newId();
        faulty.loseCommitAck(commitsOfACorrection);
        Invoice credited;
        try {
            credited = invoicing.correct(sold.get(2).id(), half.apply(sold.get(2)).withCreditNoteId(note));
        } finally {
            faulty.disarm();
        }
        assertThat(find(() -> invoicing.invoice(note))).contains(credited);
        assertThat(metrics.get(resolved)).as(metrics.toString()).isEqualTo(2);
        assertThat(metrics.get(Meters.OUTCOME_UNKNOWN + "|module|invoicing")).isZero();
        theBooksAgree(List.of(), sold.stream().map(Invoice::id).toList());
    }
}

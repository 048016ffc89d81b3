package dev.backoffice.invoicing;

import dev.backoffice.core.metrics.Meters;
import dev.backoffice.core.testing.CommitOutcomeContract;
import dev.backoffice.core.testing.CommitOutcomes.Fault;
import dev.backoffice.core.testing.CommitOutcomes.Probe;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.jdbc.JdbcInvoiceStore;
import dev.backoffice.invoicing.jdbc.JdbcPayableStore;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.ledger.jdbc.JdbcLedgerStore;
import dev.backoffice.ledger.jdbc.TenantBooks;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
public abstract class ApCommitOutcomeContract extends CommitOutcomeContract {

    private static final java.time.LocalDate MARCH_16 = java.time.LocalDate.of(2026, 3, 16);

    private JdbcInvoiceStore invoices;
    private JdbcPayableStore payableStore;
    private JdbcLedgerStore ledgerStore;
    private TenantInvoicing invoicing;
    private TenantPayables payables;
    private TenantLedger ledger;
    private int numbers;

    protected ApCommitOutcomeContract(StoreKind kind) {
        super(kind);
    }

    @BeforeAll
    void open() {
        invoices = JdbcInvoiceStore.builder(meteredJdbc()).build();
        payableStore = JdbcPayableStore.create(meteredJdbc());
        assertThat(payableStore.metrics()).isSameAs(metrics());
        ledgerStore = closeAfterAll(JdbcLedgerStore.create(faulty()));
    }

    @BeforeEach
    void freshTenant() {
        TenantBooks books = TenantBooks.open(ledgerStore, jdbc(), ApFixtures.chart());
        ledger = books.ledger();
        invoicing = Invoicing.builder().store(invoices).payables(payableStore).ledger(books.ledgers(), ApFixtures.ACCOUNTS)
                .clock(books.clock()).audit(books.audit()).build().forTenant(books.tenant());
        payables = invoicing.payables();
        invoicing.defineSeries(Series.of("FV", "FV/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        invoicing.defineSeries(Series.of("KOR", "KOR/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
    }

    private NewPurchaseInvoice nextBill(InvoiceId id) {
        return bill("P/" + (++numbers), "100.00", MARCH_16).build().withId(id);
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
        Probe register = probe(() -> payables.register(nextBill(InvoiceId.newId())),
                () -> payables.register(nextBill(InvoiceId.newId())));
        for (Fault fault : faults(register)) {
            InvoiceId id = InvoiceId.newId();
            all.add(id);
            NewPurchaseInvoice command = nextBill(id);
            toldMatchesStored(fault, () -> payables.register(command),
                    told -> find(() -> payables.purchase(told.id())).filter(told::equals).isPresent() ? 1 : 0,
                    () -> find(() -> payables.purchase(id)).isPresent() ? 1 : 0, 1);
        }
        InvoiceId a = payables.register(nextBill(InvoiceId.newId())).id();
        InvoiceId b = payables.register(nextBill(InvoiceId.newId())).id();
        all.add(a);
        all.add(b);
        Probe approve = probe(() -> payables.approve(a, "approver"), () -> payables.approve(b, "approver"));
        System.out.println("[invoicing-ap] " + kind() + ": one approval with its journal entry is " + approve.statements()
                + " statements and " + approve.commits() + " commit(s)");
        assertThat(approve.commits()).isEqualTo(1);
        for (Fault fault : faults(approve)) {
            InvoiceId id = payables.register(nextBill(InvoiceId.newId())).id();
            all.add(id);
            toldMatchesStored(fault, () -> payables.approve(id, "approver"),
                    told -> payables.purchase(told.id()).equals(told) ? 1 : 0,
                    () -> payables.purchase(id).status() == PurchaseStatus.APPROVED ? 1 : 0, 1);
        }
        theBooksAgree(all, List.of());
    }

    @Test
    void a_payment_to_a_supplier_is_stored_once_whatever_the_fault() {
        InvoiceId bill = payables.register(nextBill(InvoiceId.newId())).id();
        payables.approve(bill, "approver");
        Probe probe = probe(
                () -> payables.pay(NewPayment.of(GLOBEX_KEY, pln("0.01"), MARCH_16, "probe").allocate(bill, pln("0.01"))),
                () -> payables.pay(NewPayment.of(GLOBEX_KEY, pln("0.01"), MARCH_16, "probe").allocate(bill, pln("0.01"))));
        List<PaymentId> made = new ArrayList<>();
        for (Fault fault : faults(probe)) {
            PaymentId id = PaymentId.newId();
            made.add(id);
            toldMatchesStored(fault, () -> payables.pay(NewPayment.of(GLOBEX_KEY, pln("0.01"), MARCH_16, "faulted")
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
        Probe correct = probe(() -> invoicing.correct(p1.id(), half.apply(p1)),
                () -> invoicing.correct(p2.id(), half.apply(p2)));
        for (Fault fault : faults(correct)) {
            Invoice i = sale.get();
            InvoiceId note = InvoiceId.newId();
            toldMatchesStored(fault, () -> invoicing.correct(i.id(), half.apply(i).withCreditNoteId(note)),
                    told -> find(() -> invoicing.invoice(told.id())).filter(told::equals).isPresent() ? 1 : 0,
                    () -> find(() -> invoicing.invoice(note)).isPresent() ? 1 : 0, 1);
        }
        Invoice u1 = sale.get();
        Invoice u2 = sale.get();
        Payment pay1 = invoicing.recordPayment(NewPayment.of(GLOBEX_KEY, u1.gross(), MARCH_16, "u1").allocate(u1.id(), u1.gross()));
        Payment pay2 = invoicing.recordPayment(NewPayment.of(GLOBEX_KEY, u2.gross(), MARCH_16, "u2").allocate(u2.id(), u2.gross()));
        Probe unallocate = probe(
                () -> invoicing.unallocate(pay1.id(), Unallocation.of(u1.id(), pln("1.00"), "probe", "clerk")),
                () -> invoicing.unallocate(pay2.id(), Unallocation.of(u2.id(), pln("1.00"), "probe", "clerk")));
        for (Fault fault : faults(unallocate)) {
            Invoice i = sale.get();
            Payment p = invoicing.recordPayment(NewPayment.of(GLOBEX_KEY, i.gross(), MARCH_16, "f").allocate(i.id(), i.gross()));
            toldMatchesStored(fault, () -> invoicing.unallocate(p.id(), Unallocation.of(i.id(), pln("1.00"), "f", "clerk")),
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
        int commitsOfARegistration = commitsOf(() -> payables.register(nextBill(InvoiceId.newId()))); // its write commits last
        metrics().clear();
        InvoiceId id = InvoiceId.newId();
        NewPurchaseInvoice command = nextBill(id);
        PurchaseInvoice registered = withCommitAckLost(commitsOfARegistration, () -> payables.register(command));
        assertThat(find(() -> payables.purchase(id))).contains(registered);
        assertThat(metrics().get(resolved)).as(metrics().toString()).isEqualTo(1);

        java.util.function.Function<Invoice, CorrectInvoice> half = i -> CorrectInvoice.of("KOR",
                List.of(i.lines().get(0), i.lines().get(1).withQuantity(new BigDecimal("2"))), "returned", "clerk");
        List<Invoice> sold = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            sold.add(invoicing.issue(sale("FV", "100.00").line(InvoicingFixtures.line("More", "4", pln("10.00"), VatRate.PL_23)).build()));
        }
        invoicing.correct(sold.get(0).id(), half.apply(sold.get(0)));
        int commitsOfACorrection = commitsOf(() -> invoicing.correct(sold.get(1).id(), half.apply(sold.get(1))));
        assertThat(metrics().get(resolved)).as("a first attempt that answers records nothing").isEqualTo(1);
        InvoiceId note = InvoiceId.newId();
        Invoice credited = withCommitAckLost(commitsOfACorrection,
                () -> invoicing.correct(sold.get(2).id(), half.apply(sold.get(2)).withCreditNoteId(note)));
        assertThat(find(() -> invoicing.invoice(note))).contains(credited);
        assertThat(metrics().get(resolved)).as(metrics().toString()).isEqualTo(2);
        assertThat(metrics().get(Meters.OUTCOME_UNKNOWN + "|module|invoicing")).isZero();
        theBooksAgree(List.of(), sold.stream().map(Invoice::id).toList());
    }
}

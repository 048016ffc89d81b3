package dev.backoffice.invoicing;

import dev.backoffice.core.metrics.Meters;
import dev.backoffice.core.testing.CommitOutcomeContract;
import dev.backoffice.core.testing.CommitOutcomes.Fault;
import dev.backoffice.core.testing.CommitOutcomes.Probe;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.invoicing.jdbc.JdbcInvoiceStore;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.ledger.jdbc.JdbcLedgerStore;
import dev.backoffice.ledger.jdbc.TenantBooks;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.backoffice.invoicing.InvoicingFixtures.ACCOUNTS;
import static dev.backoffice.invoicing.InvoicingFixtures.GLOBEX;
import static dev.backoffice.invoicing.InvoicingFixtures.pln;
import static dev.backoffice.invoicing.InvoicingFixtures.sale;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a failure of an invoicing write means (DESIGN.md section 11), with faults injected
 * between the stores and a real database: a commit that lands and loses its acknowledgement, a
 * connection dropped while committing, and every statement of the write in turn failing. The
 * invoice store, the ledger and the audit log share the one (faulty) data source, so the invoice,
 * its number and its journal entry are one transaction. For every fault what the caller was told
 * matches what is stored, and afterwards the books agree: every issued invoice has its entry, the
 * numbers have no gap, the receivable is the sum of what is open. A lost acknowledgement a rerun
 * settles by lookup is counted as {@code backoffice.outcome.resolved{module=invoicing}} on the
 * store's recorder; a call answered at its first attempt records nothing.
 */
public abstract class InvoicingCommitOutcomeContract extends CommitOutcomeContract {

    private JdbcInvoiceStore invoices;
    private JdbcLedgerStore ledgerStore;
    private TenantInvoicing invoicing;
    private TenantLedger ledger;
    private final List<InvoiceId> attempted = new ArrayList<>();

    protected InvoicingCommitOutcomeContract(StoreKind kind) {
        super(kind);
    }

    @BeforeAll
    void open() {
        invoices = JdbcInvoiceStore.builder(meteredJdbc()).build();
        assertThat(invoices.metrics()).isSameAs(metrics());
        ledgerStore = closeAfterAll(JdbcLedgerStore.create(faulty()));
    }

    @BeforeEach
    void freshTenant() {
        attempted.clear();
        TenantBooks books = TenantBooks.open(ledgerStore, jdbc(), InvoicingFixtures.chart());
        ledger = books.ledger();
        invoicing = Invoicing.builder().store(invoices).ledger(books.ledgers(), ACCOUNTS).clock(books.clock()).audit(books.audit()).build()
                .forTenant(books.tenant());
        invoicing.defineSeries(Series.of("FV", "FV/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        invoicing.defineSeries(Series.of("KOR", "KOR/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
    }

    private Invoice issue(InvoiceId id) {
        attempted.add(id);
        return invoicing.issue(sale("FV", "100.00").id(id).build());
    }

    private Optional<Invoice> stored(InvoiceId id) {
        return find(() -> invoicing.invoice(id));
    }

    private boolean entryStored(Invoice invoice) {
        return invoice.ledgerEntry().isPresent() && ledger.journal(0, 10_000).stream()
                .anyMatch(e -> e.id().equals(invoice.ledgerEntry().get()));
    }

    /** Every issued invoice has its entry, the series has no gap, the receivable is what is open. */
    private void theBooksAgree() {
        List<Invoice> issued = attempted.stream().map(this::stored).flatMap(Optional::stream).toList();
        for (Invoice i : issued) {
            assertThat(i.number()).as("issued in the same transaction as its number").isPresent();
            assertThat(entryStored(i)).as("invoice %s has its journal entry", i.number()).isTrue();
        }
        GapAudit audit = invoicing.gapAudit("FV", NumberingPeriod.year(Year.of(2026)));
        assertThat(audit.gapFree()).as(audit.toString()).isTrue();
        Money open = issued.stream().map(Invoice::open).reduce(pln("0.00"), Money::plus);
        assertThat(ledger.balance("1100").posted()).isEqualTo(open);
    }

    @Test
    void an_issue_is_stored_once_with_its_number_and_its_entry_whatever_the_fault() {
        Probe probe = probe(() -> issue(InvoiceId.newId()), () -> issue(InvoiceId.newId()));
        System.out.println("[invoicing] " + kind() + ": one issue with its journal entry is " + probe.statements()
                + " statements and " + probe.commits() + " commit(s)");
        assertThat(probe.commits()).as("the invoice and its entry commit once, together").isEqualTo(1);
        for (Fault fault : faults(probe)) {
            InvoiceId id = InvoiceId.newId();
            toldMatchesStored(fault, () -> issue(id),
                    told -> stored(told.id()).filter(told::equals).isPresent() ? 1 : 0,
                    () -> stored(id).isPresent() ? 1 : 0, 1);
        }
        theBooksAgree();
    }

    @Test
    void a_payment_and_its_allocation_are_stored_once_whatever_the_fault() {
        List<Invoice> open = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            open.add(issue(InvoiceId.newId()));
        }
        Probe probe = probe(
                () -> invoicing.recordPayment(NewPayment.of(GLOBEX.taxId().orElseThrow().vatNumber(), pln("1.00"), open.get(0).issueDate().orElseThrow(), "probe")
                        .allocate(open.get(0).id(), pln("1.00"))),
                () -> invoicing.recordPayment(NewPayment.of(GLOBEX.taxId().orElseThrow().vatNumber(), pln("1.00"), open.get(0).issueDate().orElseThrow(), "probe")
                        .allocate(open.get(1).id(), pln("1.00"))));
        List<PaymentId> payments = new ArrayList<>();
        for (Fault fault : faults(probe)) {
            PaymentId id = PaymentId.newId();
            payments.add(id);
            toldMatchesStored(fault, () -> invoicing.recordPayment(
                            NewPayment.of(GLOBEX.taxId().orElseThrow().vatNumber(), pln("0.01"), open.get(0).issueDate().orElseThrow(), "faulted")
                                    .withId(id).allocate(open.get(2).id(), pln("0.01"))),
                    told -> payment(told.id()).filter(told::equals).isPresent() ? 1 : 0,
                    () -> payment(id).isPresent() ? 1 : 0, 1);
        }
        long paid = payments.stream().map(this::payment).flatMap(Optional::stream).count();
        assertThat(invoicing.invoice(open.get(2).id()).paid()).isEqualTo(pln("0.01").multipliedBy(paid));
        theBooksAgree();
    }

    @Test
    void an_issue_whose_commit_acknowledgement_is_lost_is_counted_as_resolved_by_lookup() {
        issue(InvoiceId.newId()); // the first issue of a tenant reads its series once, in a transaction of its own
        metrics().clear();
        int commitsOfAnIssue = commitsOf(() -> issue(InvoiceId.newId())); // its write commits last
        assertThat(metrics().get(Meters.OUTCOME_RESOLVED + "|module|invoicing")).as("a first attempt that answers records nothing")
                .isZero();
        InvoiceId id = InvoiceId.newId();
        Invoice told = withCommitAckLost(commitsOfAnIssue, () -> issue(id));
        assertThat(stored(id)).contains(told);
        assertThat(metrics().get(Meters.OUTCOME_RESOLVED + "|module|invoicing")).as(metrics().toString()).isEqualTo(1);
        assertThat(metrics().get(Meters.OUTCOME_UNKNOWN + "|module|invoicing")).isZero();
        theBooksAgree();
    }

    @Test
    void a_payment_whose_commit_acknowledgement_is_lost_is_counted_as_resolved_by_lookup() {
        Invoice open = issue(InvoiceId.newId());
        int commitsOfAPayment = commitsOf(() -> invoicing.recordPayment(NewPayment.of(GLOBEX.taxId().orElseThrow().vatNumber(),
                pln("1.00"), open.issueDate().orElseThrow(), "first").allocate(open.id(), pln("1.00"))));
        metrics().clear();
        PaymentId id = PaymentId.newId();
        Payment told = withCommitAckLost(commitsOfAPayment, () -> invoicing.recordPayment(NewPayment.of(
                GLOBEX.taxId().orElseThrow().vatNumber(), pln("2.00"), open.issueDate().orElseThrow(), "lost ack").withId(id)
                .allocate(open.id(), pln("2.00"))));
        assertThat(payment(id)).contains(told);
        assertThat(invoicing.invoice(open.id()).paid()).isEqualTo(pln("3.00"));
        assertThat(metrics().get(Meters.OUTCOME_RESOLVED + "|module|invoicing")).as(metrics().toString()).isEqualTo(1);
        assertThat(metrics().get(Meters.OUTCOME_UNKNOWN + "|module|invoicing")).isZero();
        theBooksAgree();
    }

    private Optional<Payment> payment(PaymentId id) {
        return find(() -> invoicing.payment(id));
    }
}

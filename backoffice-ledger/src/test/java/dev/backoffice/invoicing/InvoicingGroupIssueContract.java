package dev.backoffice.invoicing;

import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.testing.FaultyDataSource;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.invoicing.jdbc.JdbcInvoiceStore;
import dev.backoffice.ledger.JournalEntry;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.ledger.jdbc.JdbcLedgerStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static dev.backoffice.invoicing.InvoicingFixtures.ACCOUNTS;
import static dev.backoffice.invoicing.InvoicingFixtures.pln;
import static dev.backoffice.invoicing.InvoicingFixtures.sale;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDBC store's group commit of issues ({@code JdbcInvoiceStore}, {@link PreparedIssue}): many
 * callers issuing into one series share transactions, and still no number is skipped or given
 * twice, every invoice has its journal entry, an issue refused inside a group fails alone without
 * taking a number, and a group commit whose acknowledgement is lost or whose connection drops
 * leaves nothing doubled and nothing lost. The invoice store, the ledger and the audit log share
 * one (fault-injecting) data source, so each group is one transaction with its entries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class InvoicingGroupIssueContract {

    private static final NumberingPeriod YEAR_2026 = NumberingPeriod.year(Year.of(2026));

    private final StoreKind kind;
    private TestDatabase db;
    private FaultyDataSource faulty;
    private JdbcInvoiceStore invoices;
    private JdbcLedgerStore ledgerStore;
    private TenantInvoicing invoicing;
    private TenantLedger ledger;

    protected InvoicingGroupIssueContract(StoreKind kind) {
        this.kind = kind;
    }

    @BeforeAll
    void open() {
        db = kind.openDatabase();
        faulty = new FaultyDataSource(db.dataSource());
        invoices = JdbcInvoiceStore.create(faulty);
        ledgerStore = JdbcLedgerStore.create(faulty);
    }

    @AfterAll
    void close() {
        invoices.close();
        ledgerStore.close();
        db.close();
    }

    @BeforeEach
    void freshTenant() {
        faulty.disarm();
        AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-03-16T09:00:00Z"));
        TenantId tenant = TenantId.of("t-" + UUID.randomUUID());
        var audit = JdbcAuditStore.create(Jdbc.of(faulty), clock);
        Ledger ledgers = Ledger.builder().store(ledgerStore).clock(clock).audit(audit).build();
        ledger = ledgers.forTenant(tenant);
        ledger.openAll(InvoicingFixtures.chart());
        invoicing = Invoicing.builder().store(invoices).ledger(ledgers, ACCOUNTS).clock(clock).audit(audit).build().forTenant(tenant);
        invoicing.defineSeries(Series.of("FV", "FV/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
    }

    /** {@code threads} callers at once, each making {@code each} calls of {@code call} (given its call number); every outcome, by call. */
    private Map<Integer, Object> concurrently(int threads, int each, IntFunction<Invoice> call) throws Exception {
        Map<Integer, Object> outcomes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t * each;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = first; i < first + each; i++) {
                    try {
                        outcomes.put(i, call.apply(i));
                    } catch (BackofficeException e) {
                        outcomes.put(i, e);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(180, TimeUnit.SECONDS);
        }
        pool.shutdown();
        return outcomes;
    }

    /** The issued invoices among {@code outcomes}, checked against the store: numbers 1..n, each with its entry. */
    private List<Invoice> theSeriesAndTheLedgerAgree(Map<Integer, Object> outcomes) {
        List<Invoice> issued = outcomes.values().stream().filter(Invoice.class::isInstance).map(Invoice.class::cast).toList();
        int n = issued.size();
        assertThat(issued.stream().map(Invoice::sequence).sorted().toList())
                .as("numbers 1..n, none twice").isEqualTo(LongStream.rangeClosed(1, n).boxed().toList());
        GapAudit audit = invoicing.gapAudit("FV", YEAR_2026);
        assertThat(audit.gapFree()).as(audit.toString()).isTrue();
        assertThat(audit.counter()).as("the counter took exactly the numbers given").isEqualTo(n);
        assertThat(audit.count()).isEqualTo(n);
        for (Invoice i : issued) {
            assertThat(invoicing.invoice(i.id())).as("told is stored").isEqualTo(i);
        }
        List<JournalEntry> journal = ledger.journal(0, 100_000);
        Set<String> entryIds = journal.stream().map(e -> e.id().toString()).collect(Collectors.toSet());
        assertThat(journal).as("one journal entry per invoice").hasSize(n);
        for (Invoice i : issued) {
            assertThat(entryIds).contains(i.ledgerEntry().orElseThrow().toString());
        }
        assertThat(ledger.balance("1100").posted()).isEqualTo(pln("123.00").multipliedBy(n));
        return issued;
    }

    @Test
    void many_callers_issuing_into_one_series_share_transactions_and_leave_no_gap_and_no_duplicate() throws Exception {
        long[] before = invoices.issueGroupStats();
        Map<Integer, Object> outcomes = concurrently(24, 20, i -> invoicing.issue(sale("FV", "100.00").build()));

        assertThat(outcomes.values()).allMatch(Invoice.class::isInstance);
        theSeriesAndTheLedgerAgree(outcomes);
        long[] after = invoices.issueGroupStats();
        long groups = after[0] - before[0];
        long grouped = after[1] - before[1];
        System.out.println("[invoicing] " + kind + ": 480 issues by 24 callers in " + groups + " group transactions");
        assertThat(grouped).as("every issue went through a group").isEqualTo(480);
        assertThat(groups).as("groups held several issues each").isLessThan(480);
    }

    @Test
    void an_issue_refused_inside_a_group_fails_alone_and_takes_no_number() throws Exception {
        ledger.closePeriod(LocalDate.of(2026, 3, 10), "accountant");
        // every fifth call is dated in the closed period; the series is yearly, so they share the lane
        Map<Integer, Object> outcomes = concurrently(16, 15, i -> invoicing.issue(i % 5 == 0
                ? sale("FV", "100.00").issueDate(LocalDate.of(2026, 3, 9)).build()
                : sale("FV", "100.00").build()));

        for (Map.Entry<Integer, Object> o : outcomes.entrySet()) {
            if (o.getKey() % 5 == 0) {
                assertThat(o.getValue()).isInstanceOfSatisfying(BackofficeException.class, e -> {
                    assertThat(e.code()).isEqualTo("invoicing.period_closed");
                    assertThat(e.getMessage()).contains("issueDate");
                });
            } else {
                assertThat(o.getValue()).as("call %s", o.getKey()).isInstanceOf(Invoice.class);
            }
        }
        List<Invoice> issued = theSeriesAndTheLedgerAgree(outcomes);
        assertThat(issued).hasSize(16 * 15 * 4 / 5);
        assertThat(invoicing.invoices(Optional.empty(), 500).items()).as("the refused left no draft behind").hasSize(issued.size());
    }

    @Test
    void a_lost_acknowledgement_of_a_group_commit_doubles_nothing_and_loses_nothing() throws Exception {
        faultyGroupCommit(() -> faulty.loseCommitAck(3));
    }

    @Test
    void a_connection_dropped_while_a_group_commits_doubles_nothing_and_loses_nothing() throws Exception {
        faultyGroupCommit(() -> faulty.dropConnectionAtCommit(3));
    }

    /** Arms {@code fault} once the callers are busy; each caller gives its own ids, so what it was told can be looked up. */
    private void faultyGroupCommit(Runnable fault) throws Exception {
        List<InvoiceId> ids = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch busy = new CountDownLatch(20);
        Thread armer = new Thread(() -> {
            try {
                busy.await();
                fault.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        armer.start();
        Map<Integer, Object> outcomes = concurrently(16, 12, i -> {
            InvoiceId id = InvoiceId.newId();
            ids.add(id);
            busy.countDown();
            return invoicing.issue(sale("FV", "100.00").id(id).build());
        });
        armer.join();
        assertThat(faulty.faultsFired()).as("the fault fired").isGreaterThanOrEqualTo(1);
        faulty.disarm();

        List<Invoice> issued = theSeriesAndTheLedgerAgree(outcomes);
        long stored = ids.stream().filter(id -> {
            try {
                invoicing.invoice(id);
                return true;
            } catch (BackofficeException e) {
                return false;
            }
        }).count();
        assertThat(stored).as("stored once each, and only what was told issued").isEqualTo(issued.size());
        assertThat(outcomes.values()).as("a lost acknowledgement is settled by the invoice id, not reported")
                .allMatch(Invoice.class::isInstance);
    }

    @Test
    void inside_a_callers_own_transaction_an_issue_joins_it_and_rolls_back_with_it() {
        Jdbc jdbc = Jdbc.of(faulty);
        InvoiceId id = InvoiceId.newId();
        try {
            jdbc.inTransaction(c -> {
                Invoice inside = invoicing.issue(sale("FV", "100.00").id(id).build());
                assertThat(inside.number()).contains("FV/2026/1");
                throw new IllegalStateException("the caller rolls its transaction back");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(invoicing.gapAudit("FV", YEAR_2026).counter()).as("the number went back with the transaction").isZero();
        assertThat(ledger.journal(0, 10)).isEmpty();
        assertThat(invoicing.issue(sale("FV", "100.00").id(id).build()).number()).contains("FV/2026/1");
    }
}

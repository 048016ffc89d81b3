package dev.backoffice.invoicing;

import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.audit.InMemoryAuditStore;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.invoicing.jdbc.JdbcInvoiceStore;
import dev.backoffice.invoicing.memory.InMemoryInvoiceStore;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.LedgerStore;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.ledger.jdbc.JdbcLedgerStore;
import dev.backoffice.ledger.memory.InMemoryLedgerStore;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static dev.backoffice.invoicing.InvoicingFixtures.ACCOUNTS;
import static dev.backoffice.invoicing.InvoicingFixtures.pln;
import static dev.backoffice.invoicing.InvoicingFixtures.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The base of every invoicing suite run on each store kind: one database (or none, in memory)
 * per class, a fresh tenant per test, the ledger on the same data source as the invoices (so
 * an invoice and its journal entry share a transaction), the audit log too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class InvoicingContract {

    protected static final LocalDate MARCH_16 = LocalDate.of(2026, 3, 16);

    protected final StoreKind kind;
    private TestDatabase db;
    private InvoiceStore invoiceStore;
    private LedgerStore ledgerStore;

    protected AdjustableClock clock;
    protected TenantId tenant;
    protected Ledger ledgers;
    protected TenantLedger ledger;
    protected Invoicing invoicings;
    protected TenantInvoicing invoicing;
    protected AuditStore audit;

    protected InvoicingContract(StoreKind kind) {
        this.kind = kind;
    }

    @BeforeAll
    void openStores() {
        if (kind.jdbc()) {
            db = kind.openDatabase();
            invoiceStore = JdbcInvoiceStore.create(db.dataSource());
            ledgerStore = JdbcLedgerStore.create(db.dataSource());
        } else {
            invoiceStore = InMemoryInvoiceStore.create();
            ledgerStore = InMemoryLedgerStore.create();
        }
    }

    @AfterAll
    void closeStores() {
        if (ledgerStore instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void freshTenant() {
        clock = AdjustableClock.startingAt(Instant.parse("2026-03-16T09:00:00Z"));
        tenant = TenantId.of("t-" + UUID.randomUUID());
        audit = kind.jdbc() ? JdbcAuditStore.create(Jdbc.of(db.dataSource()), clock) : InMemoryAuditStore.create(clock);
        ledgers = Ledger.builder().store(ledgerStore).clock(clock).audit(audit).build();
        ledger = ledgers.forTenant(tenant);
        ledger.openAll(InvoicingFixtures.chart());
        invoicings = invoicing(null);
        invoicing = invoicings.forTenant(tenant);
    }

    // ================================================================== 1. series and numbering

    @Test
    void a_draft_carries_no_number_and_issuing_gives_the_next_number_of_its_series() {
        invoicing.defineSeries(Series.of("FV", "FV/{yyyy}/{MM}/{seq}", NumberReset.MONTHLY), "owner");
        Invoice draft = invoicing.draft(sale("FV", "100.00").build());
        assertThat(draft.status()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(draft.number()).isEmpty();
        assertThat(draft.sequence()).isZero();
        assertThat(ledger.journal(0, 100)).isEmpty();

        Invoice first = invoicing.issue(draft.id());
        Invoice second = invoicing.issue(sale("FV", "50.00").build());
        assertThat(first.number()).contains("FV/2026/03/1");
        assertThat(second.number()).contains("FV/2026/03/2");
        assertThat(first.issueDate()).contains(MARCH_16);
        assertThat(invoicing.invoiceByNumber("FV/2026/03/2")).contains(second);
        assertThat(invoicing.invoice(first.id())).isEqualTo(first);
    }

    @Test
    void a_monthly_series_starts_again_each_month_and_a_yearly_one_each_year() {
        invoicing.defineSeries(Series.of("M", "M/{yyyy}/{MM}/{seq:3}", NumberReset.MONTHLY), "owner");
        invoicing.defineSeries(Series.of("Y", "Y-{yyyy}-{seq:5}", NumberReset.YEARLY), "owner");
        LocalDate mar = LocalDate.of(2026, 3, 31);
        LocalDate apr = LocalDate.of(2026, 4, 1);
        LocalDate nextYear = LocalDate.of(2027, 1, 2);
        assertThat(invoicing.issue(sale("M", "1.00", mar)).number()).contains("M/2026/03/001");
        assertThat(invoicing.issue(sale("M", "1.00", mar)).number()).contains("M/2026/03/002");
        assertThat(invoicing.issue(sale("M", "1.00", apr)).number()).contains("M/2026/04/001");
        assertThat(invoicing.issue(sale("Y", "1.00", mar)).number()).contains("Y-2026-00001");
        assertThat(invoicing.issue(sale("Y", "1.00", apr)).number()).contains("Y-2026-00002");
        assertThat(invoicing.issue(sale("Y", "1.00", nextYear)).number()).contains("Y-2027-00001");
        assertThat(invoicing.gapAudit("M", NumberingPeriod.month(java.time.YearMonth.of(2026, 3))))
                .returns(2L, GapAudit::count).returns(true, GapAudit::gapFree);
    }

    @Test
    void defining_a_series_again_is_idempotent_and_another_definition_under_its_code_is_a_conflict() {
        Series fv = Series.of("FV", "FV/{yyyy}/{seq}", NumberReset.YEARLY);
        assertThat(invoicing.defineSeries(fv, "owner")).isEqualTo(fv);
        assertThat(invoicing.defineSeries(fv, "owner")).isEqualTo(fv);
        fails("invoicing.series_exists", () -> invoicing.defineSeries(Series.of("FV", "FV/{yyyy}/{MM}/{seq}", NumberReset.MONTHLY), "owner"));
        assertThat(invoicing.series()).containsExactly(fv);
        assertThat(audit.forTenant(tenant).size()).isEqualTo(1);
    }

    @Test
    void the_gap_audit_shows_first_last_count_and_no_hole_after_issues() {
        invoicing.defineSeries(Series.of("FV", "FV/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        for (int i = 0; i < 5; i++) {
            invoicing.issue(sale("FV", "10.00").build());
        }
        invoicing.draft(sale("FV", "10.00").build()); // a draft takes no number
        GapAudit audit = invoicing.gapAudit("FV", NumberingPeriod.year(java.time.Year.of(2026)));
        assertThat(audit.first()).isEqualTo(1);
        assertThat(audit.last()).isEqualTo(5);
        assertThat(audit.count()).isEqualTo(5);
        assertThat(audit.counter()).isEqualTo(5);
        assertThat(audit.holes()).isEmpty();
        assertThat(audit.gapFree()).isTrue();
        assertThat(invoicing.gapAudit("FV", NumberingPeriod.year(java.time.Year.of(2025))))
                .returns(0L, GapAudit::count).returns(true, GapAudit::gapFree);
    }

    @Test
    void an_issue_refused_by_a_closed_ledger_period_writes_nothing_and_consumes_no_number() {
        invoicing.defineSeries(Series.of("FV", "FV/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        invoicing.issue(sale("FV", "10.00").build());
        ledger.closePeriod(LocalDate.of(2026, 3, 10), "accountant");
        Invoice draft = invoicing.draft(sale("FV", "10.00").issueDate(LocalDate.of(2026, 3, 9)).build());
        int entries = ledger.journal(0, 1000).size();

        BackofficeException e = fails("invoicing.period_closed", () -> invoicing.issue(draft.id()));
        assertThat(e.getMessage()).contains("issueDate");

        assertThat(invoicing.invoice(draft.id()).status()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(invoicing.invoice(draft.id()).number()).isEmpty();
        assertThat(ledger.journal(0, 1000)).hasSize(entries);
        GapAudit audit = invoicing.gapAudit("FV", NumberingPeriod.year(java.time.Year.of(2026)));
        assertThat(audit.counter()).isEqualTo(1);
        assertThat(audit.gapFree()).isTrue();
        assertThat(invoicing.issue(sale("FV", "10.00").build()).number()).contains("FV/2026/2");
    }

    @Test
    void many_threads_issuing_into_one_series_leave_no_gap_and_no_duplicate() throws Exception {
        invoicing.defineSeries(Series.of("FV", "FV/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        int threads = 12;
        int each = kind == StoreKind.MEMORY ? 50 : 25;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<java.util.List<String>>> futures = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                start.await();
                java.util.List<String> numbers = new java.util.ArrayList<>();
                for (int i = 0; i < each; i++) {
                    numbers.add(invoicing.issue(sale("FV", "10.00").build()).number().orElseThrow());
                }
                return numbers;
            }));
        }
        start.countDown();
        java.util.List<String> all = new java.util.ArrayList<>();
        for (var f : futures) {
            all.addAll(f.get(120, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();
        int n = threads * each;
        assertThat(all).hasSize(n).doesNotHaveDuplicates();
        assertThat(all.stream().map(s -> Long.parseLong(s.substring("FV/2026/".length()))).sorted().toList())
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, n).boxed().toList());
        GapAudit audit = invoicing.gapAudit("FV", NumberingPeriod.year(java.time.Year.of(2026)));
        assertThat(audit.gapFree()).isTrue();
        assertThat(audit.count()).isEqualTo(n);
        assertThat(ledger.balance("1100").posted()).isEqualTo(pln("12.30").multipliedBy(n));
    }

    /** An invoicing front door over this class's stores (with {@code rates}, if not null). */
    protected Invoicing invoicing(FxRates rates) {
        Invoicing.Builder b = Invoicing.builder().store(invoiceStore).ledger(ledgers, ACCOUNTS).clock(clock).audit(audit);
        if (rates != null) {
            b.fxRates(rates);
        }
        return b.build();
    }

    /** The store under test. */
    protected InvoiceStore invoiceStore() {
        return invoiceStore;
    }

    /** Asserts {@code call} fails with {@code code}; returns the exception. */
    protected static BackofficeException fails(String code, ThrowableAssert.ThrowingCallable call) {
        BackofficeException e = catchThrowableOfType(BackofficeException.class, call);
        assertThat(e).as("expected a failure with code %s", code).isNotNull();
        assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
        return e;
    }
}

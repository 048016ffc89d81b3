package dev.backoffice.invoicing.jdbc;

import dev.backoffice.core.testing.ChildJvm;
import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.invoicing.GapAudit;
import dev.backoffice.invoicing.Invoice;
import dev.backoffice.invoicing.InvoicingFixtures;
import dev.backoffice.invoicing.Invoicing;
import dev.backoffice.invoicing.NumberReset;
import dev.backoffice.invoicing.NumberingPeriod;
import dev.backoffice.invoicing.Series;
import dev.backoffice.invoicing.TenantInvoicing;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.ledger.jdbc.JdbcLedgerStore;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several application instances issuing into one series on one PostgreSQL: three JVMs, four
 * threads each. Numbers come out 1..n with no gap and no duplicate, each with its journal entry;
 * and a JVM killed with {@code kill -9} while issuing leaves the series and the ledger agreeing
 * (whatever it had in flight rolled back as a whole: no number without its invoice and entry).
 */
@RequiresPostgres
class InvoicingMultiProcessTest {

    /** A JVM of its own issuing {@code each} invoices on each of {@code threads} threads ({@link InvoicingChildProcess}). */
    private static ChildJvm child(TestDatabase db, String tenant, int threads, int each) throws Exception {
        return ChildJvm.start(InvoicingChildProcess.class, db.url(), db.user(), db.password(), tenant, Integer.toString(threads),
                Integer.toString(each));
    }

    /** The numbers a child was told it issued. */
    private static List<String> issued(ChildJvm child) {
        return child.lines().stream().filter(l -> l.startsWith("ISSUED ")).map(l -> l.substring(7)).toList();
    }

    private record Books(TenantInvoicing invoicing, TenantLedger ledger) {
    }

    private static Books books(JdbcInvoiceStore invoices, JdbcLedgerStore ledgerStore, String tenant) {
        Ledger ledger = Ledger.builder().store(ledgerStore).build();
        TenantLedger books = ledger.forTenant(TenantId.of(tenant));
        TenantInvoicing invoicing = Invoicing.builder().store(invoices).ledger(ledger, InvoicingFixtures.ACCOUNTS).build()
                .forTenant(TenantId.of(tenant));
        return new Books(invoicing, books);
    }

    /** Every number of the period is 1..n once, each invoice has its entry, the receivable is n times the gross. */
    private static void theSeriesAndTheLedgerAgree(Books b, List<String> toldIssued) {
        GapAudit audit = b.invoicing().gapAudit("FV", NumberingPeriod.year(Year.of(2026)));
        assertThat(audit.gapFree()).as(audit.toString()).isTrue();
        assertThat(toldIssued).doesNotHaveDuplicates();
        assertThat(audit.count()).isGreaterThanOrEqualTo(toldIssued.size());
        for (long seq = 1; seq <= audit.last(); seq++) {
            Optional<Invoice> invoice = b.invoicing().invoiceByNumber("FV/2026/" + seq);
            assertThat(invoice).as("FV/2026/" + seq).isPresent();
            assertThat(b.ledger().entry(invoice.get().ledgerEntry().orElseThrow()).id()).isEqualTo(invoice.get().ledgerEntry().get());
        }
        assertThat(b.ledger().balance("1100").posted()).isEqualTo(Money.parse("PLN 12.30").multipliedBy(audit.count()));
    }

    @Test
    void three_processes_issuing_into_one_series_leave_no_gap_and_no_duplicate() throws Exception {
        try (TestDatabase db = TestDatabases.postgres(); JdbcLedgerStore ledgerStore = JdbcLedgerStore.create(db.dataSource())) {
            String tenant = "mp-" + UUID.randomUUID();
            Books b = books(JdbcInvoiceStore.create(db.dataSource()), ledgerStore, tenant);
            b.ledger().openAll(InvoicingFixtures.chart());
            b.invoicing().defineSeries(Series.of("FV", "FV/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
            List<ChildJvm> children = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    children.add(child(db, tenant, 4, 40));
                }
                List<String> issued = new ArrayList<>();
                for (ChildJvm c : children) {
                    assertThat(c.process().waitFor(180, TimeUnit.SECONDS)).as("child finished").isTrue();
                    assertThat(c.process().exitValue()).isZero();
                    issued.addAll(issued(c));
                }
                assertThat(issued).hasSize(3 * 4 * 40);
                theSeriesAndTheLedgerAgree(b, issued);
                assertThat(b.invoicing().gapAudit("FV", NumberingPeriod.year(Year.of(2026))).count()).isEqualTo(480);
            } finally {
                children.forEach(ChildJvm::close);
            }
        }
    }

    @Test
    void a_process_killed_while_issuing_leaves_the_series_and_the_ledger_agreeing() throws Exception {
        try (TestDatabase db = TestDatabases.postgres(); JdbcLedgerStore ledgerStore = JdbcLedgerStore.create(db.dataSource())) {
            String tenant = "kill-" + UUID.randomUUID();
            Books b = books(JdbcInvoiceStore.create(db.dataSource()), ledgerStore, tenant);
            b.ledger().openAll(InvoicingFixtures.chart());
            b.invoicing().defineSeries(Series.of("FV", "FV/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
            try (ChildJvm victim = child(db, tenant, 4, 10_000); ChildJvm survivor = child(db, tenant, 2, 60)) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (issued(victim).size() < 100 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(issued(victim)).as("the victim got going").hasSizeGreaterThanOrEqualTo(100);
                victim.process().destroyForcibly(); // SIGKILL: no shutdown hook, connections cut mid-transaction
                assertThat(victim.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(survivor.process().waitFor(180, TimeUnit.SECONDS)).as("the survivor finished").isTrue();
                assertThat(survivor.process().exitValue()).isZero();

                // after the restart: a new instance issues again and finds the books consistent
                Invoice next = b.invoicing().issue(InvoicingFixtures.sale("FV", "10.00").build());
                List<String> told = new ArrayList<>(issued(victim));
                told.addAll(issued(survivor));
                told.add(next.number().orElseThrow());
                theSeriesAndTheLedgerAgree(b, told);
                assertThat(next.sequence()).isEqualTo(b.invoicing().gapAudit("FV", NumberingPeriod.year(Year.of(2026))).last());
            }
        }
    }
}

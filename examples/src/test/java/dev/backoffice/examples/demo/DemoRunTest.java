package dev.backoffice.examples.demo;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.examples.demo.scenario.Scenario;
import dev.backoffice.examples.demo.scenario.ScenarioLoader;
import dev.backoffice.ledger.TrialBalance;
import dev.backoffice.payroll.Payslip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo scenario gives the same books, payroll, order states and archive outcome on every
 * kind of storage, and a rerun on the same database books nothing twice.
 */
class DemoRunTest {

    private static final Scenario SCENARIO = ScenarioLoader.builtIn();

    /** What must be equal across storages: every figure the report shows, without generated ids. */
    record Totals(String tenant, List<String> trialBalance, String income, String netIncome, String totalAssets,
                  List<String> payslips, String orderStatuses, String archive, boolean auditIntact, String auditActions,
                  List<String> invoices, String aging, String vatRegister, List<String> claims, List<String> eInvoices,
                  List<String> stock, String valuation) {
        static Totals of(EntityResult r) {
            List<String> tb = new ArrayList<>();
            for (TrialBalance.Row row : r.trialBalance().rows()) {
                tb.add(row.code() + " " + row.debit() + " " + row.credit());
            }
            List<String> slips = new ArrayList<>();
            for (Payslip p : r.payslips()) {
                slips.add(p.employeeName() + " gross " + p.gross() + " net " + p.net() + " employer " + p.employerCost()
                        + " lines " + p.lines().size());
            }
            ArchiveResult a = r.archive();
            InvoicingResult inv = r.invoicing();
            List<String> invoices = new ArrayList<>();
            inv.invoices().forEach(i -> invoices.add(i.number().orElseThrow() + " " + i.status() + " " + i.gross() + " paid " + i.paid()
                    + " due " + i.dueDate()));
            inv.purchases().forEach(p -> invoices.add(p.supplierNumber() + " " + p.status() + " " + p.gross() + " paid " + p.paid()));
            List<String> claims = new ArrayList<>();
            inv.lateClaims().forEach(c -> claims.add(c.number() + " " + c.interest() + " " + c.compensation()));
            List<String> files = new ArrayList<>();
            inv.files().forEach(f -> files.add(f.fileName() + " " + f.xml().hashCode()));
            List<String> stock = new ArrayList<>();
            r.stock().levels().forEach(l -> stock.add(l.sku() + " " + l.onHand() + "/" + l.reserved() + "/" + l.available()));
            stock.add("inventory " + r.stock().inventoryInLedger() + " cogs " + r.stock().cogsInLedger() + " losses " + r.stock().lossesInLedger());
            return new Totals(r.tenant(), tb, r.income().totalIncome().toString(), r.income().netIncome().toString(),
                    r.balanceSheet().totalAssets().toString(), slips, r.orderStatuses().toString(),
                    a.documentsByClass() + " disposed " + a.disposed().size() + " held " + a.keptUnderHold().size()
                            + " retained " + a.stillRetained() + " certificates " + a.certificates(),
                    r.audit().intact(), r.auditActions().toString(), invoices, inv.aging().rows().toString(),
                    inv.vatRegister().rows().toString(), claims, files, stock, r.stock().valuation().items().toString()
                            + r.stock().valuation().totals());
        }
    }

    private static List<Totals> run(Function<AdjustableClock, DemoStores> stores, ByteArrayOutputStream console) {
        AdjustableClock clock = AdjustableClock.startingAt(SCENARIO.month().atDay(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        try (DemoStores s = stores.apply(clock)) {
            return new Demo(SCENARIO, s, clock, out).run().stream().map(Totals::of).toList();
        }
    }

    @TempDir
    Path blobs;

    private List<Totals> runJdbc(TestDatabase db, ByteArrayOutputStream console) {
        return run(clock -> DemoStores.jdbc(db.jdbc(), blobs, clock, "test"), console);
    }

    @Test
    void theBooksBalanceAndTheAuditChainsAreIntact() {
        List<Totals> memory = run(DemoStores::inMemory, new ByteArrayOutputStream());
        assertThat(memory).hasSize(2).allMatch(Totals::auditIntact);
        assertThat(memory.get(0).orderStatuses()).contains("CANCELLED=1");
        // the leaver's file is due by 2038 but held; invoices of 2026 are long past retention
        assertThat(memory.get(0).archive()).contains("held 2").contains("disposed 5");
        assertThat(memory.get(0).auditActions()).contains("ledger.period_closed=1").contains("payroll.run_approved=1")
                .contains("docs.disposed=5").contains("docs.hold_placed=1");
    }

    @Test
    void h2GivesTheSameTotalsAsMemoryAndARerunBooksNothingTwice() {
        List<Totals> memory = run(DemoStores::inMemory, new ByteArrayOutputStream());
        try (TestDatabase db = TestDatabases.h2()) {
            List<Totals> first = runJdbc(db, new ByteArrayOutputStream());
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            List<Totals> second = runJdbc(db, console);
            assertThat(first).isEqualTo(memory);
            assertThat(second).isEqualTo(first);
            assertThat(console.toString(StandardCharsets.UTF_8)).contains("already holds 2026-03").contains("nothing is posted twice");
        }
    }

    @RequiresPostgres
    @Test
    void postgresGivesTheSameTotalsAsMemoryAndARerunBooksNothingTwice() {
        List<Totals> memory = run(DemoStores::inMemory, new ByteArrayOutputStream());
        try (TestDatabase db = TestDatabases.postgres()) {
            assertThat(runJdbc(db, new ByteArrayOutputStream())).isEqualTo(memory);
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            assertThat(runJdbc(db, console)).isEqualTo(memory);
            assertThat(console.toString(StandardCharsets.UTF_8)).contains("already holds 2026-03");
        }
    }
}

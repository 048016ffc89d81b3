package dev.backoffice.examples.demo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.audit.AuditVerification;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.jdbc.TenantFence;
import dev.backoffice.core.store.move.MoveReport;
import dev.backoffice.core.store.move.TenantMove;
import dev.backoffice.core.store.placement.MovablePlacement;
import dev.backoffice.core.store.placement.Placement;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.SchemaScripts;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.docs.DocumentStore;
import dev.backoffice.docs.blob.BlobStore;
import dev.backoffice.docs.blob.FileSystemBlobStore;
import dev.backoffice.docs.jdbc.JdbcDocumentStore;
import dev.backoffice.examples.demo.scenario.Scenario;
import dev.backoffice.examples.demo.scenario.ScenarioLoader;
import dev.backoffice.examples.move.FenceRetries;
import dev.backoffice.inventory.InventoryStore;
import dev.backoffice.inventory.jdbc.JdbcInventoryStore;
import dev.backoffice.invoicing.InvoiceStore;
import dev.backoffice.invoicing.PayableStore;
import dev.backoffice.invoicing.jdbc.JdbcInvoiceStore;
import dev.backoffice.invoicing.jdbc.JdbcPayableStore;
import dev.backoffice.ledger.LedgerStore;
import dev.backoffice.ledger.jdbc.JdbcLedgerStore;
import dev.backoffice.orders.OrderStore;
import dev.backoffice.orders.jdbc.JdbcOrderStore;
import dev.backoffice.payroll.PayrollStore;
import dev.backoffice.payroll.jdbc.JdbcPayrollStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #20, "The test": three PostgreSQL clusters on this machine ({@code .ci/move/clusters},
 * started by {@code .ci/run}); twenty companies placed across them run the demo scenario's work
 * (ledger, orders, payroll, archive, audit) concurrently; one company is moved from its cluster
 * to another while it and the others keep working (their calls retry the fence's errors);
 * afterwards every company's books, payroll, orders and archive equal a control run of the same
 * twenty on one database, the moved company's audit chain verifies on its new home, and nothing
 * of it landed on its old home after the fence.
 */
@RequiresPostgres
@EnabledIfEnvironmentVariable(named = "BACKOFFICE_TEST_MOVE_URLS", matches = ".+,.+,.+",
        disabledReason = "no three clusters: run `bash .ci/move/clusters start` and set BACKOFFICE_TEST_MOVE_URLS to its `urls`")
class ThreeClusterMoveTest {

    private static final Scenario SCENARIO = ScenarioLoader.builtIn();
    private static final int COMPANIES = 20;
    private static final int THREADS = 4;

    private final List<Runnable> cleanup = new ArrayList<>();

    @TempDir
    Path blobs;

    @AfterEach
    void dropTheDatabases() {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).run();
        }
    }

    @Test
    void twenty_companies_on_three_clusters_one_moved_while_all_work_equal_a_control_run_on_one_database() throws Exception {
        String[] urls = System.getenv("BACKOFFICE_TEST_MOVE_URLS").split(",");
        List<Scenario> companies = companies();

        // the control: all twenty on one database
        DataSource control = freshDatabase(urls[0]);
        Map<String, DemoRunTest.Totals> expected;
        try (DemoStores one = DemoStores.jdbc(Jdbc.of(control), blobs.resolve("control"), Clock.systemUTC(), "control")) {
            expected = runAll(companies, one, null);
        }

        // the placed run: company i on cluster i % 3, the first one moved from c0 to c1 while all work
        Map<String, DataSource> clusters = new LinkedHashMap<>();
        Map<TenantId, String> where = new LinkedHashMap<>();
        for (int c = 0; c < 3; c++) {
            clusters.put("c" + c, TenantFence.moveable(freshDatabase(urls[c])));
        }
        for (int i = 0; i < companies.size(); i++) {
            where.put(TenantId.of(companies.get(i).entities().get(0).tenant()), "c" + (i % 3));
        }
        Map<String, List<String>> modules = new LinkedHashMap<>();
        clusters.values().forEach(ds -> modules.putAll(SchemaScripts.installAll(Jdbc.of(TenantFence.unfenced(ds)))));
        modules.remove(TenantFence.MODULE);
        MovablePlacement placement = MovablePlacement.of(where);
        Map<String, Jdbc> jdbcs = new LinkedHashMap<>();
        clusters.forEach((k, ds) -> jdbcs.put(k, Jdbc.of(ds)));
        TenantId moved = TenantId.of(companies.get(0).entities().get(0).tenant());
        MoveReport[] report = new MoveReport[1];
        Map<String, DemoRunTest.Totals> placedTotals;
        try (Placement<Jdbc> placed = Placement.of(placement, jdbcs)) {
            BlobStore sharedBlobs = FileSystemBlobStore.create(blobs.resolve("placed")); // document contents: one store for all clusters
            DemoStores stores = new DemoStores("three clusters",
                    FenceRetries.wrap(LedgerStore.class, placed.route(LedgerStore.class, j -> JdbcLedgerStore.builder(j).build())),
                    FenceRetries.wrap(OrderStore.class, placed.route(OrderStore.class, JdbcOrderStore::create)),
                    FenceRetries.wrap(PayrollStore.class, placed.route(PayrollStore.class, JdbcPayrollStore::create)),
                    FenceRetries.wrap(DocumentStore.class, placed.route(DocumentStore.class, JdbcDocumentStore::create)),
                    sharedBlobs,
                    FenceRetries.wrap(AuditStore.class, placed.route(AuditStore.class, j -> JdbcAuditStore.create(j, Clock.systemUTC()))),
                    FenceRetries.wrap(InvoiceStore.class, placed.route(InvoiceStore.class, j -> JdbcInvoiceStore.builder(j).build())),
                    FenceRetries.wrap(PayableStore.class, placed.route(PayableStore.class, JdbcPayableStore::create)),
                    FenceRetries.wrap(InventoryStore.class, placed.route(InventoryStore.class, j -> JdbcInventoryStore.builder(j).build())));
            Runnable mover = () -> {
                DataSource source = TenantFence.unfenced(clusters.get("c0"));
                waitForWork(source, moved);
                report[0] = TenantMove.of(moved).from("c0", clusters.get("c0")).to("c1", clusters.get("c1")).modules(modules)
                        .placement(placement).run();
            };
            placedTotals = runAll(companies, stores, mover);
        }

        assertThat(report[0]).isNotNull();
        assertThat(report[0].complete()).isTrue();
        assertThat(placement.placeOf(moved)).isEqualTo("c1");
        assertThat(placedTotals).isEqualTo(expected);
        assertThat(placedTotals.values()).allMatch(DemoRunTest.Totals::auditIntact);

        // the moved company on its new home: its audit chain verifies; nothing landed on the old home after the fence
        Jdbc newHome = Jdbc.of(TenantFence.unfenced(clusters.get("c1")));
        AuditVerification chain = JdbcAuditStore.create(newHome, Clock.systemUTC()).forTenant(moved).verify();
        assertThat(chain.intact()).isTrue();
        assertThat(chain.recordsChecked()).isPositive();
        Jdbc oldHome = Jdbc.of(TenantFence.unfenced(clusters.get("c0")));
        for (String table : List.of("ledger_entry", "orders", "hr_payslips", "docs_document", "audit_log", "invoicing_invoice",
                "inventory_operation")) {
            long left = oldHome.inReadTransaction(c -> Jdbc.queryOne(c, "SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ?",
                    rs -> rs.getLong(1), moved.value()).orElseThrow());
            assertThat(left).as("%s rows on the old home: those the move exported", table).isEqualTo(report[0].rows().get(table));
        }
        System.out.printf("three clusters: %d companies, %s moved c0 -> c1 in %d ms (writes fenced %d ms, %d ledger entries), "
                + "%d calls retried after the fence%n", COMPANIES, moved, report[0].total().toMillis(), report[0].fenced().toMillis(),
                report[0].rows().get("ledger_entry"), FenceRetries.RETRIED.get());
    }

    /** Twenty companies: the scenario's companies, renamed {@code c<i>-<tenant>}, each its own scenario. */
    private static List<Scenario> companies() {
        List<Scenario> out = new ArrayList<>();
        for (int i = 0; i < COMPANIES; i++) {
            Scenario.Entity e = SCENARIO.entities().get(i % SCENARIO.entities().size());
            Scenario.Entity renamed = new Scenario.Entity("c" + i + "-" + e.tenant(), e.name() + " " + i, e.country(), e.currency(),
                    e.payDate(), e.invoicing(), e.stock(), e.journal(), e.employees(), e.customers(), e.orders(), e.retention(), e.legalHold());
            out.add(new Scenario(SCENARIO.name(), SCENARIO.month(), SCENARIO.actor(), SCENARIO.chartOfAccounts(),
                    SCENARIO.postingAccounts(), List.of(renamed), SCENARIO.disposition()));
        }
        return out;
    }

    /** Runs every company's demo on {@code stores}, {@value #THREADS} at a time (and {@code mover} beside them). */
    private static Map<String, DemoRunTest.Totals> runAll(List<Scenario> companies, DemoStores stores, Runnable mover) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        try {
            List<Future<List<EntityResult>>> runs = new ArrayList<>();
            for (Scenario s : companies) {
                runs.add(pool.submit(() -> {
                    AdjustableClock clock = AdjustableClock.startingAt(s.month().atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
                    return new Demo(s, stores, clock, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();
                }));
                if (runs.size() == 1 && mover != null) {
                    runs.add(pool.submit(() -> {
                        mover.run();
                        return List.of();
                    }));
                }
            }
            Map<String, DemoRunTest.Totals> out = new TreeMap<>();
            for (Future<List<EntityResult>> f : runs) {
                for (EntityResult r : f.get(150, TimeUnit.SECONDS)) {
                    out.put(r.tenant(), DemoRunTest.Totals.of(r));
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits until the tenant has books on {@code source}: the move then overlaps its work. */
    private static void waitForWork(DataSource source, TenantId tenant) {
        Jdbc j = Jdbc.of(source);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            long n = j.inReadTransaction(c -> Jdbc.queryOne(c, "SELECT COUNT(*) FROM ledger_entry WHERE tenant_id = ?",
                    rs -> rs.getLong(1), tenant.value()).orElseThrow());
            if (n > 0) {
                return;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A new database on the cluster of {@code url}, dropped after the test. */
    private DataSource freshDatabase(String url) throws Exception {
        String user = System.getenv().getOrDefault("BACKOFFICE_TEST_MOVE_USER", "backoffice");
        String password = System.getenv().getOrDefault("BACKOFFICE_TEST_MOVE_PASSWORD", "backoffice");
        String name = "moved_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        admin(url, user, password, "CREATE DATABASE " + name);
        String base = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(base.substring(0, base.lastIndexOf('/') + 1) + name + "?reWriteBatchedInserts=true");
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(12);
        config.setMinimumIdle(0);
        HikariDataSource pool = new HikariDataSource(config);
        cleanup.add(() -> {
            pool.close();
            try {
                admin(url, user, password, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (Exception e) {
                System.err.println("could not drop " + name + ": " + e.getMessage());
            }
        });
        return pool;
    }

    private static void admin(String url, String user, String password, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}

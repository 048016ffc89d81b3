package dev.backoffice.examples.demo;

import dev.backoffice.core.audit.AuditEvent;
import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.audit.InMemoryAuditStore;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.error.StorageException;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.store.MultiTenantStore;
import dev.backoffice.core.store.placement.Placement;
import dev.backoffice.core.store.placement.TenantPlacement;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.RecordingDataSource;
import dev.backoffice.core.testing.SeparateDatabases;
import dev.backoffice.core.testing.StatementCheck;
import dev.backoffice.core.testing.TenantStatements;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.docs.DocumentStore;
import dev.backoffice.docs.blob.BlobStore;
import dev.backoffice.docs.blob.FileSystemBlobStore;
import dev.backoffice.docs.blob.InMemoryBlobStore;
import dev.backoffice.docs.jdbc.JdbcDocumentStore;
import dev.backoffice.docs.memory.InMemoryDocumentStore;
import dev.backoffice.examples.demo.scenario.Scenario;
import dev.backoffice.examples.demo.scenario.ScenarioLoader;
import dev.backoffice.invoicing.AccountMapping;
import dev.backoffice.invoicing.Invoice;
import dev.backoffice.invoicing.InvoiceLine;
import dev.backoffice.invoicing.InvoiceStore;
import dev.backoffice.invoicing.Invoicing;
import dev.backoffice.invoicing.NewInvoice;
import dev.backoffice.invoicing.NumberReset;
import dev.backoffice.invoicing.Party;
import dev.backoffice.invoicing.Series;
import dev.backoffice.invoicing.TenantInvoicing;
import dev.backoffice.invoicing.VatRate;
import dev.backoffice.invoicing.jdbc.JdbcInvoiceStore;
import dev.backoffice.invoicing.jdbc.JdbcPayableStore;
import dev.backoffice.invoicing.memory.InMemoryPayableStore;
import dev.backoffice.invoicing.PayableStore;
import dev.backoffice.inventory.InventoryStore;
import dev.backoffice.inventory.jdbc.JdbcInventoryStore;
import dev.backoffice.inventory.memory.InMemoryInventoryStore;
import dev.backoffice.invoicing.memory.InMemoryInvoiceStore;
import dev.backoffice.ledger.ChartTemplates;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.LedgerStore;
import dev.backoffice.ledger.jdbc.JdbcLedgerStore;
import dev.backoffice.ledger.memory.InMemoryLedgerStore;
import dev.backoffice.orders.OrderStore;
import dev.backoffice.orders.jdbc.JdbcOrderStore;
import dev.backoffice.orders.memory.InMemoryOrderStore;
import dev.backoffice.payroll.PayrollStore;
import dev.backoffice.payroll.jdbc.JdbcPayrollStore;
import dev.backoffice.payroll.memory.InMemoryPayrollStore;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue #20 item 1, placement: the demo scenario's companies placed in two databases ("eu" and
 * "uk"), every service (ledger, orders, payroll, archive with its blobs, audit; invoicing apart)
 * built over stores routed by one {@link TenantPlacement}. The books, payroll, order states,
 * archive outcome and audit chains equal a control run on one in-memory store; every row of a
 * tenant is in its own database and none in the other; each database has every module's
 * schema; a tenant not placed is {@code storage.tenant_not_placed} from every store.
 */
abstract class PlacedDemoContract {

    private static final Scenario SCENARIO = ScenarioLoader.builtIn();

    private final StoreKind kind;
    private final List<TestDatabase> databases = new ArrayList<>();
    private Placement<Object> placement;
    private TenantPlacement tenants;
    private Map<String, Set<String>> placedIn;
    private Map<String, String> invoicingTenants;

    @TempDir
    Path blobs;

    PlacedDemoContract(StoreKind kind) {
        this.kind = kind;
    }

    @BeforeEach
    void placeTheCompanies() {
        Map<TenantId, String> where = new LinkedHashMap<>();
        placedIn = new LinkedHashMap<>();
        String[] keys = {"eu", "uk"};
        for (int i = 0; i < SCENARIO.entities().size(); i++) {
            String tenant = SCENARIO.entities().get(i).tenant();
            String key = keys[i % keys.length];
            where.put(TenantId.of(tenant), key);
            placedIn.computeIfAbsent(key, k -> new TreeSet<>()).add(tenant);
        }
        assertThat(placedIn).as("the scenario's companies land in both databases").hasSize(2);
        invoicingTenants = new LinkedHashMap<>();
        for (String key : keys) {
            // invoicing's own companies (with their own chart), one per database
            where.put(TenantId.of("invoicing-" + key), key);
            invoicingTenants.put(key, "invoicing-" + key);
        }
        tenants = TenantPlacement.of(where);
        Map<String, Object> dbs = new LinkedHashMap<>();
        for (String key : keys) {
            if (kind.jdbc()) {
                TestDatabase db = SeparateDatabases.open(kind);
                databases.add(db);
                dbs.put(key, Jdbc.of(db.dataSource()));
            } else {
                dbs.put(key, key); // the in-memory stores need no database
            }
        }
        placement = Placement.of(tenants, dbs);
    }

    @AfterEach
    void close() {
        placement.close();
        databases.forEach(TestDatabase::close);
    }

    /** One store of {@code type} per database: JDBC over that database, or a fresh in-memory one. */
    private <S> S route(Class<S> type, Function<Jdbc, S> jdbc, java.util.function.Supplier<S> memory) {
        return placement.route(type, db -> kind.jdbc() ? jdbc.apply((Jdbc) db) : memory.get());
    }

    private DemoStores placedStores(AdjustableClock clock) {
        LedgerStore ledger = route(LedgerStore.class, j -> JdbcLedgerStore.builder(j).build(), InMemoryLedgerStore::create);
        OrderStore orders = route(OrderStore.class, JdbcOrderStore::create, InMemoryOrderStore::create);
        PayrollStore payroll = route(PayrollStore.class, JdbcPayrollStore::create, InMemoryPayrollStore::create);
        DocumentStore documents = route(DocumentStore.class, JdbcDocumentStore::create, InMemoryDocumentStore::create);
        BlobStore blobStore = placement.route(BlobStore.class, new Function<Object, BlobStore>() {
            private int n;

            @Override
            public BlobStore apply(Object db) {
                return kind.jdbc() ? FileSystemBlobStore.create(blobs.resolve("db" + n++)) : InMemoryBlobStore.create();
            }
        });
        AuditStore audit = route(AuditStore.class, j -> JdbcAuditStore.create(j, clock), () -> InMemoryAuditStore.create(clock));
        InvoiceStore invoices = route(InvoiceStore.class, j -> JdbcInvoiceStore.builder(j).build(), InMemoryInvoiceStore::create);
        PayableStore payables = route(PayableStore.class, JdbcPayableStore::create, InMemoryPayableStore::create);
        InventoryStore inventory = route(InventoryStore.class, j -> JdbcInventoryStore.builder(j).build(), InMemoryInventoryStore::create);
        return new DemoStores("placed", ledger, orders, payroll, documents, blobStore, audit, invoices, payables, inventory);
    }

    private static List<DemoRunTest.Totals> run(Function<AdjustableClock, DemoStores> stores) {
        AdjustableClock clock = AdjustableClock.startingAt(SCENARIO.month().atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        DemoStores s = stores.apply(clock);
        return new Demo(SCENARIO, s, clock, out).run().stream().map(DemoRunTest.Totals::of).toList();
    }

    @Test
    void the_demo_on_companies_placed_in_two_databases_gives_the_books_of_one_database() {
        List<DemoRunTest.Totals> control = run(DemoStores::inMemory);
        List<DemoRunTest.Totals> placed = run(this::placedStores);
        assertThat(placed).isEqualTo(control);
        assertThat(placed).allMatch(DemoRunTest.Totals::auditIntact);
    }

    @Test
    void every_row_of_a_tenant_is_in_its_own_database_and_every_database_has_every_schema() {
        run(this::placedStores);
        if (!kind.jdbc()) {
            return; // the in-memory stores have no rows to look at; the next test checks their audit logs
        }
        int i = 0;
        for (Map.Entry<String, Set<String>> e : placedIn.entrySet()) {
            TestDatabase db = databases.get(i++);
            Map<String, Set<String>> byTable = tenantsByTable(db);
            Set<String> seen = new TreeSet<>();
            byTable.forEach((table, found) -> {
                assertThat(found).as("tenants in %s of database %s", table, e.getKey()).isSubsetOf(e.getValue());
                seen.addAll(found);
            });
            assertThat(seen).as("database %s holds its tenants' rows", e.getKey()).isEqualTo(e.getValue());
            assertThat(byTable.keySet()).as("tables with rows in %s", e.getKey())
                    .contains("ledger_entry", "orders", "hr_payslips", "docs_document", "audit_log");
            List<String> modules = db.jdbc().inTransaction(c -> Jdbc.query(c,
                    "SELECT DISTINCT module FROM backoffice_schema_history ORDER BY module", rs -> rs.getString(1)));
            assertThat(modules).as("schemas installed in %s", e.getKey()).contains("core", "docs", "hr", "ledger", "orders");
        }
    }

    @Test
    void a_company_not_placed_is_refused_by_every_store_and_nothing_is_written() {
        AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-03-01T00:00:00Z"));
        DemoStores stores = placedStores(clock);
        TenantId stranger = TenantId.of("stranger-co");
        List<MultiTenantStore<?>> all = List.of(stores.ledger(), stores.orders(), stores.payroll(), stores.documents(), stores.audit());
        for (MultiTenantStore<?> store : all) {
            assertThatThrownBy(() -> store.forTenant(stranger))
                    .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code()).isEqualTo("storage.tenant_not_placed"))
                    .hasMessageContaining("stranger-co");
        }
        assertThatThrownBy(() -> Ledger.builder().store(stores.ledger()).clock(clock).build().forTenant(stranger).periodStatus())
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code()).isEqualTo("storage.tenant_not_placed"));
        assertThatThrownBy(() -> stores.blobs().exists(stranger, null))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code()).isEqualTo("storage.tenant_not_placed"));
        // a placed tenant's audit record lands in its database's log only
        TenantId first = TenantId.of(SCENARIO.entities().get(0).tenant());
        stores.audit().forTenant(first).append(AuditEvent.of("tester", "test.placed", "x"));
        assertThat(stores.audit().forTenant(first).size()).isEqualTo(1);
    }

    @Test
    void an_invoice_and_its_journal_entry_commit_in_the_database_of_its_tenant() {
        invoiceEveryCompany();
    }

    /**
     * Issue #20 item 4, the statement check on a representative scenario of every module (the
     * modules' contract suites run the same check on every database they close): each database
     * received statements from the ledger, orders, payroll, archive, audit and invoicing stores,
     * and every one of them names one tenant by equality.
     */
    @Test
    void every_statement_each_module_sent_names_one_tenant_by_equality() {
        run(this::placedStores);
        invoiceEveryCompany();
        assertThat(tenants.placeOf(TenantId.of("invoicing-eu"))).isEqualTo("eu");
        if (!kind.jdbc()) {
            return;
        }
        for (TestDatabase db : databases) {
            RecordingDataSource recorded = StatementCheck.recorder(db);
            Set<String> senders = new TreeSet<>();
            recorded.sdkStatements().forEach(st -> senders.add(st.sender().substring(0, st.sender().lastIndexOf('.'))));
            for (String module : List.of("ledger", "orders", "payroll", "docs", "invoicing", "core.audit")) {
                assertThat(senders).as("packages that sent statements").anyMatch(p -> p.startsWith("dev.backoffice." + module));
            }
            assertThat(TenantStatements.violations(recorded)).isEmpty();
            assertThat(recorded.sdkStatements()).as("distinct statements checked").hasSizeGreaterThan(50);
        }
    }

    private void invoiceEveryCompany() {
        CurrencyUnit pln = CurrencyUnit.of("PLN");
        AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-03-16T09:00:00Z"));
        LedgerStore ledgerStore = route(LedgerStore.class, j -> JdbcLedgerStore.builder(j).build(), InMemoryLedgerStore::create);
        InvoiceStore invoiceStore = route(InvoiceStore.class, j -> JdbcInvoiceStore.builder(j).build(), InMemoryInvoiceStore::create);
        AuditStore audit = route(AuditStore.class, j -> JdbcAuditStore.create(j, clock), () -> InMemoryAuditStore.create(clock));
        Ledger ledger = Ledger.builder().store(ledgerStore).audit(audit).clock(clock).build();
        Invoicing invoicing = Invoicing.builder().store(invoiceStore).audit(audit)
                .ledger(ledger, AccountMapping.builder().currency(pln, "1100", "4100", "2200", "1010", "2400").build())
                .clock(clock).build();
        List<String> numbers = new ArrayList<>();
        for (String name : invoicingTenants.values()) {
            TenantId tenant = TenantId.of(name);
            ledger.forTenant(tenant).openAll(ChartTemplates.smallBusiness(pln));
            TenantInvoicing books = invoicing.forTenant(tenant);
            books.defineSeries(Series.of("FV", "FV/{yyyy}/{MM}/{seq}", NumberReset.MONTHLY), "owner");
            Invoice invoice = books.issue(NewInvoice.builder("FV", pln)
                    .seller(Party.of("Acme sp. z o.o.", "PL", "526-025-02-74", "ul. Prosta 1, 00-001 Warszawa"))
                    .buyer(Party.of("Globex S.A.", "PL", "768-000-24-66", "ul. Krotka 2, 30-001 Krakow"))
                    .line(InvoiceLine.of("Consulting", new BigDecimal("10"), "h", Money.parse("PLN 150.00"), VatRate.PL_23))
                    .paymentDays(14)
                    .build());
            numbers.add(invoice.number().orElseThrow());
            assertThat(ledger.forTenant(tenant).trialBalance(java.time.LocalDate.of(2026, 3, 31)).rows()).isNotEmpty();
        }
        // each database numbers its own tenant's series from 1: the series are not shared
        assertThat(numbers).containsOnly("FV/2026/03/1");
        if (kind.jdbc()) {
            int i = 0;
            for (Map.Entry<String, String> e : invoicingTenants.entrySet()) {
                Map<String, Set<String>> byTable = tenantsByTable(databases.get(i++));
                // the demo's companies invoice too now: each database holds its own companies' invoices only
                List<String> elsewhere = new ArrayList<>(invoicingTenants.values().stream().filter(t -> !t.equals(e.getValue())).toList());
                placedIn.forEach((key, placed) -> {
                    if (!key.equals(e.getKey())) {
                        elsewhere.addAll(placed);
                    }
                });
                assertThat(byTable.get("invoicing_invoice")).as("invoices in %s", e.getKey()).contains(e.getValue())
                        .doesNotContainAnyElementsOf(elsewhere);
                assertThat(byTable.get("ledger_entry")).as("journal entries in %s", e.getKey()).contains(e.getValue())
                        .doesNotContainAnyElementsOf(elsewhere);
            }
        }
    }

    /**
     * Each database's JDBC ledger store has its own group committer: postings of companies in
     * both databases, from several threads at once, each land once, in their own database.
     */
    @Test
    void concurrent_postings_of_companies_in_two_databases_each_commit_once_in_their_own() throws Exception {
        CurrencyUnit pln = CurrencyUnit.of("PLN");
        AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-03-16T09:00:00Z"));
        LedgerStore ledgerStore = route(LedgerStore.class, j -> JdbcLedgerStore.builder(j).build(), InMemoryLedgerStore::create);
        Ledger ledger = Ledger.builder().store(ledgerStore).clock(clock).build();
        List<TenantId> companies = invoicingTenants.values().stream().map(TenantId::of).toList();
        for (TenantId t : companies) {
            ledger.forTenant(t).openAll(ChartTemplates.smallBusiness(pln));
        }
        int perThread = 25;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                TenantId t = companies.get(thread % companies.size());
                int n = thread;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        ledger.forTenant(t).post(dev.backoffice.ledger.EntryRequest.builder(java.time.LocalDate.of(2026, 3, 16), "sale " + n + "/" + i)
                                .debit("1010", Money.parse("PLN 10.00")).credit("4100", Money.parse("PLN 10.00")).build());
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        for (TenantId t : companies) {
            assertThat(ledger.forTenant(t).trialBalance(java.time.LocalDate.of(2026, 3, 31)).rows())
                    .filteredOn(r -> r.code().equals("1010")).singleElement()
                    .satisfies(r -> assertThat(r.debit()).isEqualTo(Money.parse("PLN " + (2 * perThread * 10) + ".00")));
        }
        if (kind.jdbc()) {
            int i = 0;
            for (Map.Entry<String, String> e : invoicingTenants.entrySet()) {
                TestDatabase db = databases.get(i++);
                List<String> entries = db.jdbc().inTransaction(c -> Jdbc.query(c,
                        "SELECT tenant_id FROM ledger_entry WHERE description LIKE 'sale %'", rs -> rs.getString(1)));
                assertThat(entries).as("postings in %s", e.getKey()).hasSize(2 * perThread).containsOnly(e.getValue());
            }
        }
    }

    /** For every table with a tenant column: the tenants that have rows in it (tables without rows left out). */
    private static Map<String, Set<String>> tenantsByTable(TestDatabase db) {
        Jdbc jdbc = db.jdbc();
        List<String> tables = jdbc.inTransaction(c -> Jdbc.query(c,
                "SELECT LOWER(table_name) FROM information_schema.columns WHERE LOWER(column_name) = 'tenant_id' "
                        + "AND table_schema = CURRENT_SCHEMA ORDER BY 1", rs -> rs.getString(1)));
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String table : tables) {
            List<String> found = jdbc.inTransaction(c -> Jdbc.query(c, "SELECT DISTINCT tenant_id FROM " + table, rs -> rs.getString(1)));
            if (!found.isEmpty()) {
                out.put(table, new TreeSet<>(found));
            }
        }
        return out;
    }
}

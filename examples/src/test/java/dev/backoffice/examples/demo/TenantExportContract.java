package dev.backoffice.examples.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backoffice.core.audit.AuditEvent;
import dev.backoffice.core.audit.AuditLog;
import dev.backoffice.core.audit.AuditRecord;
import dev.backoffice.core.audit.InMemoryAuditStore;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.export.ExportManifest;
import dev.backoffice.core.export.TenantExport;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.SchemaScripts;
import dev.backoffice.core.testing.SeparateDatabases;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.examples.demo.scenario.Scenario;
import dev.backoffice.examples.demo.scenario.ScenarioLoader;
import dev.backoffice.ledger.Account;
import dev.backoffice.ledger.EntryRequest;
import dev.backoffice.ledger.JournalEntry;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.ledger.TrialBalance;
import dev.backoffice.ledger.jdbc.JdbcLedgerStore;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue #20 item 3, first cut: one tenant's ledger and audit log exported in format version 1
 * (JSON Lines per table, manifest with row counts and SHA-256), imported into another database
 * and into an in-memory audit store, and verified: the same rows (a re-export from the target has
 * the same checksums), the same trial balance, debits equal credits, the audit chain intact with
 * the same head; the other tenant's rows stay behind; a tampered file or a second import is
 * refused with nothing written.
 */
abstract class TenantExportContract {

    private static final Scenario SCENARIO = ScenarioLoader.builtIn();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StoreKind kind;
    private TestDatabase source;
    private TestDatabase target;
    private TenantId tenant;
    private TenantId other;
    private AdjustableClock clock;

    @TempDir
    Path dir;

    TenantExportContract(StoreKind kind) {
        this.kind = kind;
    }

    @BeforeEach
    void runTheDemoOnTheSource() {
        source = SeparateDatabases.open(kind);
        target = SeparateDatabases.open(kind);
        tenant = TenantId.of(SCENARIO.entities().get(0).tenant());
        other = TenantId.of(SCENARIO.entities().get(1).tenant());
        clock = AdjustableClock.startingAt(SCENARIO.month().atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        try (DemoStores stores = DemoStores.jdbc(source.jdbc(), dir.resolve("blobs"), clock, "source")) {
            new Demo(SCENARIO, stores, clock, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();
        }
    }

    @AfterEach
    void close() {
        source.close();
        target.close();
    }

    private ExportManifest export(TestDatabase db, String module, List<String> scripts, Path to) {
        return TenantExport.export(db.jdbc(), tenant, module, TenantExport.tablesOf(module, scripts), to);
    }

    @Test
    void a_tenants_ledger_and_audit_log_move_to_another_database_whole_and_verified() {
        ExportManifest ledger = export(source, "ledger", JdbcLedgerStore.SCRIPTS, dir.resolve("ledger"));
        ExportManifest audit = export(source, "core", JdbcAuditStore.SCHEMA, dir.resolve("audit"));
        assertThat(ledger.tables()).extracting(ExportManifest.Table::table).contains("ledger_account", "ledger_entry", "ledger_movement");
        assertThat(ledger.tables().stream().filter(t -> t.table().equals("ledger_entry")).findFirst().orElseThrow().rows()).isPositive();
        assertThat(audit.tables()).extracting(ExportManifest.Table::table).containsExactly("audit_head", "audit_log");

        // the target gets the schemas by building the stores, then the rows
        JdbcLedgerStore targetLedgerStore = JdbcLedgerStore.builder(target.jdbc()).build();
        JdbcAuditStore targetAudit = JdbcAuditStore.create(target.jdbc(), clock);
        TenantExport.importInto(target.jdbc(), dir.resolve("ledger"));
        TenantExport.importInto(target.jdbc(), dir.resolve("audit"));

        // the same rows: a re-export from the target has the same counts and checksums
        assertThat(sums(export(target, "ledger", JdbcLedgerStore.SCRIPTS, dir.resolve("again-ledger")))).isEqualTo(sums(ledger));
        assertThat(sums(export(target, "core", JdbcAuditStore.SCHEMA, dir.resolve("again-audit")))).isEqualTo(sums(audit));

        // ledger invariants: the same trial balance, debits equal credits
        LocalDate monthEnd = SCENARIO.month().atEndOfMonth();
        try (JdbcLedgerStore sourceLedgerStore = JdbcLedgerStore.builder(source.jdbc()).build()) {
            TrialBalance before = Ledger.builder().store(sourceLedgerStore).clock(clock).build().forTenant(tenant).trialBalance(monthEnd);
            TrialBalance after = Ledger.builder().store(targetLedgerStore).clock(clock).build().forTenant(tenant).trialBalance(monthEnd);
            assertThat(rows(after)).isEqualTo(rows(before)).isNotEmpty();
            BigDecimal debits = BigDecimal.ZERO;
            BigDecimal credits = BigDecimal.ZERO;
            for (TrialBalance.Row r : after.rows()) {
                debits = debits.add(r.debit().getAmount());
                credits = credits.add(r.credit().getAmount());
            }
            assertThat(debits).isEqualByComparingTo(credits);
        } finally {
            targetLedgerStore.close();
        }

        // the tenant goes on posting on its new home: entry numbers continue after the imported ones
        TenantExport.advanceSequence(target.jdbc(), tenant, "ledger_sequence_block", "ledger_entry", "sequence");
        try (JdbcLedgerStore onTarget = JdbcLedgerStore.builder(target.jdbc()).build()) {
            TenantLedger books = Ledger.builder().store(onTarget).clock(clock).build().forTenant(tenant);
            List<Account> accounts = books.accounts();
            java.util.Set<dev.backoffice.ledger.AccountId> parents = new java.util.HashSet<>();
            accounts.forEach(x -> x.parent().ifPresent(parents::add));
            List<Account> leaves = accounts.stream().filter(x -> !x.closed() && x.flags().isEmpty() && !parents.contains(x.id())).toList();
            Account a = leaves.get(0);
            Account b = leaves.stream().filter(x -> x.currency().equals(a.currency()) && !x.id().equals(a.id())).findFirst().orElseThrow();
            long maxBefore = maxSequence(target);
            JournalEntry posted = books.post(EntryRequest.builder(monthEnd.plusDays(1), "after the move")
                    .debit(a.id(), Money.of(a.currency(), 10)).credit(b.id(), Money.of(a.currency(), 10)).build());
            assertThat(posted.sequence()).isGreaterThan(maxBefore);
        }

        // the audit chain verifies on its new home, with the same head
        AuditLog moved = targetAudit.forTenant(tenant);
        AuditLog original = JdbcAuditStore.create(source.jdbc(), clock).forTenant(tenant);
        assertThat(moved.verify().intact()).isTrue();
        assertThat(moved.size()).isEqualTo(original.size()).isPositive();
        assertThat(last(moved).hash()).isEqualTo(last(original).hash());

        // only this tenant moved
        List<String> others = target.jdbc().inTransaction(c -> Jdbc.query(c,
                "SELECT tenant_id FROM ledger_entry WHERE tenant_id <> ? UNION SELECT tenant_id FROM audit_log WHERE tenant_id <> ?",
                rs -> rs.getString(1), tenant.value(), tenant.value()));
        assertThat(others).isEmpty();
        assertThat(JdbcAuditStore.create(target.jdbc(), clock).forTenant(other).size()).isZero();

        // importing again is refused, nothing written
        assertThatThrownBy(() -> TenantExport.importInto(target.jdbc(), dir.resolve("ledger")))
                .isInstanceOfSatisfying(BackofficeException.class, e -> assertThat(e.code()).isEqualTo("storage.import_tenant_exists"));
    }

    /**
     * Every module whose schema is on the class path (orders, payroll, archive, invoicing, and
     * any added later) exports and imports the same way: the target's re-export has the same
     * row counts and checksums, and the other company stays behind.
     */
    @Test
    void every_module_of_a_tenant_exports_and_imports_with_the_same_checksums() {
        SchemaScripts.installAll(source.jdbc()); // every module's tables, those the demo does not use empty
        Map<String, List<String>> modules = SchemaScripts.installAll(target.jdbc());
        assertThat(modules).containsKeys("core", "orders", "ledger", "invoicing", "hr", "docs");
        long rows = 0;
        for (Map.Entry<String, List<String>> m : modules.entrySet()) {
            ExportManifest exported = export(source, m.getKey(), m.getValue(), dir.resolve("all").resolve(m.getKey()));
            TenantExport.importInto(target.jdbc(), dir.resolve("all").resolve(m.getKey()));
            ExportManifest again = export(target, m.getKey(), m.getValue(), dir.resolve("again").resolve(m.getKey()));
            assertThat(sums(again)).as("module %s", m.getKey()).isEqualTo(sums(exported));
            rows += exported.tables().stream().mapToLong(ExportManifest.Table::rows).sum();
        }
        assertThat(rows).isPositive();
        for (String table : List.of("orders", "hr_payslips", "docs_document", "ledger_entry", "audit_log", "invoicing_invoice",
                "inventory_operation", "inventory_reservation")) {
            List<String> tenants = target.jdbc().inTransaction(c -> Jdbc.query(c,
                    "SELECT DISTINCT tenant_id FROM " + table + " WHERE tenant_id = ? OR tenant_id = ?", rs -> rs.getString(1),
                    tenant.value(), other.value()));
            assertThat(tenants).as(table).containsExactly(tenant.value());
        }
    }

    @Test
    void a_tampered_file_is_refused_before_anything_is_imported() throws Exception {
        export(source, "ledger", JdbcLedgerStore.SCRIPTS, dir.resolve("ledger"));
        Path entries = dir.resolve("ledger").resolve("ledger_entry.jsonl");
        String text = Files.readString(entries);
        Files.writeString(entries, text.replaceFirst("\"description\":\"", "\"description\":\"X"));
        JdbcLedgerStore.builder(target.jdbc()).build().close();
        assertThatThrownBy(() -> TenantExport.importInto(target.jdbc(), dir.resolve("ledger")))
                .isInstanceOfSatisfying(BackofficeException.class, e -> assertThat(e.code()).isEqualTo("storage.export_invalid"))
                .hasMessageContaining("ledger_entry.jsonl").hasMessageContaining("SHA-256");
        long accounts = target.jdbc().inTransaction(c -> Jdbc.queryOne(c, "SELECT COUNT(*) FROM ledger_account WHERE tenant_id = ?",
                rs -> rs.getLong(1), tenant.value())).orElseThrow();
        assertThat(accounts).isZero();
    }

    @Test
    void an_exported_audit_log_imports_into_an_in_memory_store_with_the_same_chain() throws Exception {
        export(source, "core", JdbcAuditStore.SCHEMA, dir.resolve("audit"));
        List<Map<String, String>> rows = new ArrayList<>(TenantExport.rows(dir.resolve("audit"), "audit_log"));
        rows.sort(Comparator.comparingLong(r -> Long.parseLong(r.get("seq"))));
        AdjustableClock replay = AdjustableClock.startingAt(Instant.EPOCH);
        AuditLog memory = InMemoryAuditStore.create(replay).forTenant(tenant);
        for (Map<String, String> r : rows) {
            replay.set(Instant.parse(r.get("recorded_at")));
            TreeMap<String, String> details = JSON.readValue(r.get("details"), new TypeReference<TreeMap<String, String>>() { });
            AuditRecord record = memory.append(AuditEvent.of(r.get("actor"), r.get("action"), r.get("subject"), details));
            assertThat(record.hash()).as("record %s rehashed in memory", r.get("seq")).isEqualTo(r.get("hash"));
        }
        assertThat(memory.verify().intact()).isTrue();
        assertThat(memory.size()).isEqualTo(rows.size()).isPositive();
    }

    private long maxSequence(TestDatabase db) {
        return db.jdbc().inTransaction(c -> Jdbc.queryOne(c, "SELECT MAX(sequence) FROM ledger_entry WHERE tenant_id = ?",
                rs -> rs.getLong(1), tenant.value())).orElseThrow();
    }

    private static Map<String, String> sums(ExportManifest m) {
        Map<String, String> out = new TreeMap<>();
        m.tables().forEach(t -> out.put(t.table(), t.rows() + " " + t.sha256()));
        return out;
    }

    private static List<String> rows(TrialBalance tb) {
        return tb.rows().stream().map(r -> r.code() + " " + r.debit() + " " + r.credit()).toList();
    }

    private static AuditRecord last(AuditLog log) {
        List<AuditRecord> all = log.read(1, 100_000);
        return all.get(all.size() - 1);
    }
}

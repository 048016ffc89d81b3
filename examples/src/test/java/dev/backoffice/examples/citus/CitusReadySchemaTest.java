package dev.backoffice.examples.citus;

import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.SchemaScripts;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;
import dev.backoffice.invoicing.jdbc.JdbcInvoiceStore;
import dev.backoffice.ledger.jdbc.JdbcLedgerStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #20 item 4: the schema is ready for a distributed PostgreSQL that shards by tenant
 * (Citus: {@code create_distributed_table('t', 'tenant_id')} needs the distribution column in
 * every primary key, unique constraint and unique index, and in every foreign key between
 * distributed tables). Every module schema found on the class path ({@link SchemaScripts}: new
 * modules and migrations are covered as soon as they ship) is installed into a fresh PostgreSQL
 * schema, and PostgreSQL's own catalog ({@code pg_class}, {@code pg_attribute},
 * {@code pg_constraint}, {@code pg_index}) is read, not the scripts' text.
 */
@RequiresPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CitusReadySchemaTest {

    /**
     * Tables that are global on purpose, with the reason; on Citus they stay local to the
     * coordinator (or become reference tables). Nothing else may lack the tenant column.
     */
    static final Map<String, String> GLOBAL_TABLES = Map.of(
            "backoffice_schema_history",
            "which scripts of which module are installed: a fact about the database, not about a tenant; written "
                    + "only by SchemaInstaller, never by a tenant's call");

    private TestDatabase db;
    private Jdbc jdbc;
    private Map<String, List<String>> installed;

    @BeforeAll
    void installEverySchema() {
        db = TestDatabases.postgres();
        jdbc = db.jdbc();
        installed = SchemaScripts.installAll(jdbc);
    }

    @AfterAll
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void every_sdk_module_schema_is_found_and_installed() {
        assertThat(installed).containsKeys("core", "orders", "ledger", "invoicing", "hr", "docs");
        // the scripts a store installs are the scripts that ship: a new migration not added to a
        // store's list would never reach an embedded database
        assertThat(installed.get("ledger")).isEqualTo(JdbcLedgerStore.SCRIPTS);
        assertThat(installed.get("invoicing")).isEqualTo(JdbcInvoiceStore.SCRIPTS);
        assertThat(tables()).as("tables installed").hasSizeGreaterThan(20);
    }

    @Test
    void every_table_has_a_not_null_tenant_column_of_one_type_except_the_listed_global_ones() {
        List<String> missing = new ArrayList<>();
        for (String table : tables()) {
            boolean has = jdbc.inTransaction(c -> Jdbc.queryOne(c,
                    "SELECT a.attnotnull FROM pg_attribute a WHERE a.attrelid = CAST(? AS regclass) "
                            + "AND a.attname = 'tenant_id' AND NOT a.attisdropped",
                    rs -> rs.getBoolean(1), table)).orElse(false);
            if (!has && !GLOBAL_TABLES.containsKey(table)) {
                missing.add(table);
            }
        }
        assertThat(missing).as("tables without a NOT NULL tenant_id").isEmpty();
        // Citus co-locates tables (one tenant's rows of every table on one node, so a
        // transaction over ledger, invoicing and audit stays on it) only if their distribution
        // columns have the same type
        List<String> types = jdbc.inTransaction(c -> Jdbc.query(c,
                "SELECT DISTINCT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a JOIN pg_class t ON t.oid = a.attrelid "
                        + "JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = current_schema() "
                        + "AND t.relkind IN ('r', 'p') AND a.attname = 'tenant_id' AND NOT a.attisdropped",
                rs -> rs.getString(1)));
        assertThat(types).containsExactly("character varying(64)");
        assertThat(tables()).containsAll(GLOBAL_TABLES.keySet());
    }

    @Test
    void every_primary_key_and_unique_constraint_includes_the_tenant_column() {
        List<String> bad = new ArrayList<>();
        for (Constraint k : constraints("p", "u")) {
            if (!GLOBAL_TABLES.containsKey(k.table) && !k.columns.contains("tenant_id")) {
                bad.add(k.toString());
            }
        }
        assertThat(bad).isEmpty();
        assertThat(constraints("p").stream().map(k -> k.table).toList())
                .as("every table has a primary key").containsAll(tables());
    }

    @Test
    void every_unique_index_includes_the_tenant_column_and_has_no_expression() {
        List<String> bad = new ArrayList<>();
        List<String[]> indexes = jdbc.inTransaction(c -> Jdbc.query(c,
                "SELECT t.relname, i.relname, x.indkey::text, x.indexprs IS NOT NULL FROM pg_index x "
                        + "JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
                        + "JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = current_schema() AND x.indisunique",
                rs -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3), String.valueOf(rs.getBoolean(4))}));
        for (String[] ix : indexes) {
            if (GLOBAL_TABLES.containsKey(ix[0])) {
                continue;
            }
            List<String> columns = columnNames(ix[0], Arrays.stream(ix[2].trim().split("\\s+")).mapToInt(Integer::parseInt).toArray());
            if (!columns.contains("tenant_id") || Boolean.parseBoolean(ix[3])) {
                bad.add(ix[0] + "." + ix[1] + " " + columns);
            }
        }
        assertThat(bad).isEmpty();
        assertThat(indexes).as("unique indexes checked").hasSizeGreaterThan(20);
    }

    @Test
    void every_foreign_key_includes_the_tenant_column_on_both_sides_paired() {
        List<String> bad = new ArrayList<>();
        List<Constraint> fks = constraints("f");
        for (Constraint k : fks) {
            int i = k.columns.indexOf("tenant_id");
            if (i < 0 || !"tenant_id".equals(k.referenced.get(i))) {
                bad.add(k.toString());
            }
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void every_index_leads_with_the_tenant_column() {
        // not needed by Citus, but the SDK's rule (CONTRIBUTING): every lookup is a range of one
        // tenant, and an index that does not lead with it would scan every tenant's rows
        List<String> bad = jdbc.inTransaction(c -> Jdbc.query(c,
                "SELECT t.relname || '.' || i.relname || ' ' || a.attname FROM pg_index x "
                        + "JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
                        + "JOIN pg_namespace n ON n.oid = t.relnamespace "
                        + "LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0] "
                        + "WHERE n.nspname = current_schema() AND t.relname <> 'backoffice_schema_history' "
                        + "AND (a.attname IS NULL OR a.attname <> 'tenant_id')",
                rs -> rs.getString(1)));
        assertThat(bad).isEmpty();
    }

    @Test
    void the_citus_distribution_calls_cover_every_table() {
        // what placement-readme's "Citus" section lists; printed for the README
        List<String> calls = new ArrayList<>();
        for (String table : tables()) {
            if (!GLOBAL_TABLES.containsKey(table)) {
                calls.add(calls.isEmpty() ? "SELECT create_distributed_table('" + table + "', 'tenant_id');"
                        : "SELECT create_distributed_table('" + table + "', 'tenant_id', colocate_with => '" + firstDistributed() + "');");
            }
        }
        System.out.println(String.join("\n", calls));
        assertThat(calls).hasSize(tables().size() - GLOBAL_TABLES.size());
    }

    private String firstDistributed() {
        return tables().stream().filter(t -> !GLOBAL_TABLES.containsKey(t)).findFirst().orElseThrow();
    }

    private List<String> tables() {
        return jdbc.inTransaction(c -> Jdbc.query(c,
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                        + "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY c.relname",
                rs -> rs.getString(1)));
    }

    private List<Constraint> constraints(String... types) {
        List<Constraint> out = new ArrayList<>();
        for (String type : types) {
            List<Object[]> rows = jdbc.inTransaction(c -> Jdbc.query(c,
                    "SELECT t.relname, k.conname, k.conkey::text, r.relname, k.confkey::text FROM pg_constraint k "
                            + "JOIN pg_class t ON t.oid = k.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
                            + "LEFT JOIN pg_class r ON r.oid = k.confrelid "
                            + "WHERE n.nspname = current_schema() AND k.contype = ? ORDER BY t.relname, k.conname",
                    rs -> new Object[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)},
                    type));
            for (Object[] r : rows) {
                String table = (String) r[0];
                List<String> columns = columnNames(table, numbers((String) r[2]));
                List<String> referenced = r[3] == null ? List.of() : columnNames((String) r[3], numbers((String) r[4]));
                out.add(new Constraint(type, table, (String) r[1], columns, (String) r[3], referenced));
            }
        }
        return out;
    }

    private static int[] numbers(String pgArray) {
        String inner = pgArray.replace("{", "").replace("}", "").trim();
        return inner.isEmpty() ? new int[0] : Arrays.stream(inner.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    }

    private List<String> columnNames(String table, int[] attnums) {
        Map<Integer, String> names = new TreeMap<>();
        jdbc.inTransaction(c -> Jdbc.query(c,
                "SELECT attnum, attname FROM pg_attribute WHERE attrelid = CAST(? AS regclass) AND attnum > 0",
                rs -> names.put(rs.getInt(1), rs.getString(2)), table));
        List<String> out = new ArrayList<>();
        for (int n : attnums) {
            out.add(n == 0 ? "(expression)" : names.get(n));
        }
        return out;
    }

    private record Constraint(String type, String table, String name, List<String> columns, String referencedTable,
                              List<String> referenced) {
        @Override
        public String toString() {
            return type + " " + table + "." + name + " " + columns + (referencedTable == null ? "" : " -> " + referencedTable + " " + referenced);
        }
    }
}

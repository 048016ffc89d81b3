package dev.backoffice.core.testing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TenantStatementsTest {

    @Test
    void a_statement_naming_one_tenant_by_equality_passes() {
        assertThat(TenantStatements.violation("SELECT a, b FROM orders WHERE tenant_id = ? AND id = ?")).isNull();
        assertThat(TenantStatements.violation("UPDATE orders SET version = ? WHERE tenant_id = ? AND id = ?")).isNull();
        assertThat(TenantStatements.violation("DELETE FROM docs_purge WHERE tenant_id = ? AND content_hash = ?")).isNull();
        assertThat(TenantStatements.violation("INSERT INTO orders (tenant_id, id) VALUES (?, ?)")).isNull();
        assertThat(TenantStatements.violation("INSERT INTO m (tenant_id, a) SELECT CAST(? AS VARCHAR(64)), v.a FROM unnest(?) AS v(a)")).isNull();
        assertThat(TenantStatements.violation("SELECT 1 FROM a x, b y WHERE x.tenant_id = ? AND y.tenant_id = x.tenant_id")).isNull();
        assertThat(TenantStatements.violation("SELECT * FROM a x JOIN b y ON y.tenant_id = x.tenant_id AND y.k = x.k WHERE x.tenant_id = ?")).isNull();
        assertThat(TenantStatements.violation("INSERT INTO c (tenant_id, k) VALUES (?, ?) ON CONFLICT (tenant_id, k) DO UPDATE SET v = 1")).isNull();
        assertThat(TenantStatements.violation("SELECT k FROM c WHERE tenant_id = ? FOR UPDATE")).isNull();
        assertThat(TenantStatements.violation("WITH w1 AS (UPDATE a x SET k = v.k FROM unnest(?) AS v(k) WHERE x.tenant_id = ? AND x.id = v.id), "
                + "w2 AS (INSERT INTO b (tenant_id, k) SELECT ?, v.k FROM unnest(?) AS v(k)) INSERT INTO c (tenant_id, k) SELECT ?, 1")).isNull();
        assertThat(TenantStatements.violation("MERGE INTO d x USING (SELECT CAST(? AS VARCHAR(64)) AS tenant_id, v.k FROM UNNEST(?) AS v(k)) AS v "
                + "ON x.tenant_id = v.tenant_id AND x.k = v.k WHEN NOT MATCHED THEN INSERT (tenant_id, k) VALUES (v.tenant_id, v.k)")).isNull();
        assertThat(TenantStatements.violation("SELECT (SELECT COUNT(*) FROM a WHERE tenant_id = ? AND k = ?), "
                + "(SELECT COUNT(*) FROM b WHERE tenant_id = ? AND k = ?)")).isNull();
    }

    @Test
    void what_touches_no_tenant_data_passes() {
        assertThat(TenantStatements.violation("SELECT pg_advisory_xact_lock(?)")).isNull();
        assertThat(TenantStatements.violation("SELECT nextval('ledger_sequence_block')")).isNull();
        assertThat(TenantStatements.violation("SET LOCAL enable_seqscan = off")).isNull();
        assertThat(TenantStatements.violation("CREATE TABLE x (tenant_id VARCHAR(64))")).isNull();
        assertThat(TenantStatements.violation("SELECT 1 FROM backoffice_schema_history WHERE module = ? AND version = ?")).isNull();
    }

    @Test
    void a_statement_without_one_tenant_is_a_violation() {
        assertThat(TenantStatements.violation("SELECT a FROM orders WHERE id = ?")).contains("no tenant_id = ?");
        assertThat(TenantStatements.violation("SELECT a FROM orders WHERE tenant_id IN (?, ?)")).contains("equality");
        assertThat(TenantStatements.violation("DELETE FROM orders")).contains("no tenant_id = ?");
        assertThat(TenantStatements.violation("INSERT INTO orders (id) VALUES (?)")).contains("INSERT without tenant_id");
        assertThat(TenantStatements.violation("WITH w AS (INSERT INTO b (k) SELECT 1) SELECT 1")).contains("INSERT without tenant_id");
        assertThat(TenantStatements.violation("SELECT 1 FROM a x, b y WHERE x.tenant_id = ? AND y.k = x.k")).contains("table b (y)");
        assertThat(TenantStatements.violation("SELECT 1 FROM a x JOIN b y ON y.k = x.k WHERE x.tenant_id = ?")).contains("table b (y)");
        assertThat(TenantStatements.violation("SELECT (SELECT COUNT(*) FROM a WHERE tenant_id = ?), (SELECT COUNT(*) FROM b)"))
                .contains("table b");
    }
}

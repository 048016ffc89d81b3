package dev.backoffice.docs.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;
import dev.backoffice.docs.Document;
import dev.backoffice.docs.DocumentClass;
import dev.backoffice.docs.TenantDocumentStore;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "What is due as of D" is an index range scan on {@code docs_document_due}, not a full scan:
 * PostgreSQL's plan for the store's own query over 40,000 documents (1 % due) says so.
 */
@RequiresPostgres
class PostgresDueIndexTest {

    @Test
    void the_due_listing_is_an_index_range_scan() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            Jdbc jdbc = db.jdbc();
            JdbcDocumentStore store = JdbcDocumentStore.create(jdbc);
            TenantDocumentStore t = store.forTenant(TenantId.of("acme"));
            TenantDocumentStore other = store.forTenant(TenantId.of("other"));
            DocumentClass c = DocumentClass.of("invoice");
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < 40_000; i++) {
                batch.add(BulkDocuments.document(i, 100, c));
                if (batch.size() == 5_000) {
                    List<Document> b = List.copyOf(batch);
                    ((i / 5_000) % 2 == 0 ? t : other).write(tx -> {
                        tx.insertAll(b);
                        return null;
                    });
                    batch.clear();
                }
            }
            jdbc.inTransactionRun(conn -> conn.createStatement().execute("ANALYZE docs_document"));

            List<String> plan = new ArrayList<>();
            jdbc.inTransactionRun(conn -> {
                try (PreparedStatement ps = conn.prepareStatement("EXPLAIN " + JdbcDocumentStore.dueSql(false))) {
                    Jdbc.bind(ps, "acme", LocalDate.of(2026, 1, 1), 500);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            plan.add(rs.getString(1));
                        }
                    }
                }
            });
            String text = String.join("\n", plan);
            System.out.println("[docs] EXPLAIN of the due listing on PostgreSQL:\n" + text);
            assertThat(text).contains("docs_document_due").doesNotContain("Seq Scan on docs_document");
            assertThat(t.read().due(LocalDate.of(2026, 1, 1), Optional.empty(), 1000)).hasSize(200);
        }
    }
}

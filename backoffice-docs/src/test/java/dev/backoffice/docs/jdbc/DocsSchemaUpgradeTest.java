package dev.backoffice.docs.jdbc;

import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.jdbc.SchemaInstaller;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.docs.Archive;
import dev.backoffice.docs.DocsFixtures;
import dev.backoffice.docs.Document;
import dev.backoffice.docs.DocumentId;
import dev.backoffice.docs.TenantArchive;
import dev.backoffice.docs.blob.InMemoryBlobStore;
import dev.backoffice.docs.retention.RetentionPolicy;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;

import static dev.backoffice.docs.DocsFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database made by schema version 1 (documents and policies written then) upgrades to
 * version 2 with the same SQL on H2 and PostgreSQL: existing documents read as never extended,
 * a policy stored without a basis reads as a legal obligation, and extensions then work.
 */
class DocsSchemaUpgradeTest {

    @Test
    void a_version_1_archive_on_h2_upgrades_and_its_documents_read_as_never_extended() {
        try (TestDatabase db = TestDatabases.h2()) {
            upgradesAndExtends(db.jdbc());
        }
    }

    @RequiresPostgres
    @Test
    void a_version_1_archive_on_postgresql_upgrades_and_its_documents_read_as_never_extended() {
        try (TestDatabase db = TestDatabases.postgres()) {
            upgradesAndExtends(db.jdbc());
        }
    }

    private static void upgradesAndExtends(Jdbc jdbc) {
        SchemaInstaller.install(jdbc, "docs", List.of("V1__docs.sql"));
        DocumentId id = DocumentId.newId();
        jdbc.inTransactionRun(c -> {
            Jdbc.update(c, "INSERT INTO docs_policy (tenant_id, doc_class, policy_json) VALUES (?, ?, ?)", "acme", "memo",
                    "{\"documentClass\":\"memo\",\"name\":\"Memos\",\"period\":\"P1Y\",\"trigger\":{\"event\":null,\"yearEnd\":\"NONE\","
                            + "\"fiscalYearEnd\":null,\"deferral\":\"P0D\"},\"action\":\"DELETE\",\"mode\":\"GOVERNANCE\",\"source\":\"v1\"}");
            Jdbc.update(c, "INSERT INTO docs_document (tenant_id, id, doc_class, title, media_type, created_at, lifecycle, trigger_date, "
                            + "retain_until, disposed_at, version_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "acme", id.value(), "memo",
                    "old memo", "text/plain", DocsFixtures.clock().instant(), "ACTIVE", LocalDate.of(2026, 1, 15), LocalDate.of(2027, 1, 15),
                    null, 1);
            Jdbc.update(c, "INSERT INTO docs_version (tenant_id, document_id, number, content_hash, size_bytes, media_type, file_name, "
                            + "added_at, added_by, live) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "acme", id.value(), 1, "ab".repeat(32), 3L,
                    "text/plain", null, DocsFixtures.clock().instant(), "clerk", true);
        });

        AdjustableClock clock = DocsFixtures.clock();
        TenantArchive acme = Archive.builder().store(JdbcDocumentStore.create(jdbc)).blobs(InMemoryBlobStore.create())
                .audit(JdbcAuditStore.create(jdbc, clock)).clock(clock).zone(ZoneOffset.UTC)
                .holdAuthorizer((actor, action) -> actor.equals(OFFICER)).build().forTenant(TenantId.of("acme"));

        Document old = acme.get(id);
        assertThat(old.extendedUntil()).isEmpty();
        assertThat(old.retainUntil()).contains(LocalDate.of(2027, 1, 15));
        assertThat(acme.policy(MEMO).orElseThrow().legalObligation()).isTrue();

        acme.extendRetention(id, LocalDate.of(2030, 1, 15), OFFICER, "litigation");
        acme.setPolicy(RetentionPolicy.builder(MEMO).name("Memos").period(Period.ofYears(2)).governance().legalObligation()
                .source("v2").build(), ADMIN);
        assertThat(acme.get(id).retainUntil()).contains(LocalDate.of(2030, 1, 15));
        assertThat(acme.get(id).extendedUntil()).contains(LocalDate.of(2030, 1, 15));
    }
}

package dev.backoffice.docs.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.audit.AuditRecord;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.jdbc.EmbeddedDatabase;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;
import dev.backoffice.docs.Archive;
import dev.backoffice.docs.Document;
import dev.backoffice.docs.DocumentQuery;
import dev.backoffice.docs.DocumentVersion;
import dev.backoffice.docs.Lifecycle;
import dev.backoffice.docs.NewDocument;
import dev.backoffice.docs.TenantArchive;
import dev.backoffice.docs.blob.BlobStatus;
import dev.backoffice.docs.blob.FileSystemBlobStore;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static dev.backoffice.docs.DocsFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a JVM in the middle of a disposition run ({@code destroyForcibly}, i.e. SIGKILL), then
 * reruns it: nothing is lost (documents not due and their content are intact), nothing is
 * disposed twice (exactly one certificate per disposed document), the audit chain verifies and
 * every disposed document's content is gone. On H2 (file) and, when configured, PostgreSQL.
 */
class DispositionCrashTest {

    private static final TenantId T = TenantId.of("acme");
    private static final Instant NOW = Instant.parse("2028-06-01T12:00:00Z");
    private static final int DUE = 120;
    private static final int KEPT = 40;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void killing_the_jvm_mid_disposition_and_rerunning_loses_nothing_and_disposes_nothing_twice_on_h2() throws Exception {
        // WRITE_DELAY=0: H2 otherwise keeps commits of the last ~500 ms in memory, and a killed
        // JVM loses them (the first run of this test showed exactly that). A file H2 used as an
        // archive store must be opened with it.
        String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + EmbeddedDatabase.COMPATIBILITY + ";WRITE_DELAY=0";
        crashAndRerun(url, "sa", "", () -> {
            HikariDataSource ds = new HikariDataSource();
            ds.setJdbcUrl(url);
            ds.setUsername("sa");
            ds.setPassword("");
            return ds;
        });
    }

    @RequiresPostgres
    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void killing_the_jvm_mid_disposition_and_rerunning_loses_nothing_and_disposes_nothing_twice_on_postgres() throws Exception {
        try (TestDatabase db = TestDatabases.postgres()) {
            crashAndRerun(db.url(), db.user(), db.password(), () -> {
                HikariDataSource ds = new HikariDataSource();
                ds.setJdbcUrl(db.url());
                ds.setUsername(db.user());
                ds.setPassword(db.password());
                return ds;
            });
        }
    }

    interface Pool {
        HikariDataSource open();
    }

    private Archive archive(Jdbc jdbc, Clock clock) {
        return Archive.builder().store(JdbcDocumentStore.create(jdbc)).blobs(FileSystemBlobStore.create(dir.resolve("blobs")))
                .audit(JdbcAuditStore.create(jdbc, clock)).clock(clock).zone(ZoneOffset.UTC).build();
    }

    private void crashAndRerun(String url, String user, String password, Pool pool) throws Exception {
        // 1. Seed: DUE memos whose retention ended, KEPT invoices still retained (some sharing content with memos).
        List<Document> due = new ArrayList<>();
        List<Document> kept = new ArrayList<>();
        try (HikariDataSource ds = pool.open()) {
            Jdbc jdbc = Jdbc.of(ds);
            Clock then = Clock.fixed(Instant.parse("2026-01-15T09:00:00Z"), ZoneOffset.UTC);
            TenantArchive a = archive(jdbc, then).forTenant(T);
            a.setPolicy(memoPolicy(), ADMIN);
            a.setPolicy(invoicePolicy(), ADMIN);
            for (int i = 0; i < DUE; i++) {
                due.add(a.ingest(NewDocument.builder(MEMO, "memo " + i).build(), bytes("memo content " + i)));
            }
            for (int i = 0; i < KEPT; i++) {
                kept.add(a.ingest(NewDocument.builder(INVOICE, "invoice " + i).build(), bytes("memo content " + i)));
            }
            if (url.startsWith("jdbc:h2:")) {
                jdbc.inTransactionRun(c -> c.createStatement().execute("CHECKPOINT SYNC"));
            }
        }

        // 2. A child JVM disposes slowly; kill it after some certificates have committed.
        Process child = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
                DispositionCrashChild.class.getName(), url, user, password, dir.resolve("blobs").toString(), NOW.toString(),
                "2028-06-01", "15")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        int seen = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("CERT ")) {
                    seen++;
                }
                if (seen >= 23 || line.equals("DONE")) {
                    break;
                }
            }
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child exits after the kill").isTrue();
        }
        assertThat(seen).as("the child committed some certificates before it was killed").isGreaterThanOrEqualTo(23);

        // 3. After the crash: part done, and what is done is consistent.
        try (HikariDataSource ds = pool.open()) {
            Jdbc jdbc = Jdbc.of(ds);
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            Archive archive = archive(jdbc, clock);
            TenantArchive a = archive.forTenant(T);
            long disposedAfterCrash = countDisposed(a);
            assertThat(disposedAfterCrash).isBetween((long) seen, (long) DUE - 1);
            assertThat(certificatesBySubject(jdbc, clock).size()).isEqualTo((int) disposedAfterCrash);

            // 4. Rerun to the end.
            a.dispose(LocalDate.parse("2028-06-01"), "rerun");

            Map<String, Integer> certs = certificatesBySubject(jdbc, clock);
            for (Document d : due) {
                Document now = a.get(d.id());
                assertThat(now.lifecycle()).isEqualTo(Lifecycle.DISPOSED);
                assertThat(certs.get("document/" + d.id())).as("certificates of " + d.id()).isEqualTo(1);
            }
            assertThat(certs).hasSize(DUE);
            Set<String> keptHashes = new HashSet<>();
            for (Document d : kept) {
                Document now = a.get(d.id());
                assertThat(now.lifecycle()).isEqualTo(Lifecycle.ACTIVE);
                assertThat(a.verify(d.id())).containsEntry(1, BlobStatus.INTACT);
                keptHashes.add(now.latest().contentHash().hex());
            }
            for (Document d : due) {
                for (DocumentVersion v : d.versions()) {
                    boolean shouldExist = keptHashes.contains(v.contentHash().hex());
                    assertThat(archive.blobs().exists(T, v.contentHash())).as("content of disposed " + d.id()).isEqualTo(shouldExist);
                }
            }
            assertThat(JdbcAuditStore.create(jdbc, clock).forTenant(T).verify().intact()).isTrue();
            assertThat(a.dispose(LocalDate.parse("2028-06-01"), "third").disposed()).isEmpty();
        }
    }

    private static long countDisposed(TenantArchive a) {
        return a.search(DocumentQuery.builder().includeDisposed(true).build(), Optional.empty(), 1000).items().stream()
                .filter(d -> d.lifecycle() == Lifecycle.DISPOSED).count();
    }

    private static Map<String, Integer> certificatesBySubject(Jdbc jdbc, Clock clock) {
        Map<String, Integer> out = new HashMap<>();
        for (AuditRecord r : JdbcAuditStore.create(jdbc, clock).forTenant(T).read(1, 100_000)) {
            if (r.event().action().equals("docs.disposed")) {
                out.merge(r.event().subject(), 1, Integer::sum);
            }
        }
        return out;
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : "")).toString();
    }
}

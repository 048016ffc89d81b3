package dev.backoffice.examples.bench.docs;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.audit.InMemoryAuditStore;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.docs.Archive;
import dev.backoffice.docs.ContentHash;
import dev.backoffice.docs.DispositionReport;
import dev.backoffice.docs.Document;
import dev.backoffice.docs.DocumentClass;
import dev.backoffice.docs.DocumentId;
import dev.backoffice.docs.DocumentStore;
import dev.backoffice.docs.DocumentVersion;
import dev.backoffice.docs.Lifecycle;
import dev.backoffice.docs.NewDocument;
import dev.backoffice.docs.OwnerRef;
import dev.backoffice.docs.TenantArchive;
import dev.backoffice.docs.TenantDocumentStore;
import dev.backoffice.docs.blob.FileSystemBlobStore;
import dev.backoffice.docs.blob.InMemoryBlobStore;
import dev.backoffice.docs.memory.InMemoryDocumentStore;
import dev.backoffice.docs.retention.RetentionPolicy;

import java.io.ByteArrayInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

/**
 * Benchmarks of the document archive (a program, not JMH: each figure is a macro operation).
 *
 * <ol>
 *   <li><b>Ingest</b> of 10 KB and 10 MB documents through {@link Archive} into the file-system
 *       blob store (fsync on), against the raw speed of writing the same bytes to a file,
 *       hashing them with SHA-256 and fsyncing, measured in the same run, in alternating rounds.</li>
 *   <li><b>Disposition</b> over 1,000,000 documents of which 1 % are due: in memory, and on
 *       PostgreSQL when {@code BACKOFFICE_TEST_PG_URL} (with {@code _USER}, {@code _PASSWORD}) is set.</li>
 * </ol>
 *
 * <pre>
 * java -Xmx6g -cp examples/target/backoffice-examples.jar dev.backoffice.examples.bench.docs.DocsBench [--quick] [--no-ingest] [--no-memory] [--no-pg]
 * </pre>
 * writes {@code examples/target/docs-bench.json}.
 */
public final class DocsBench {

    private static final TenantId T = TenantId.of("bench");
    private static final DocumentClass CLASS = DocumentClass.of("invoice");

    private DocsBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        boolean pg = !Arrays.asList(args).contains("--no-pg") && System.getenv("BACKOFFICE_TEST_PG_URL") != null;
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("machine", Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + ", Java "
                + System.getProperty("java.version"));
        boolean ingest = !Arrays.asList(args).contains("--no-ingest");
        boolean memory = !Arrays.asList(args).contains("--no-memory");
        if (ingest) {
            Path dir = Files.createTempDirectory("docs-bench");
            try {
                results.put("ingest_10KB", ingest(dir, 10 * 1024, quick ? 300 : 2000, quick ? 2 : 5));
                results.put("ingest_10MB", ingest(dir, 10 * 1024 * 1024, quick ? 5 : 20, quick ? 2 : 3));
            } finally {
                deleteTree(dir);
            }
        }
        int total = quick ? 100_000 : 1_000_000;
        if (memory) {
            results.put("dispose_memory", disposeInMemory(total));
        }
        if (pg) {
            results.put("dispose_postgresql", disposeOnPostgres(total));
        }
        Path out = Path.of("examples", "target", "docs-bench.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, toJson(results));
        System.out.println(toJson(results));
        System.out.println("results written to " + out.toAbsolutePath());
    }

    // ------------------------------------------------------------------ ingest

    private static Map<String, Object> ingest(Path dir, int size, int count, int rounds) throws IOException {
        Random random = new Random(42);
        byte[][] contents = new byte[Math.min(count, 64)][];
        for (int i = 0; i < contents.length; i++) {
            contents[i] = new byte[size];
            random.nextBytes(contents[i]);
        }
        List<Double> raw = new ArrayList<>();
        List<Double> sdk = new ArrayList<>();
        for (int r = 0; r < rounds + 1; r++) { // round 0 warms up
            // Raw and SDK writes alternate document by document, so both see the same disk state.
            Path rawDir = Files.createDirectories(dir.resolve("raw-" + size + "-" + r));
            Archive archive = Archive.builder().store(InMemoryDocumentStore.create())
                    .blobs(FileSystemBlobStore.create(dir.resolve("blobs-" + size + "-" + r)))
                    .audit(InMemoryAuditStore.create(Clock.systemUTC())).maxContentBytes(64L << 20).build();
            TenantArchive a = archive.forTenant(T);
            a.setPolicy(RetentionPolicy.builder(CLASS).years(5).compliance().source("bench").build(), "bench");
            long rawNanos = 0;
            long sdkNanos = 0;
            for (int i = 0; i < count; i++) {
                byte[] c = contents[i % contents.length];
                c[0] = (byte) i; // every document distinct, as in a real archive
                c[1] = (byte) (i >> 8);
                c[2] = (byte) r;
                long t0 = System.nanoTime();
                rawWrite(rawDir.resolve("f" + i), c);
                long t1 = System.nanoTime();
                c[3] = 1; // different bytes from the raw copy
                a.ingest(NewDocument.builder(CLASS, "doc " + i).mediaType("application/pdf").owner(OwnerRef.invoice("I" + i)).build(),
                        new ByteArrayInputStream(c));
                long t2 = System.nanoTime();
                c[3] = 0;
                rawNanos += t1 - t0;
                sdkNanos += t2 - t1;
            }
            if (r > 0) {
                raw.add(count / (rawNanos / 1e9));
                sdk.add(count / (sdkNanos / 1e9));
            }
            deleteTree(rawDir);
            deleteTree(dir.resolve("blobs-" + size + "-" + r));
        }
        double rawMedian = median(raw);
        double sdkMedian = median(sdk);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("documents_per_round", count);
        m.put("rounds", rounds);
        m.put("raw_docs_per_s", round(rawMedian));
        m.put("sdk_docs_per_s", round(sdkMedian));
        m.put("raw_MB_per_s", round(rawMedian * size / 1e6));
        m.put("sdk_MB_per_s", round(sdkMedian * size / 1e6));
        m.put("sdk_vs_raw", round(sdkMedian / rawMedian));
        System.out.printf(Locale.ROOT, "ingest %d B: raw %.0f docs/s, sdk %.0f docs/s, ratio %.2f%n", size, rawMedian, sdkMedian, sdkMedian / rawMedian);
        return m;
    }

    /** The raw baseline: write, hash with SHA-256, fsync, close. */
    private static void rawWrite(Path file, byte[] content) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (FileOutputStream out = new FileOutputStream(file.toFile())) {
            int chunk = 256 * 1024;
            for (int off = 0; off < content.length; off += chunk) {
                int n = Math.min(chunk, content.length - off);
                sha.update(content, off, n);
                out.write(content, off, n);
            }
            out.getFD().sync();
        }
        if (sha.digest().length != 32) {
            throw new IllegalStateException();
        }
    }

    // ------------------------------------------------------------------ disposition

    private static Map<String, Object> disposeInMemory(int total) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
        InMemoryDocumentStore store = InMemoryDocumentStore.create();
        return dispose("memory", store, InMemoryAuditStore.create(clock), clock, total, null);
    }

    private static Map<String, Object> disposeOnPostgres(int total) throws Exception {
        String base = System.getenv("BACKOFFICE_TEST_PG_URL");
        String user = System.getenv("BACKOFFICE_TEST_PG_USER");
        String password = System.getenv("BACKOFFICE_TEST_PG_PASSWORD");
        String schema = "docs_bench";
        try (Connection c = java.sql.DriverManager.getConnection(base, user, password); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            st.execute("CREATE SCHEMA " + schema);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema + "&reWriteBatchedInserts=true");
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        try (HikariDataSource ds = new HikariDataSource(config)) {
            Jdbc jdbc = Jdbc.of(ds);
            Clock clock = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
            DocumentStore store = dev.backoffice.docs.jdbc.JdbcDocumentStore.create(jdbc);
            return dispose("postgresql", store, JdbcAuditStore.create(jdbc, clock), clock, total, jdbc);
        } finally {
            try (Connection c = java.sql.DriverManager.getConnection(base, user, password); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static Map<String, Object> dispose(String name, DocumentStore store, AuditStore audit, Clock clock, int total, Jdbc jdbc)
            throws Exception {
        Archive archive = Archive.builder().store(store).blobs(InMemoryBlobStore.create()).audit(audit).clock(clock).build();
        TenantArchive a = archive.forTenant(T);
        a.setPolicy(RetentionPolicy.builder(CLASS).years(5).source("bench").build(), "bench");
        TenantDocumentStore ts = store.forTenant(T);
        long s0 = System.nanoTime();
        int batch = 10_000;
        List<Document> docs = new ArrayList<>(batch);
        for (int i = 0; i < total; i++) {
            docs.add(document(i));
            if (docs.size() == batch || i == total - 1) {
                List<Document> b = List.copyOf(docs);
                ts.write(tx -> {
                    tx.insertAll(b);
                    return null;
                });
                docs.clear();
            }
        }
        double seedSecs = (System.nanoTime() - s0) / 1e9;
        String plan = "";
        if (jdbc != null) {
            jdbc.inTransactionRun(c -> c.createStatement().execute("ANALYZE"));
            StringBuilder sb = new StringBuilder();
            jdbc.inTransactionRun(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("EXPLAIN SELECT id FROM docs_document d WHERE d.tenant_id = 'bench' "
                        + "AND d.lifecycle = 'ACTIVE' AND d.retain_until < DATE '2026-06-01' ORDER BY d.retain_until, d.id LIMIT 500")) {
                    while (rs.next()) {
                        sb.append(rs.getString(1)).append('\n');
                    }
                }
            });
            plan = sb.toString();
            System.out.println(plan);
        }
        System.out.printf(Locale.ROOT, "%s: seeded %d documents in %.1f s%n", name, total, seedSecs);
        long t0 = System.nanoTime();
        DispositionReport r = a.dispose(LocalDate.of(2026, 6, 1), "bench");
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%s: disposed %d of %d in %.2f s%n", name, r.disposed().size(), total, secs);
        if (r.disposed().size() != total / 100) {
            throw new IllegalStateException("expected " + total / 100 + " disposals, got " + r.disposed().size());
        }
        if (!audit.forTenant(T).verify().intact()) {
            throw new IllegalStateException("audit chain broken");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("documents", total);
        m.put("due", total / 100);
        m.put("disposed", r.disposed().size());
        m.put("seconds", round(secs));
        m.put("disposals_per_s", round(r.disposed().size() / secs));
        m.put("seed_seconds", round(seedSecs));
        if (!plan.isEmpty()) {
            m.put("due_query_plan", plan.strip());
        }
        return m;
    }

    /** Document i: one in 100 has a retention that ended before the run date. */
    private static Document document(int i) {
        Instant created = Instant.parse("2015-01-01T00:00:00Z").plusSeconds(i * 97L);
        LocalDate until = i % 100 == 0 ? LocalDate.of(2021, 1, 1).plusDays(i % 1500) : LocalDate.of(2027, 1, 1).plusDays(i % 3000);
        String hex = HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(32).putLong(i).putLong(0x5eedL).array());
        DocumentVersion v = new DocumentVersion(1, ContentHash.of(hex), 10_240, "application/pdf", Optional.empty(), created, "bench");
        return new Document(DocumentId.newId(), CLASS, "invoice " + i, "application/pdf", List.of(OwnerRef.invoice("I" + i)),
                new TreeMap<>(), created, List.of(v), Lifecycle.ACTIVE, Optional.of(until.minusYears(5)), Optional.of(until), Optional.empty());
    }

    // ------------------------------------------------------------------ helpers

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(Double::compare);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }

    private static String toJson(Object o) throws IOException {
        return dev.backoffice.core.json.BackofficeJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(o);
    }
}

package dev.backoffice.examples.bench.move;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.jdbc.TenantFence;
import dev.backoffice.core.store.move.MoveReport;
import dev.backoffice.core.store.move.MoveStep;
import dev.backoffice.core.store.move.TenantMove;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.docs.ContentHash;
import dev.backoffice.docs.Document;
import dev.backoffice.docs.DocumentClass;
import dev.backoffice.docs.DocumentId;
import dev.backoffice.docs.DocumentVersion;
import dev.backoffice.docs.Lifecycle;
import dev.backoffice.docs.OwnerRef;
import dev.backoffice.docs.TenantDocumentStore;
import dev.backoffice.docs.jdbc.JdbcDocumentStore;
import dev.backoffice.ledger.AccountType;
import dev.backoffice.ledger.EntryRequest;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.OpenAccount;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.ledger.jdbc.JdbcLedgerStore;
import dev.backoffice.orders.jdbc.JdbcOrderStore;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Moves one tenant with many ledger entries and documents' metadata between two PostgreSQL
 * databases with {@link TenantMove} and reports how long it took and how long the tenant's
 * writes were fenced (issue #20's targets: 1,000,000 entries and 100,000 documents in under
 * 60 s, fenced under 5 s); and measures what the fence check costs a write (one posting per
 * transaction, one caller, over a plain and over a moveable data source).
 *
 * <pre>
 * java -Xmx6g -cp examples/target/backoffice-examples.jar dev.backoffice.examples.bench.move.MoveBench \
 *     [--entries=1000000] [--documents=100000] [--fence-posts=3000] [--writers=0] [--out=examples/target/move-bench.json]
 * </pre>
 * {@code --writers=N}: N threads post to the moved tenant and N to another tenant of the source
 * during the whole move (one posting per transaction: new entries and movements, updated account
 * balances); the moved tenant's writers retry {@code storage.tenant_moving} and follow the tenant
 * to the target on {@code storage.tenant_moved}. Reported: their postings, retries and the
 * longest wait between two postings of the moved tenant. {@code --fence-posts=0} skips the fence
 * cost measurement.
 * PostgreSQL from {@code BACKOFFICE_TEST_PG_URL}, {@code _USER}, {@code _PASSWORD}: two databases
 * are created on that server and dropped afterwards.
 */
public final class MoveBench {

    private static final TenantId T = TenantId.of("bench-move");
    private static final CurrencyUnit EUR = CurrencyUnit.EUR;

    private MoveBench() {
    }

    public static void main(String[] args) throws Exception {
        int entries = intArg(args, "--entries=", 1_000_000);
        int documents = intArg(args, "--documents=", 100_000);
        int fencePosts = intArg(args, "--fence-posts=", 3000);
        int writers = intArg(args, "--writers=", 0);
        Path out = Path.of(strArg(args, "--out=", "examples/target/move-bench.json"));
        String url = System.getenv("BACKOFFICE_TEST_PG_URL");
        String user = System.getenv("BACKOFFICE_TEST_PG_USER");
        String password = System.getenv("BACKOFFICE_TEST_PG_PASSWORD");
        if (url == null) {
            System.out.println("move bench skipped: BACKOFFICE_TEST_PG_URL is not set");
            Files.createDirectories(out.getParent());
            Files.writeString(out, "{\"skipped\": \"BACKOFFICE_TEST_PG_URL not set\"}\n");
            return;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        try (HikariDataSource src = database(url, user, password, "move_bench_src");
             HikariDataSource dst = database(url, user, password, "move_bench_dst")) {
            if (fencePosts > 0) {
                result.put("fence_cost", fenceCost(src, fencePosts));
            }
            Map<String, List<String>> modules = new LinkedHashMap<>();
            modules.put("core", JdbcAuditStore.SCHEMA);
            modules.put("orders", JdbcOrderStore.SCHEMA);
            modules.put("ledger", JdbcLedgerStore.SCRIPTS);
            modules.put("docs", JdbcDocumentStore.SCHEMA);
            long s0 = System.nanoTime();
            seedLedger(src, entries);
            double ledgerSecs = (System.nanoTime() - s0) / 1e9;
            long s1 = System.nanoTime();
            seedDocuments(src, documents);
            double docsSecs = (System.nanoTime() - s1) / 1e9;
            System.out.printf(Locale.ROOT, "seeded %d entries in %.1f s, %d documents in %.1f s%n", entries, ledgerSecs, documents, docsSecs);
            JdbcAuditStore.create(Jdbc.of(dst), java.time.Clock.systemUTC()); // the target has its schemas, as a live target would
            JdbcLedgerStore.builder(Jdbc.of(dst)).build().close();
            JdbcDocumentStore.create(Jdbc.of(dst));
            Writers load = writers > 0 ? Writers.start(src, dst, writers) : null;
            Path work = Files.createTempDirectory("move-bench");
            Map<String, Double> at = new LinkedHashMap<>();
            long t0 = System.nanoTime();
            MoveReport r = TenantMove.of(T).from("src", TenantFence.moveable(src)).to("dst", TenantFence.moveable(dst)).modules(modules)
                    .onStep(step -> at.put(step.name(), (System.nanoTime() - t0) / 1e9)).run();
            Map<String, Object> load2 = load == null ? null : load.stop();
            if (!r.complete() || r.reached() != MoveStep.MOVED) {
                throw new IllegalStateException("move did not finish: " + r);
            }
            Files.deleteIfExists(work);
            long rows = r.rows().values().stream().mapToLong(Long::longValue).sum();
            Map<String, Double> steps = new LinkedHashMap<>();
            r.steps().forEach((k, v) -> steps.put(k.name(), v.toNanos() / 1e9));
            System.out.printf(Locale.ROOT, "moved %s: %d ledger entries, %d ledger movements, %d documents (%d rows) in %.1f s (%.0f rows/s), "
                    + "writes fenced %.2f s, delta %d rows; steps (s): %s%n", T, r.rows().get("ledger_entry"), r.rows().get("ledger_movement"),
                    r.rows().get("docs_document"), rows, r.total().toNanos() / 1e9, rows / (r.total().toNanos() / 1e9),
                    r.fenced().toNanos() / 1e9, r.delta(), steps);
            if (load2 != null) {
                System.out.println("concurrent writers: " + load2);
                result.put("writers", load2);
            }
            result.put("entries", entries);
            result.put("documents", documents);
            result.put("seed_ledger_s", ledgerSecs);
            result.put("seed_documents_s", docsSecs);
            result.put("rows", new TreeMap<>(r.rows()));
            result.put("rows_total", rows);
            result.put("move_s", r.total().toNanos() / 1e9);
            result.put("rows_per_s", rows / (r.total().toNanos() / 1e9));
            result.put("fenced_s", r.fenced().toNanos() / 1e9);
            result.put("delta_rows", r.delta());
            result.put("steps_s", steps);
            result.put("step_done_at_s", at);
            result.put("target_move_s", 60);
            result.put("target_fenced_s", 5);
        } finally {
            drop(url, user, password, "move_bench_src");
            drop(url, user, password, "move_bench_dst");
        }
        Files.createDirectories(out.getParent());
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), result);
        System.out.println("written " + out);
    }

    /** Writers of the moved tenant and of another tenant running during the move. */
    private static final class Writers {
        private static final TenantId OTHER = TenantId.of("bench-other");
        private final java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        private final AtomicInteger movedPosts = new AtomicInteger();
        private final AtomicInteger otherPosts = new AtomicInteger();
        private final AtomicInteger retried = new AtomicInteger();
        private final java.util.concurrent.atomic.AtomicLong longestWaitNanos = new java.util.concurrent.atomic.AtomicLong();
        private final List<JdbcLedgerStore> stores = new ArrayList<>();
        private final ExecutorService pool;
        private final List<Future<?>> running = new ArrayList<>();
        private final long started = System.nanoTime();

        private Writers(int n) {
            this.pool = Executors.newFixedThreadPool(2 * n);
        }

        static Writers start(DataSource src, DataSource dst, int n) {
            Writers w = new Writers(n);
            JdbcLedgerStore onSrc = JdbcLedgerStore.builder(Jdbc.of(TenantFence.moveable(src))).build();
            JdbcLedgerStore onDst = JdbcLedgerStore.builder(Jdbc.of(TenantFence.moveable(dst))).build();
            w.stores.add(onSrc);
            w.stores.add(onDst);
            Ledger srcLedger = Ledger.builder().store(onSrc).build();
            Ledger dstLedger = Ledger.builder().store(onDst).build();
            srcLedger.forTenant(OTHER).openAll(List.of(OpenAccount.of("1000", "Cash", AccountType.ASSET, EUR),
                    OpenAccount.of("4000", "Sales", AccountType.INCOME, EUR)));
            for (int i = 0; i < n; i++) {
                int id = i;
                w.running.add(w.pool.submit(() -> w.moved(srcLedger.forTenant(T), dstLedger.forTenant(T), id)));
                w.running.add(w.pool.submit(() -> w.other(srcLedger.forTenant(OTHER), id)));
            }
            return w;
        }

        private Void moved(TenantLedger onSrc, TenantLedger onDst, int id) throws InterruptedException {
            TenantLedger books = onSrc;
            long last = System.nanoTime();
            for (int k = 0; !stop.get(); ) {
                try {
                    books.post(EntryRequest.builder(LocalDate.of(2026, 6, 1), "w" + id + "-" + k).idempotencyKey("w" + id + "-" + k)
                            .debit("1000", Money.ofMinor(EUR, 100)).credit("4000", Money.ofMinor(EUR, 100)).build());
                    k++;
                    movedPosts.incrementAndGet();
                    long now = System.nanoTime();
                    longestWaitNanos.accumulateAndGet(now - last, Math::max);
                    last = now;
                } catch (dev.backoffice.core.error.BackofficeException e) {
                    if (e.code().equals("storage.tenant_moved")) {
                        books = onDst; // the tenant's new home
                    } else if (!e.code().equals("storage.tenant_moving")) {
                        throw e;
                    }
                    retried.incrementAndGet();
                    Thread.sleep(1);
                }
            }
            return null;
        }

        private Void other(TenantLedger books, int id) {
            for (int k = 0; !stop.get(); k++) {
                books.post(EntryRequest.builder(LocalDate.of(2026, 6, 1), "o" + id + "-" + k).idempotencyKey("o" + id + "-" + k)
                        .debit("1000", Money.ofMinor(EUR, 100)).credit("4000", Money.ofMinor(EUR, 100)).build());
                otherPosts.incrementAndGet();
            }
            return null;
        }

        Map<String, Object> stop() throws Exception {
            Thread.sleep(2000); // the moved tenant's writers find its new home and write there
            stop.set(true);
            for (Future<?> f : running) {
                f.get();
            }
            pool.shutdown();
            stores.forEach(JdbcLedgerStore::close);
            double secs = (System.nanoTime() - started) / 1e9;
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("threads_per_tenant", running.size() / 2);
            out.put("moved_tenant_postings", movedPosts.get());
            out.put("moved_tenant_postings_per_s", movedPosts.get() / secs);
            out.put("moved_tenant_fence_retries", retried.get());
            out.put("moved_tenant_longest_wait_s", longestWaitNanos.get() / 1e9);
            out.put("other_tenant_postings", otherPosts.get());
            out.put("other_tenant_postings_per_s", otherPosts.get() / secs);
            return out;
        }
    }

    /** Postings per second, one per transaction, one caller: over the plain data source and over a moveable one. */
    private static Map<String, Object> fenceCost(DataSource db, int posts) {
        Map<String, Object> out = new LinkedHashMap<>();
        TenantId tenant = TenantId.of("bench-fence");
        DataSource moveable = TenantFence.moveable(db);
        double[] plain = new double[3];
        double[] fenced = new double[3];
        try (JdbcLedgerStore p = JdbcLedgerStore.builder(Jdbc.of(db)).groupCommit(false).build();
             JdbcLedgerStore f = JdbcLedgerStore.builder(Jdbc.of(moveable)).groupCommit(false).build()) {
            TenantLedger overPlain = Ledger.builder().store(p).build().forTenant(tenant);
            TenantLedger overFence = Ledger.builder().store(f).build().forTenant(tenant);
            overPlain.openAll(List.of(OpenAccount.of("1000", "Cash", AccountType.ASSET, EUR), OpenAccount.of("4000", "Sales", AccountType.INCOME, EUR)));
            int n = 0;
            post(overPlain, 500, n);
            n += 500;
            post(overFence, 500, n);
            n += 500; // warm-up of both
            for (int round = 0; round < 3; round++) {
                plain[round] = post(overPlain, posts, n);
                n += posts;
                fenced[round] = post(overFence, posts, n);
                n += posts;
            }
        }
        double p = median(plain);
        double f = median(fenced);
        System.out.printf(Locale.ROOT, "fence cost: %.0f postings/s plain, %.0f over a moveable data source (%.1f%%); one caller, "
                + "one posting per transaction%n", p, f, (f / p - 1) * 100);
        out.put("posts_per_round", posts);
        out.put("plain_per_s", p);
        out.put("moveable_per_s", f);
        out.put("plain_rounds", plain);
        out.put("moveable_rounds", fenced);
        return out;
    }

    private static double post(TenantLedger books, int count, int from) {
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int k = from + i;
            books.post(EntryRequest.builder(LocalDate.of(2026, 3, 2), "f" + k).idempotencyKey("f" + k)
                    .debit("1000", Money.ofMinor(EUR, 100)).credit("4000", Money.ofMinor(EUR, 100)).build());
        }
        return count / ((System.nanoTime() - t0) / 1e9);
    }

    private static void seedLedger(DataSource db, int entries) throws Exception {
        try (JdbcLedgerStore store = JdbcLedgerStore.builder(Jdbc.of(db)).build()) {
            TenantLedger books = Ledger.builder().store(store).build().forTenant(T);
            books.openAll(List.of(OpenAccount.of("1000", "Cash", AccountType.ASSET, EUR), OpenAccount.of("1100", "Bank", AccountType.ASSET, EUR),
                    OpenAccount.of("4000", "Sales", AccountType.INCOME, EUR), OpenAccount.of("5000", "Costs", AccountType.EXPENSE, EUR)));
            int batch = 500;
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> fs = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                fs.add(pool.submit(() -> {
                    int start;
                    while ((start = next.getAndAdd(batch)) < entries) {
                        List<EntryRequest> requests = new ArrayList<>(batch);
                        for (int i = start; i < Math.min(entries, start + batch); i++) {
                            boolean sale = i % 2 == 0;
                            requests.add(EntryRequest.builder(LocalDate.of(2026, 1, 1).plusDays(i % 300), "entry " + i).idempotencyKey("e" + i)
                                    .debit(sale ? "1000" : "5000", Money.ofMinor(EUR, 100 + i % 9000))
                                    .credit(sale ? "4000" : "1100", Money.ofMinor(EUR, 100 + i % 9000)).build());
                        }
                        books.postAll(requests);
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
            pool.shutdown();
        }
    }

    private static void seedDocuments(DataSource db, int documents) {
        TenantDocumentStore ts = JdbcDocumentStore.create(Jdbc.of(db)).forTenant(T);
        DocumentClass cls = DocumentClass.of("invoice");
        int batch = 5_000;
        List<Document> docs = new ArrayList<>(batch);
        for (int i = 0; i < documents; i++) {
            Instant created = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i * 97L);
            String hex = HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(32).putLong(i).putLong(0x5eedL).array());
            DocumentVersion v = new DocumentVersion(1, ContentHash.of(hex), 10_240, "application/pdf", Optional.empty(), created, "bench");
            LocalDate until = LocalDate.of(2034, 1, 1).plusDays(i % 3000);
            docs.add(new Document(DocumentId.newId(), cls, "invoice " + i, "application/pdf", List.of(OwnerRef.invoice("I" + i)),
                    new TreeMap<>(), created, List.of(v), Lifecycle.ACTIVE, Optional.of(until.minusYears(10)), Optional.of(until), Optional.empty()));
            if (docs.size() == batch || i == documents - 1) {
                List<Document> b = List.copyOf(docs);
                ts.write(tx -> {
                    tx.insertAll(b);
                    return null;
                });
                docs.clear();
            }
        }
    }

    private static HikariDataSource database(String url, String user, String password, String name) throws Exception {
        drop(url, user, password, name);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        String base = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(base.substring(0, base.lastIndexOf('/') + 1) + name + "?reWriteBatchedInserts=true");
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        return new HikariDataSource(config);
    }

    private static void drop(String url, String user, String password, String name) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }

    private static int intArg(String[] args, String prefix, int dflt) {
        return Integer.parseInt(strArg(args, prefix, Integer.toString(dflt)).replace("_", ""));
    }

    private static String strArg(String[] args, String prefix, String dflt) {
        for (String a : args) {
            if (a.startsWith(prefix)) {
                return a.substring(prefix.length());
            }
        }
        return dflt;
    }
}

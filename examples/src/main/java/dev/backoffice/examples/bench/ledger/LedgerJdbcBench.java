package dev.backoffice.examples.bench.ledger;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.backoffice.examples.bench.BenchDatabase;
import dev.backoffice.examples.bench.BenchOptions;
import dev.backoffice.examples.bench.ClosedLoop;
import dev.backoffice.core.jdbc.EmbeddedDatabase;
import dev.backoffice.core.json.BackofficeJson;
import dev.backoffice.examples.bench.ledger.LedgerJdbcBenchHarness.Result;
import dev.backoffice.examples.bench.ledger.LedgerJdbcBenchHarness.Scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ledger's JDBC benchmark: the SDK's {@code JdbcLedgerStore} against a textbook SQL ledger
 * ({@link TextbookBaseline}), on PostgreSQL and on embedded H2, in one run.
 *
 * <pre>
 * java -cp examples/target/backoffice-examples.jar dev.backoffice.examples.bench.ledger.LedgerJdbcBench \
 *      [--db=pg,h2] [--targets=sdk,textbook] [--seconds=8] [--warmup=3] [--callers=64] [--accounts=10000] \
 *      [--batch-callers=2] [--batch-size=1000] [--pool=16] [--out=examples/target/ledger-jdbc-bench.json] \
 *      [--pg-url=jdbc:postgresql://localhost:5432/backoffice_test] [--pg-user=backoffice] [--pg-password=backoffice]
 * </pre>
 * The PostgreSQL connection may also come from {@code BACKOFFICE_BENCH_PG_URL},
 * {@code _USER}, {@code _PASSWORD} (or the test variables {@code BACKOFFICE_TEST_PG_*}). Each
 * target gets a fresh schema (dropped afterwards) and a fresh H2 file; the server's
 * configuration is not touched.
 */
public final class LedgerJdbcBench {

    private LedgerJdbcBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = BenchOptions.parse(args);
        List<String> dbs = List.of(o.getOrDefault("db", "pg,h2").split(","));
        List<String> targets = List.of(o.getOrDefault("targets", "sdk,textbook").split(","));
        List<Scenario> scenarios = new ArrayList<>();
        for (String s : o.getOrDefault("scenarios", "random,hot,batch").split(",")) {
            scenarios.add(Scenario.valueOf(s.toUpperCase(Locale.ROOT)));
        }
        double seconds = Double.parseDouble(o.getOrDefault("seconds", "8"));
        double warmup = Double.parseDouble(o.getOrDefault("warmup", "3"));
        int callers = Integer.parseInt(o.getOrDefault("callers", "64"));
        int accounts = Integer.parseInt(o.getOrDefault("accounts", "10000"));
        int batchCallers = Integer.parseInt(o.getOrDefault("batch-callers", "2"));
        int batchSize = Integer.parseInt(o.getOrDefault("batch-size", "1000"));
        int pool = Integer.parseInt(o.getOrDefault("pool", "16"));
        // the embedded store's own settings (EmbeddedDatabase.file): a commit is on disk when it returns
        String h2Options = o.getOrDefault("h2-options", ";WRITE_DELAY=0");
        Path out = Path.of(o.getOrDefault("out", "examples/target/ledger-jdbc-bench.json"));
        String pgUrl = o.getOrDefault("pg-url", BenchOptions.pg("URL", "jdbc:postgresql://localhost:5432/backoffice_test"));
        String pgUser = o.getOrDefault("pg-user", BenchOptions.pg("USER", "backoffice"));
        String pgPassword = o.getOrDefault("pg-password", BenchOptions.pg("PASSWORD", "backoffice"));

        List<Result> results = new ArrayList<>();
        for (String db : dbs) {
            for (String targetName : targets) {
                try (BenchDatabase database = db.equals("pg") ? BenchDatabase.postgres(pgUrl, pgUser, pgPassword, pool, "ledger-bench")
                        : BenchDatabase.h2("ledger", pool, h2Options, "ledger-bench");
                     LedgerJdbcBenchTarget target = target(targetName, database)) {
                    System.out.printf(Locale.ROOT, "[%s/%s] creating %,d accounts%n", db, targetName, accounts + 1);
                    target.setUp(accounts);
                    for (Scenario scenario : scenarios) {
                        int n = scenario == Scenario.BATCH ? batchCallers : callers;
                        Result r = LedgerJdbcBenchHarness.run(db, target, scenario, n, accounts, batchSize, warmup, seconds);
                        results.add(r);
                        System.out.printf(Locale.ROOT, "[%s/%s] %-6s %,10.0f entries/s  p50 %,9.0f us  p99 %,9.0f us  errors %d%s%n",
                                db, targetName, scenario, r.entriesPerSecond(), r.p50Micros(), r.p99Micros(), r.errors(),
                                r.firstError() == null ? "" : " first: " + r.firstError());
                    }
                    long stored = target.verify();
                    System.out.printf(Locale.ROOT, "[%s/%s] verified: %,d entries, every balance equals its postings%n",
                            db, targetName, stored);
                }
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", "ledger-jdbc");
        report.put("finishedAt", Instant.now().toString());
        report.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "os", System.getProperty("os.name") + " " + System.getProperty("os.version"),
                "java", System.getProperty("java.version")));
        report.put("settings", Map.of("seconds", seconds, "warmupSeconds", warmup, "callers", callers,
                "accounts", accounts, "batchCallers", batchCallers, "batchSize", batchSize, "pool", pool));
        report.put("results", results);
        report.put("ratios", ratios(results));
        Files.createDirectories(out.toAbsolutePath().getParent());
        BackofficeJson.newMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), report);
        System.out.println();
        System.out.println(table(results));
        System.out.println("results written to " + out.toAbsolutePath());
    }

    private static LedgerJdbcBenchTarget target(String name, BenchDatabase db) {
        return switch (name) {
            case "textbook" -> new TextbookBaseline(db.dataSource(), db.dialect());
            case "sdk" -> LedgerJdbcBenchSdkTarget.create(db.dataSource());
            default -> throw new IllegalArgumentException("unknown target " + name + " (sdk, textbook)");
        };
    }

    /** sdk / textbook throughput per database and scenario. */
    private static Map<String, Double> ratios(List<Result> results) {
        Map<String, Double> ratios = new LinkedHashMap<>();
        for (Result sdk : results) {
            if (!sdk.target().equals("sdk")) {
                continue;
            }
            for (Result tb : results) {
                if (tb.target().equals("textbook") && tb.database().equals(sdk.database()) && tb.scenario() == sdk.scenario()
                        && tb.entriesPerSecond() > 0) {
                    ratios.put(sdk.database() + "/" + sdk.scenario().name().toLowerCase(Locale.ROOT),
                            Math.round(sdk.entriesPerSecond() / tb.entriesPerSecond() * 10) / 10.0);
                }
            }
        }
        return ratios;
    }

    /** The results as the README's markdown table. */
    static String table(List<Result> results) {
        Map<String, Double> ratios = ratios(results);
        StringBuilder sb = new StringBuilder();
        sb.append("| database | scenario | store | entries/s | p50 per call | p99 per call | sdk ÷ textbook |\n");
        sb.append("| --- | --- | --- | ---: | ---: | ---: | ---: |\n");
        for (Result r : results) {
            Double ratio = r.target().equals("sdk") ? ratios.get(r.database() + "/" + r.scenario().name().toLowerCase(Locale.ROOT)) : null;
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %,.0f | %s | %s | %s |%n",
                    r.database().equals("pg") ? "PostgreSQL" : "H2 (file)", r.scenario().title, r.target(),
                    r.entriesPerSecond(), ClosedLoop.micros(r.p50Micros()), ClosedLoop.micros(r.p99Micros()),
                    ratio == null ? "" : ratio + "x"));
        }
        return sb.toString();
    }
}

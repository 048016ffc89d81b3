package dev.backoffice.examples.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backoffice.core.json.BackofficeJson;
import dev.backoffice.examples.bench.docs.DocsBench;
import dev.backoffice.examples.bench.invoicing.InvoicingBench;
import dev.backoffice.examples.bench.ledger.LedgerJdbcBench;
import dev.backoffice.examples.bench.payroll.PayrollBenchmark;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The whole benchmark suite from one command, writing one machine-readable file that the
 * README's performance table is built from.
 *
 * <pre>
 * java -jar examples/target/backoffice-examples.jar bench [part...] [--quick]
 * </pre>
 * Parts: {@code jmh} (kernel, state machines against Spring Statemachine, squirrel and COLA,
 * in-memory ledger), {@code ledger-jdbc} (the JDBC ledger against a textbook SQL ledger, on
 * PostgreSQL and H2), {@code payroll} (100,000 employees in memory and on PostgreSQL),
 * {@code docs} (ingest against raw write+hash, disposition of 1,000,000 documents), {@code invoicing}
 * (64 callers issuing into one series with their journal entries, against a textbook issuer). No part
 * named: all of them. PostgreSQL comes from {@code BACKOFFICE_TEST_PG_URL}, {@code _USER} and
 * {@code _PASSWORD} (the parts that need it say so and skip it when unset).
 *
 * <p>Writes {@code benchmarks/results.json}: {@code {"generatedAt", "machine", "parts": {part:
 * its own JSON}}} (JMH results keyed by benchmark name), merged into the existing file so parts
 * can be rerun one at a time.
 */
public final class Benchmarks {

    private static final Path RESULTS = Path.of("benchmarks", "results.json");
    private static final List<String> PARTS = List.of("jmh", "ledger-jdbc", "payroll", "docs", "invoicing", "inventory", "move");

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        List<String> parts = new ArrayList<>();
        String jmhInclude = ".*Bench.*";
        for (String arg : args) {
            if (arg.equals("--quick")) {
                continue;
            }
            if (PARTS.contains(arg)) {
                parts.add(arg);
            } else {
                jmhInclude = arg; // a JMH regex, e.g. StateMachineBench
                if (!parts.contains("jmh")) {
                    parts.add("jmh");
                }
            }
        }
        if (parts.isEmpty()) {
            parts.addAll(PARTS);
        }
        ObjectMapper json = BackofficeJson.mapper();
        Files.createDirectories(RESULTS.getParent());
        ObjectNode results = Files.exists(RESULTS) ? (ObjectNode) json.readTree(RESULTS.toFile()) : json.createObjectNode();
        results.put("generatedAt", Instant.now().toString());
        results.put("machine", Runtime.getRuntime().availableProcessors() + " cores, "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MiB max heap, " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version"));
        ObjectNode partsNode = results.has("parts") ? (ObjectNode) results.get("parts") : results.putObject("parts");
        for (String part : parts) {
            System.out.println("== benchmark part: " + part);
            JsonNode result = run(part, jmhInclude, quick, json);
            if (part.equals("jmh")) {
                // JMH results are merged benchmark by benchmark, so one class can be rerun alone.
                ObjectNode byName = partsNode.has("jmh") && partsNode.get("jmh").isObject()
                        ? (ObjectNode) partsNode.get("jmh") : partsNode.putObject("jmh");
                result.forEach(r -> byName.set(r.get("benchmark").asText(), r));
            } else {
                partsNode.set(part, result);
            }
            json.writerWithDefaultPrettyPrinter().writeValue(RESULTS.toFile(), results); // keep what is done
        }
        System.out.println("results written to " + RESULTS.toAbsolutePath());
    }

    private static JsonNode run(String part, String jmhInclude, boolean quick, ObjectMapper json) throws Exception {
        switch (part) {
            case "jmh" -> {
                Path out = Path.of("benchmarks", "jmh-results.json");
                ChainedOptionsBuilder options = new OptionsBuilder().include(jmhInclude)
                        .resultFormat(ResultFormatType.JSON).result(out.toString());
                if (quick) {
                    options.warmupIterations(1).warmupTime(TimeValue.seconds(1))
                            .measurementIterations(2).measurementTime(TimeValue.seconds(1)).forks(1);
                }
                new Runner(options.build()).run();
                return json.readTree(out.toFile());
            }
            case "ledger-jdbc" -> {
                Path out = Path.of("examples", "target", "ledger-jdbc-bench.json");
                List<String> a = new ArrayList<>(List.of("--out=" + out));
                if (quick) {
                    a.addAll(List.of("--seconds=2", "--warmup=1"));
                }
                LedgerJdbcBench.main(a.toArray(String[]::new));
                return json.readTree(out.toFile());
            }
            case "payroll" -> {
                PayrollBenchmark.main(quick ? new String[]{"10000"} : new String[0]);
                return json.readTree(Path.of("examples", "target", "bench", "payroll.json").toFile());
            }
            case "docs" -> {
                DocsBench.main(quick ? new String[]{"--quick"} : new String[0]);
                return json.readTree(Path.of("examples", "target", "docs-bench.json").toFile());
            }
            case "invoicing" -> {
                Path out = Path.of("examples", "target", "invoicing-bench.json");
                InvoicingBench.main(quick ? new String[]{"--out=" + out, "--seconds=2", "--warmup=1"} : new String[]{"--out=" + out});
                return json.readTree(out.toFile());
            }
            case "inventory" -> {
                dev.backoffice.examples.bench.inventory.InventoryBench.main(quick ? new String[]{"--items=10000", "--stock=5000"} : new String[0]);
                return json.readTree(Path.of("examples", "target", "inventory-bench.json").toFile());
            }
            case "move" -> {
                dev.backoffice.examples.bench.move.MoveBench.main(quick ? new String[]{"--entries=50000", "--documents=5000"} : new String[0]);
                return json.readTree(Path.of("examples", "target", "move-bench.json").toFile());
            }
            default -> throw new IllegalArgumentException("unknown benchmark part " + part + "; known: " + PARTS);
        }
    }
}

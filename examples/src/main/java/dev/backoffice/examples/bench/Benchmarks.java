package dev.backoffice.examples.bench;

import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the JMH benchmarks and writes their results as JSON.
 *
 * <pre>
 * java -jar examples/target/backoffice-examples.jar bench [regex] [--quick]
 * </pre>
 * writes {@code benchmarks/jmh-results.json}. {@code regex} selects benchmarks (default: all);
 * {@code --quick} shortens warm-up and measurement for a smoke run.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws RunnerException, java.io.IOException {
        String include = ".*Bench.*";
        boolean quick = false;
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else {
                include = arg;
            }
        }
        Path out = Path.of("benchmarks", "jmh-results.json");
        Files.createDirectories(out.getParent());
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(include)
                .resultFormat(ResultFormatType.JSON)
                .result(out.toString());
        if (quick) {
            options.warmupIterations(1).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(2).measurementTime(TimeValue.seconds(1)).forks(1);
        }
        new Runner(options.build()).run();
        System.out.println("results written to " + out.toAbsolutePath());
    }
}

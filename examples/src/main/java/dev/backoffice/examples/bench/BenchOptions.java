package dev.backoffice.examples.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The command line and environment of the benchmark programs, read the same way by each. */
public final class BenchOptions {

    private BenchOptions() {
    }

    /**
     * The {@code --name=value} arguments, in order, by name.
     *
     * @throws IllegalArgumentException for an argument of another form
     */
    public static Map<String, String> parse(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (String a : args) {
            if (!a.startsWith("--") || !a.contains("=")) {
                throw new IllegalArgumentException("options look like --name=value: " + a);
            }
            o.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        return o;
    }

    /**
     * A PostgreSQL connection setting ({@code URL}, {@code USER} or {@code PASSWORD}) from
     * {@code BACKOFFICE_BENCH_PG_<suffix>}, else the tests' {@code BACKOFFICE_TEST_PG_<suffix>},
     * else {@code fallback}.
     */
    public static String pg(String suffix, String fallback) {
        String v = System.getenv("BACKOFFICE_BENCH_PG_" + suffix);
        if (v == null || v.isBlank()) {
            v = System.getenv("BACKOFFICE_TEST_PG_" + suffix);
        }
        return v == null || v.isBlank() ? fallback : v;
    }
}

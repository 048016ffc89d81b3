package dev.backoffice.examples;

/**
 * Entry point of {@code java -jar examples/target/backoffice-examples.jar}: runs the demo;
 * with {@code bench} as the first argument, runs the benchmarks ({@link dev.backoffice.examples.bench.Benchmarks}).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Hibernate Validator logs through JBoss Logging: route it to SLF4J like everything else.
        System.setProperty("org.jboss.logging.provider", "slf4j");
        if (args.length > 0 && args[0].equals("bench")) {
            try {
                dev.backoffice.examples.bench.Benchmarks.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            } catch (Exception e) {
                throw new IllegalStateException("benchmark run failed", e);
            }
            return;
        }
        if (args.length > 0 && args[0].equals("kernel")) {
            KernelTour.run(System.out);
            return;
        }
        System.exit(dev.backoffice.examples.demo.DemoMain.run(args, System.out, System.err));
    }
}

package dev.backoffice.examples;

/**
 * Entry point of {@code java -jar examples/target/backoffice-examples.jar}: runs the demo.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Hibernate Validator logs through JBoss Logging: route it to SLF4J like everything else.
        System.setProperty("org.jboss.logging.provider", "slf4j");
        KernelTour.run(System.out);
    }
}

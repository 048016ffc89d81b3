package dev.backoffice.examples.demo;

import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.examples.demo.report.HtmlReport;
import dev.backoffice.examples.demo.scenario.Scenario;
import dev.backoffice.examples.demo.scenario.ScenarioException;
import dev.backoffice.examples.demo.scenario.ScenarioLoader;
import dev.backoffice.invoicing.Fa3Writer;
import dev.backoffice.payroll.Payslip;
import org.joda.money.Money;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The demo's command line.
 *
 * <pre>
 * java -jar examples/target/backoffice-examples.jar [scenario.json] [--in-memory]
 *      [--jdbc-url URL --user USER --password PASSWORD] [--report FILE]
 * </pre>
 *
 * Default storage: an H2 database file under {@code ./backoffice-data/}. The report goes to
 * {@code backoffice-report.html} unless {@code --report} says otherwise; the e-invoices (KSeF
 * FA(3) and Peppol UBL XML) go to the folder {@code einvoices/} beside it, one subfolder per
 * company ({@link #EINVOICE_FOLDER}).
 */
public final class DemoMain {

    /** The folder beside the report that the e-invoices are written to. */
    public static final String EINVOICE_FOLDER = "einvoices";

    private DemoMain() {
    }

    /** Where the e-invoices of a report at {@code report} go. */
    public static Path einvoiceFolder(Path report) {
        Path parent = report.toAbsolutePath().getParent();
        return parent.resolve(EINVOICE_FOLDER);
    }

    /** Options parsed from the command line. */
    record Options(Path scenario, boolean inMemory, String jdbcUrl, String user, String password, Path report) {

        static Options parse(String[] args) {
            Path scenario = null;
            boolean inMemory = false;
            String url = null;
            String user = null;
            String password = null;
            Path report = Path.of("backoffice-report.html");
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--in-memory" -> inMemory = true;
                    case "--jdbc-url" -> url = value(args, ++i, "--jdbc-url");
                    case "--user" -> user = value(args, ++i, "--user");
                    case "--password" -> password = value(args, ++i, "--password");
                    case "--report" -> report = Path.of(value(args, ++i, "--report"));
                    default -> {
                        if (args[i].startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + args[i]
                                    + "; known: --in-memory, --jdbc-url, --user, --password, --report");
                        }
                        scenario = Path.of(args[i]);
                    }
                }
            }
            if (inMemory && url != null) {
                throw new IllegalArgumentException("--in-memory and --jdbc-url exclude each other");
            }
            return new Options(scenario, inMemory, url, user, password, report);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }
    }

    /** Runs the demo; returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        Scenario scenario;
        try {
            scenario = options.scenario() == null ? ScenarioLoader.builtIn() : ScenarioLoader.load(options.scenario());
        } catch (ScenarioException e) {
            err.println("The scenario cannot be run. Nothing was written.");
            err.println("  file:   " + e.file());
            err.println("  where:  " + e.path());
            err.println("  reason: " + e.reason());
            return 3;
        }
        AdjustableClock clock = AdjustableClock.startingAt(scenario.month().atDay(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
        out.println("Back Office SDK demo: " + scenario.name());
        try (DemoStorage storage = DemoStorage.open(options, clock)) {
            out.println("Storage: " + storage.stores().description());
            List<EntityResult> results = new Demo(scenario, storage.stores(), clock, out).run();
            summary(results, out);
            String html = HtmlReport.render(scenario.name(), storage.stores().description(), Instant.now(Clock.systemUTC()), results,
                    EINVOICE_FOLDER);
            Files.writeString(options.report(), html, StandardCharsets.UTF_8);
            int files = writeEInvoices(results, einvoiceFolder(options.report()), out);
            out.println();
            out.println("Report written to " + options.report().toAbsolutePath());
            out.println(files + " e-invoices written to " + einvoiceFolder(options.report()));
            return 0;
        } catch (BackofficeException e) {
            err.println("The demo stopped: " + e.getMessage() + " [" + e.code() + "]");
            return 1;
        } catch (IOException e) {
            err.println("Cannot write the report: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Writes every company's e-invoices under {@code folder} and checks each FA(3) document
     * against the official schema (the Peppol rules run in the tests: they need phive).
     */
    private static int writeEInvoices(List<EntityResult> results, Path folder, PrintStream out) throws IOException {
        int written = 0;
        int fa3Problems = 0;
        for (EntityResult r : results) {
            for (InvoicingResult.EInvoiceFile f : r.invoicing().files()) {
                Path file = folder.resolve(f.fileName());
                Files.createDirectories(file.getParent());
                Files.writeString(file, f.xml(), StandardCharsets.UTF_8);
                written++;
                if (f.format().startsWith("KSeF")) {
                    List<String> problems = Fa3Writer.validate(f.xml());
                    problems.forEach(p -> out.println("  " + f.fileName() + ": " + p));
                    fa3Problems += problems.size();
                }
            }
        }
        out.println();
        out.println("E-invoices: FA(3) documents " + (fa3Problems == 0 ? "valid against the official schema" : fa3Problems + " schema problems"));
        return written;
    }

    private static void summary(List<EntityResult> results, PrintStream out) {
        out.println();
        out.println("Summary");
        for (EntityResult r : results) {
            Money gross = Money.zero(r.currency());
            Money employer = Money.zero(r.currency());
            for (Payslip p : r.payslips()) {
                gross = MoneyMath.plus(gross, p.gross());
                employer = MoneyMath.plus(employer, p.employerCost());
            }
            out.printf("  %-40s revenue %s, net income %s, payroll gross %s + employer %s, trial balance %s = %s, audit %s%n",
                    r.name(), r.income().totalIncome(), r.income().netIncome(), gross, employer,
                    r.trialBalance().totalDebits(r.currency()), r.trialBalance().totalCredits(r.currency()),
                    r.audit().intact() ? "intact" : "BROKEN");
        }
    }
}

package dev.backoffice.examples.demo;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's HTML report renders in a real browser: headless Chromium loads it, the rendered
 * DOM has every section for every company, and a screenshot is taken (kept under
 * {@code examples/target/report-screenshot.png} for a person to look at). Skipped with a
 * message where Chromium is not installed ({@code .ci/run} installs it).
 */
class ReportInChromiumTest {

    private static final List<String> SECTIONS = List.of("Trial balance", "Income statement", "Balance sheet",
            "Where the money went", "Payroll 2026-03", "Total cost of employment per employee", "Orders by status",
            "Archive and disposition", "Audit log", "hash chain verified intact", "payroll.run_approved", "docs.disposed",
            "Invoices and credit notes", "Receivables aging", "Late-payment claims", "VAT register", "Stock on hand",
            "Reconciliation with the ledger", "E-invoice files");

    @Test
    void theReportRendersEverySectionInHeadlessChromium(@TempDir Path dir) throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        if (!Files.isExecutable(chromium)) {
            System.err.println("[backoffice] report rendering test skipped: /usr/bin/chromium is not installed (apt-get install chromium)");
            Assumptions.abort("chromium not installed");
        }
        Path report = dir.resolve("report.html");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        int exit = DemoMain.run(new String[]{"--in-memory", "--report", report.toString()}, out, out);
        assertThat(exit).as(console.toString(StandardCharsets.UTF_8)).isZero();

        String dom = run(dir, chromium.toString(), "--dump-dom", report.toUri().toString());
        for (String section : SECTIONS) {
            assertThat(dom).contains(section);
        }
        assertThat(dom).contains("Nordwind Trading sp. z o.o.").contains("Nordwind Trading UK Ltd").contains("<svg");

        Path screenshot = Path.of("target", "report-screenshot.png").toAbsolutePath();
        Files.createDirectories(screenshot.getParent());
        Files.deleteIfExists(screenshot);
        run(dir, chromium.toString(), "--window-size=1400,4000", "--screenshot=" + screenshot, report.toUri().toString());
        assertThat(screenshot).exists();
        assertThat(Files.size(screenshot)).as("a blank page compresses to a few KB").isGreaterThan(50_000);
    }

    private static String run(Path dir, String chromium, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + dir.resolve("chromium-profile")));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] stdout = p.getInputStream().readAllBytes();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("chromium did not finish in 90 s");
        }
        assertThat(p.exitValue()).isZero();
        return new String(stdout, StandardCharsets.UTF_8);
    }
}

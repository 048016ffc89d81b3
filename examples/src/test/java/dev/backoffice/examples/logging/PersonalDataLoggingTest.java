package dev.backoffice.examples.logging;

import dev.backoffice.core.audit.InMemoryAuditStore;
import dev.backoffice.core.logging.LogContext;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.docs.Archive;
import dev.backoffice.docs.Document;
import dev.backoffice.docs.NewDocument;
import dev.backoffice.docs.OwnerRef;
import dev.backoffice.docs.TenantArchive;
import dev.backoffice.docs.blob.InMemoryBlobStore;
import dev.backoffice.docs.memory.InMemoryDocumentStore;
import dev.backoffice.docs.retention.PolicyCatalogue;
import dev.backoffice.examples.glue.Archiving;
import dev.backoffice.payroll.Contract;
import dev.backoffice.payroll.ContractTerms;
import dev.backoffice.payroll.Employee;
import dev.backoffice.payroll.PayrollEngine;
import dev.backoffice.payroll.PayrollRun;
import dev.backoffice.payroll.Payslip;
import dev.backoffice.payroll.PayslipRenderer;
import dev.backoffice.payroll.PolishTaxProfile;
import dev.backoffice.payroll.RunRequest;
import dev.backoffice.payroll.TenantPayroll;
import dev.backoffice.payroll.memory.InMemoryPayrollStore;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #18 item 4: while a payroll run is approved and its payslip is archived, no log line at
 * INFO or above names the employee, their tax id or any amount of their pay, and every line the
 * SDK logs carries the tenant and the operation in the MDC ({@link LogContext}).
 *
 * <p>Runs in its own JVM (the examples module's {@code logging-check} Surefire execution) with
 * {@link CapturingServiceProvider} as the SLF4J binding; the default test run excludes it.
 */
class PersonalDataLoggingTest {

    static {
        // Effective when this class is the first to touch SLF4J in the JVM (its own execution).
        System.setProperty("slf4j.provider", CapturingServiceProvider.class.getName());
    }

    private static final TenantId TENANT = TenantId.of("acme-hr");
    private static final String GIVEN_NAME = "Zofia";
    private static final String FAMILY_NAME = "Brzeczyszczykiewicz";
    private static final String TAX_ID = "90010112345"; // a PESEL-shaped tax id
    private static final Money SALARY = Money.parse("PLN 12345.67");

    @BeforeAll
    static void theCapturingBindingIsInPlace() {
        assertThat(LoggerFactory.getILoggerFactory().getClass().getName())
                .as("run this test through the examples module's logging-check execution (own JVM, slf4j.provider set)")
                .startsWith(CapturingServiceProvider.class.getName());
    }

    @Test
    void aPayrollRunAndAnArchiveIngestLogNoPersonalDataAtInfoOrAboveAndCarryTenantAndOperation() {
        CapturingServiceProvider.clear();
        AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-03-31T12:00:00Z"));

        // Payroll: one employee, approved run for March.
        InMemoryPayrollStore payrollStore = InMemoryPayrollStore.create();
        TenantPayroll staff = PayrollEngine.builder().store(payrollStore).audit(InMemoryAuditStore.create(clock)).clock(clock).build()
                .forTenant(TENANT);
        Employee employee = Employee.of(GIVEN_NAME, FAMILY_NAME, LocalDate.of(1990, 1, 1), PolishTaxProfile.standard());
        staff.saveEmployees(List.of(employee));
        staff.saveContracts(List.of(Contract.of(employee.id(), ContractTerms.monthly(LocalDate.of(2025, 1, 1), SALARY))));
        PayrollRun run = staff.approve(RunRequest.regular("PL", YearMonth.of(2026, 3)), "payroll-clerk");
        Payslip payslip = run.payslips().get(0);

        // Archive: the payslip, titled with the employee's name, tax id in its metadata.
        TenantArchive archive = Archive.builder().store(InMemoryDocumentStore.create()).blobs(InMemoryBlobStore.create())
                .audit(InMemoryAuditStore.create(clock)).clock(clock).build().forTenant(TENANT);
        archive.setPolicy(PolicyCatalogue.standard().policy("pl.payroll-record"), "records-officer");
        NewDocument doc = NewDocument.builder(Archiving.PAYROLL_RECORD, "Payslip 2026-03 " + payslip.employeeName())
                .mediaType("text/html")
                .fileName("payslip-" + FAMILY_NAME.toLowerCase(Locale.ROOT) + "-2026-03.html")
                .owner(OwnerRef.employee(employee.id().toString()))
                .metadata("tax-id", TAX_ID)
                .metadata("employee", GIVEN_NAME + " " + FAMILY_NAME)
                .actor("records-officer")
                .build();
        Document stored = archive.ingest(doc, PayslipRenderer.html(payslip).getBytes(StandardCharsets.UTF_8));

        List<CapturingServiceProvider.Event> events = CapturingServiceProvider.events();
        List<CapturingServiceProvider.Event> infoOrAbove = events.stream()
                .filter(e -> e.level().toInt() >= Level.INFO.toInt()).toList();

        // Not vacuous: the SDK did log at INFO from both front doors.
        assertThat(infoOrAbove).anySatisfy(e -> {
            assertThat(e.logger()).isEqualTo(PayrollEngine.class.getName());
            assertThat(e.message()).contains(run.id().toString());
            assertThat(e.mdc()).containsEntry(LogContext.TENANT_KEY, TENANT.value())
                    .containsEntry(LogContext.OPERATION_KEY, "payroll.approve");
        });
        assertThat(infoOrAbove).anySatisfy(e -> {
            assertThat(e.logger()).isEqualTo(TenantArchive.class.getName());
            assertThat(e.message()).contains(stored.id().toString());
            assertThat(e.mdc()).containsEntry(LogContext.TENANT_KEY, TENANT.value())
                    .containsEntry(LogContext.OPERATION_KEY, "docs.ingest");
        });

        // Every SDK line (any level) carried the tenant and an operation.
        assertThat(events).filteredOn(e -> e.logger().startsWith("dev.backoffice."))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.mdc()).containsEntry(LogContext.TENANT_KEY, TENANT.value())
                        .containsKey(LogContext.OPERATION_KEY));

        // No personal data in any INFO+ line, whoever logged it.
        List<String> forbidden = new ArrayList<>(List.of(GIVEN_NAME, FAMILY_NAME, TAX_ID));
        for (Money m : List.of(SALARY, payslip.gross(), payslip.net(), payslip.deductions(), payslip.employerCost())) {
            forbidden.addAll(renderings(m));
        }
        for (CapturingServiceProvider.Event e : infoOrAbove) {
            for (String f : forbidden) {
                assertThat(e.text().toLowerCase(Locale.ROOT))
                        .as("%s line of %s: %s", e.level(), e.logger(), e.text())
                        .doesNotContain(f.toLowerCase(Locale.ROOT));
            }
        }

        // The front doors restored the caller's MDC.
        assertThat(MDC.get(LogContext.TENANT_KEY)).isNull();
        assertThat(MDC.get(LogContext.OPERATION_KEY)).isNull();
    }

    /** The ways an amount could appear in a log line: 12345.67, 12345,67, 12 345,67, 12,345.67, 1234567. */
    private static List<String> renderings(Money m) {
        String plain = m.getAmount().toPlainString();
        String whole = plain.contains(".") ? plain.substring(0, plain.indexOf('.')) : plain;
        String grouped = String.format(Locale.ROOT, "%,d", Long.parseLong(whole));
        String fraction = plain.contains(".") ? plain.substring(plain.indexOf('.') + 1) : "";
        List<String> out = new ArrayList<>(List.of(plain, plain.replace('.', ','), grouped + "." + fraction,
                grouped.replace(',', ' ') + "," + fraction, Long.toString(m.getAmountMinorLong())));
        out.removeIf(s -> s.replace(",", "").replace(".", "").replace(" ", "").length() < 4); // too short to mean anything
        return out;
    }
}

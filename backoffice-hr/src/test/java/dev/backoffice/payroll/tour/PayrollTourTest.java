package dev.backoffice.payroll.tour;

import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.audit.InMemoryAuditStore;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.payroll.Contract;
import dev.backoffice.payroll.ContractTerms;
import dev.backoffice.payroll.Employee;
import dev.backoffice.payroll.PolishTaxProfile;
import dev.backoffice.payroll.StudentLoanPlan;
import dev.backoffice.payroll.UkTaxProfile;
import dev.backoffice.payroll.Bonus;
import dev.backoffice.payroll.EmployerSetting;
import dev.backoffice.payroll.EmployerSettings;
import dev.backoffice.payroll.PayrollEngine;
import dev.backoffice.payroll.PayrollJournal;
import dev.backoffice.payroll.PayrollRun;
import dev.backoffice.payroll.PayrollStore;
import dev.backoffice.payroll.Payslip;
import dev.backoffice.payroll.PayslipLine;
import dev.backoffice.payroll.PayslipRenderer;
import dev.backoffice.payroll.PeriodInput;
import dev.backoffice.payroll.RunRequest;
import dev.backoffice.payroll.TenantPayroll;
import dev.backoffice.payroll.WhatIf;
import dev.backoffice.payroll.pl.PolishLineCodes;
import dev.backoffice.payroll.memory.InMemoryPayrollStore;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/** The payroll tour of backoffice-hr/README.md, compiled and run; a test checks the guide shows exactly this code. */
class PayrollTourTest {

    @Test
    void tour() {
        // --- tour start ---
        Clock clock = Clock.systemUTC();
        PayrollStore store = InMemoryPayrollStore.create(); // or JdbcPayrollStore.create(Jdbc.of(dataSource))
        AuditStore audit = InMemoryAuditStore.create(clock); // or JdbcAuditStore.create(jdbc, clock)
        TenantId acme = TenantId.of("acme");
        EmployerSettings acmeSettings = EmployerSettings.none() // the employer's own rates, with effective dates
                .with(EmployerSetting.polishAccidentRate(LocalDate.of(2025, 1, 1), "0.93", "ZUS notice for 2024/25"));
        PayrollEngine engine = PayrollEngine.builder().store(store).audit(audit).clock(clock)
                .employerSettings(acme, acmeSettings).build();
        TenantPayroll payroll = engine.forTenant(acme); // employees, contracts and runs of one tenant

        // 1. An employee and a contract (terms can change over time: contract.withChange(...)).
        Employee anna = Employee.of("Anna", "Nowak", LocalDate.of(1990, 4, 1), PolishTaxProfile.standard().withPpk());
        payroll.saveEmployee(anna);
        Contract annasContract = Contract.of(anna.id(), ContractTerms.monthly(LocalDate.of(2025, 1, 1), Money.parse("PLN 10000.00")));
        payroll.saveContract(annasContract);

        // 2. Preview a month with its inputs (the whole tenant, or one employee), then approve it (stored, immutable, audited).
        RunRequest january = RunRequest.regular("PL", YearMonth.of(2025, 1)).withInputs(
                PeriodInput.builder(anna.id()).overtime("8", "1.5").bonus(Bonus.of("Q4 bonus", Money.parse("PLN 2000.00"))).build());
        PayrollRun preview = payroll.preview(january);
        Payslip annaOnly = payroll.preview(january, anna.id());
        PayrollRun approved = payroll.approve(january, "hr@acme");

        // 3. Every number explains itself: pipeline component, rule, parameter (with its file or setting).
        Payslip slip = approved.payslips().get(0);
        for (PayslipLine line : slip.lines()) {
            System.out.println(line.component() + " " + line.label() + " " + line.amount() + " <- " + line.rule() + " [" + line.parameter() + "]");
        }
        Money pit = slip.amount(PolishLineCodes.PIT);   // published line codes; a misspelt code is refused
        String text = PayslipRenderer.text(slip);   // also .html(slip) and .json(slip) (shared mapper)

        // 4. The journal for the ledger: lines by role, always balanced.
        PayrollJournal journal = approved.journal();

        // 5. A mistake in January? Approved runs never change: a correction run pays the difference.
        RunRequest fix = RunRequest.correction("PL", YearMonth.of(2025, 1), LocalDate.of(2025, 2, 10))
                .withInputs(PeriodInput.builder(anna.id()).overtime("8", "1.5").bonus(Bonus.of("Q4 bonus", Money.parse("PLN 2500.00"))).build());
        Payslip difference = payroll.approve(fix, "hr@acme").payslips().get(0);

        // 6. What if Anna got a raise in March? No store, audit store or clock needed.
        Payslip march = PayrollEngine.builder().build().whatIf(WhatIf.of("PL", YearMonth.of(2025, 3), anna,
                annasContract.withChange(ContractTerms.monthly(LocalDate.of(2025, 3, 1), Money.parse("PLN 12000.00")))));

        // 7. The UK plugs in the same way ("GB", or its alias "UK").
        Employee john = Employee.of("John", "Smith", LocalDate.of(1992, 7, 7),
                UkTaxProfile.of("S1257L", "A").withStudentLoans(StudentLoanPlan.PLAN_4));
        payroll.saveEmployee(john);
        payroll.saveContract(Contract.of(john.id(), ContractTerms.monthly(LocalDate.of(2025, 4, 1), Money.parse("GBP 3500.00"))));
        PayrollRun april = payroll.approve(RunRequest.regular("GB", YearMonth.of(2025, 4)), "hr@acme");
        // --- tour end ---

        assertThat(preview.payslips()).hasSize(1);
        assertThat(annaOnly.lines()).isEqualTo(preview.payslips().get(0).lines());
        assertThat(slip.amount(PolishLineCodes.ACCIDENT_EMPLOYER)).isEqualTo(Money.parse("PLN 118.24")); // 12 714.29 × 0.93%
        assertThat(pit).isEqualTo(slip.line(PolishLineCodes.PIT).orElseThrow().amount());
        assertThat(march.gross()).isEqualTo(Money.parse("PLN 12000.00"));
        assertThat(slip.gross()).isEqualTo(Money.parse("PLN 12714.29")); // 10 000 + 8 h × 10 000/168 × 1.5 (714.29) + 2 000
        assertThat(text).contains("NET PAY");
        assertThat(journal.balanced()).isTrue();
        assertThat(difference.gross()).isEqualTo(Money.parse("PLN 500.00"));
        assertThat(april.payslips()).hasSize(1);
        assertThat(audit.forTenant(acme).size()).isEqualTo(3);
    }

    @Test
    void theGuideShowsTheTourCode() throws java.io.IOException {
        String test = java.nio.file.Files.readString(java.nio.file.Path.of("src/test/java/dev/backoffice/payroll/tour/PayrollTourTest.java"));
        String tour = test.substring(test.indexOf("// --- tour start ---") + "// --- tour start ---".length(),
                test.indexOf("        // --- tour end ---"));
        String guide = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        assertThat(normalize(guide)).contains(normalize(tour));
    }

    private static String normalize(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }
}

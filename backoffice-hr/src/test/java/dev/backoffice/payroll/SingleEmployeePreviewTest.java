package dev.backoffice.payroll;

import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.error.NotFoundException;
import dev.backoffice.core.error.RuleViolationException;
import dev.backoffice.payroll.pl.PolishLineCodes;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;

import static dev.backoffice.payroll.PayrollHarness.m;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue #14 item 4: one employee's month, without the whole tenant, and without an audit store or clock when nothing is stored. */
class SingleEmployeePreviewTest {

    private final PayrollHarness h = new PayrollHarness();
    private static final LocalDate BORN = LocalDate.of(1985, 5, 5);

    private static void sameMoney(Payslip a, Payslip b) {
        assertThat(a.lines()).isEqualTo(b.lines());
        assertThat(a.gross()).isEqualTo(b.gross());
        assertThat(a.net()).isEqualTo(b.net());
        assertThat(a.employerCost()).isEqualTo(b.employerCost());
        assertThat(a.ytd()).isEqualTo(b.ytd());
    }

    @Test
    void preview_of_one_employee_equals_their_payslip_in_the_tenant_preview_and_writes_nothing() {
        h.hire(PolishTaxProfile.standard(), BORN, LocalDate.of(2024, 1, 1), "PLN 7000.00");
        Employee anna = h.hire(PolishTaxProfile.standard().withPpk(), BORN, LocalDate.of(2024, 1, 1), "PLN 9000.00");
        RunRequest may = RunRequest.regular("PL", YearMonth.of(2025, 5))
                .withInputs(PeriodInput.builder(anna.id()).bonus(Bonus.of("b", Money.parse("PLN 1000.00"))).build());
        Payslip one = h.payroll.preview(may, anna.id());
        Payslip inRun = h.payroll.preview(may).payslips().stream().filter(p -> p.employeeId().equals(anna.id())).findFirst().orElseThrow();
        sameMoney(one, inRun);
        assertThat(h.store.forTenant(h.tenant).read().version()).isZero();
        assertThat(h.audit.forTenant(h.tenant).size()).isZero();
    }

    @Test
    void preview_of_one_employee_uses_their_stored_year_to_date() {
        Employee anna = h.hire(PolishTaxProfile.standard(), BORN, LocalDate.of(2024, 1, 1), "PLN 25000.00");
        h.approveMonths("PL", YearMonth.of(2025, 1), 5, mo -> new PeriodInput[0]);
        Payslip june = h.payroll.preview(RunRequest.regular("PL", YearMonth.of(2025, 6)), anna.id());
        assertThat(june.amount(PolishLineCodes.PIT)).isEqualTo(m(june, "3846.00")); // PolishGoldenTest: June crosses 32%
    }

    @Test
    void preview_of_an_unknown_employee_is_not_found() {
        assertThatThrownBy(() -> h.payroll.preview(RunRequest.regular("PL", YearMonth.of(2025, 5)), EmployeeId.newId()))
                .isInstanceOf(NotFoundException.class).extracting(x -> ((BackofficeException) x).code()).isEqualTo(PayrollErrorCode.EMPLOYEE_NOT_FOUND.code());
    }

    @Test
    void what_if_needs_no_store_audit_store_or_clock_and_matches_the_run() {
        Employee anna = h.hire(PolishTaxProfile.standard(), BORN, LocalDate.of(2024, 1, 1), "PLN 7000.00");
        Contract contract = h.payroll.contracts(anna.id()).get(0);
        Payslip approved = h.approve("PL", YearMonth.of(2025, 1));
        PayrollEngine calculator = PayrollEngine.builder().build();
        Payslip what = calculator.whatIf(WhatIf.of("PL", YearMonth.of(2025, 1), anna, contract));
        sameMoney(what, approved);
    }

    @Test
    void what_if_continues_from_a_given_year_to_date() {
        Employee anna = h.hire(PolishTaxProfile.standard(), BORN, LocalDate.of(2024, 1, 1), "PLN 25000.00");
        Contract contract = h.payroll.contracts(anna.id()).get(0);
        java.util.List<Payslip> y = h.approveMonths("PL", YearMonth.of(2025, 1), 6, mo -> new PeriodInput[0]);
        Payslip june = PayrollEngine.builder().build()
                .whatIf(WhatIf.of("PL", YearMonth.of(2025, 6), anna, contract).withYtdBefore(y.get(4).ytd()));
        sameMoney(june, y.get(5));
    }

    @Test
    void what_if_with_a_raise_and_employer_settings() {
        Employee anna = Employee.of("Anna", "Nowak", BORN, PolishTaxProfile.standard());
        Contract contract = Contract.of(anna.id(), ContractTerms.monthly(LocalDate.of(2024, 1, 1), Money.parse("PLN 7000.00")))
                .withChange(ContractTerms.monthly(LocalDate.of(2025, 4, 1), Money.parse("PLN 10000.00")));
        Payslip april = PayrollEngine.builder().build().whatIf(WhatIf.of("PL", YearMonth.of(2025, 4), anna, contract)
                .withSettings(EmployerSettings.none().with(EmployerSetting.polishAccidentRate(LocalDate.of(2025, 4, 1), "0.93", "ZUS"))));
        assertThat(april.gross()).isEqualTo(m(april, "10000.00"));
        assertThat(april.amount(PolishLineCodes.ACCIDENT_EMPLOYER)).isEqualTo(m(april, "93.00"));
    }

    @Test
    void what_if_with_no_contract_in_the_period_is_refused() {
        Employee john = Employee.of("John", "Smith", BORN, UkTaxProfile.of("1257L", "A"));
        Contract later = Contract.of(john.id(), ContractTerms.monthly(LocalDate.of(2025, 9, 1), Money.parse("GBP 3000.00")));
        assertThatThrownBy(() -> PayrollEngine.builder().build().whatIf(WhatIf.of("UK", YearMonth.of(2025, 4), john, later)))
                .extracting(x -> ((BackofficeException) x).code()).isEqualTo(PayrollErrorCode.NO_CONTRACT.code());
    }

    @Test
    void an_engine_without_a_store_refuses_tenant_runs_with_a_typed_error() {
        PayrollEngine calculator = PayrollEngine.builder().build();
        assertThatThrownBy(() -> calculator.forTenant(h.tenant).preview(RunRequest.regular("PL", YearMonth.of(2025, 5))))
                .isInstanceOf(RuleViolationException.class).extracting(x -> ((BackofficeException) x).code())
                .isEqualTo(PayrollErrorCode.ENGINE_NOT_CONFIGURED.code());
    }

    /*
     * Issue #15 (one builder rule for every front door, the ledger's): an engine built without an
     * audit store audits approvals to an in-memory log, as the ledger does. Before, it refused to
     * approve with payroll.engine_not_configured; that assertion was replaced by this one.
     */
    @Test
    void an_engine_without_an_audit_store_previews_and_audits_approvals_in_memory() {
        h.hire(PolishTaxProfile.standard(), BORN, LocalDate.of(2024, 1, 1), "PLN 7000.00");
        TenantPayroll noAudit = PayrollEngine.builder().store(h.store).build().forTenant(h.tenant);
        assertThat(noAudit.preview(RunRequest.regular("PL", YearMonth.of(2025, 5))).payslips()).hasSize(1);
        PayrollRun approved = noAudit.approve(RunRequest.regular("PL", YearMonth.of(2025, 5)), "hr");
        assertThat(h.store.forTenant(h.tenant).read().version()).isEqualTo(1);
        assertThat(noAudit.run(approved.id())).contains(approved);
        assertThat(h.audit.forTenant(h.tenant).size()).as("not the harness's log: the engine's own in-memory one").isZero();
    }
}

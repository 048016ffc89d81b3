package dev.backoffice.payroll;

import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.error.NotFoundException;
import dev.backoffice.core.error.RuleViolationException;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Engine behaviour and bad input: typed errors with stable codes, and nothing written. */
class PayrollEngineTest {

    private final PayrollHarness h = new PayrollHarness();
    private final LocalDate born = LocalDate.of(1988, 8, 8);

    private static void failsWith(Class<? extends BackofficeException> type, String code, Executable action) {
        assertThatThrownBy(action::execute).isInstanceOf(type).extracting(x -> ((BackofficeException) x).code()).isEqualTo(code);
    }

    private void nothingWritten() {
        assertThat(h.store.forTenant(h.tenant).read().version()).isZero();
        assertThat(h.audit.forTenant(h.tenant).size()).isZero();
    }

    @Test
    void preview_is_deterministic_and_writes_nothing() {
        h.hire(PolishTaxProfile.standard(), born, LocalDate.of(2024, 1, 1), "PLN 7000.00");
        h.hire(PolishTaxProfile.standard().withPpk(), born, LocalDate.of(2024, 1, 1), "PLN 9000.00");
        RunRequest r = RunRequest.regular("PL", YearMonth.of(2025, 5));
        PayrollRun a = h.payroll.preview(r);
        PayrollRun b = h.payroll.preview(r);
        assertThat(a.payslips()).isEqualTo(b.payslips());
        assertThat(a.journal()).isEqualTo(b.journal());
        assertThat(a.status()).isEqualTo(RunStatus.PREVIEW);
        nothingWritten();
    }

    @Test
    void approved_run_equals_its_preview() {
        h.hire(PolishTaxProfile.standard(), born, LocalDate.of(2024, 1, 1), "PLN 7000.00");
        RunRequest r = RunRequest.regular("PL", YearMonth.of(2025, 5));
        PayrollRun preview = h.payroll.preview(r);
        PayrollRun approved = h.payroll.approve(r, "boss");
        assertThat(approved.payslips()).isEqualTo(preview.payslips());
        assertThat(approved.approvedBy()).isEqualTo("boss");
    }

    @Test
    void journal_balances_and_posts_by_role() {
        h.hire(PolishTaxProfile.standard().withPpk(), born, LocalDate.of(2024, 1, 1), "PLN 7000.00");
        PayrollRun run = h.payroll.approve(RunRequest.regular("PL", YearMonth.of(2025, 4)), "boss");
        PayrollJournal j = run.journal();
        assertThat(j.balanced()).isTrue();
        assertThat(j.lines()).extracting(JournalLine::role).contains(JournalRole.GROSS_SALARY_EXPENSE, JournalRole.EMPLOYER_CONTRIBUTION_EXPENSE,
                JournalRole.TAX_PAYABLE, JournalRole.SOCIAL_INSURANCE_PAYABLE, JournalRole.HEALTH_INSURANCE_PAYABLE, JournalRole.LABOUR_FUNDS_PAYABLE,
                JournalRole.PENSION_PAYABLE, JournalRole.NET_PAY_PAYABLE);
        assertThat(j.totalDebits()).isEqualTo(Money.parse("PLN 8538.60")); // 7 000 gross + 1 538,60 employer (golden case)
    }

    @Test
    void the_pipeline_is_named_in_component_order() {
        assertThat(h.engine.pipeline("PL")).first().isEqualTo("EARNINGS:pl.earnings");
        assertThat(h.engine.pipeline("GB")).contains("TAX:uk.paye", "EMPLOYER_COSTS:uk.ni.employer");
    }

    @Test
    void every_line_names_its_rule_and_parameter() {
        h.hire(UkTaxProfile.of("1257L", "A").withStudentLoans(StudentLoanPlan.PLAN_2), born, LocalDate.of(2024, 1, 1), "GBP 3500.00");
        Payslip p = h.payroll.preview(RunRequest.regular("GB", YearMonth.of(2025, 4))).payslips().get(0);
        assertThat(p.lines()).allSatisfy(l -> {
            assertThat(l.rule()).isNotBlank();
            assertThat(l.parameter()).isNotBlank();
        });
        assertThat(p.line("uk.paye").orElseThrow().parameter()).contains("tax.bands.ruk");
    }

    @Test
    void negative_hours_are_refused() {
        failsWith(InvalidRequestException.class, PayrollErrorCode.NEGATIVE_INPUT.code(),
                () -> PeriodInput.builder(EmployeeId.newId()).hours("-1").build());
        failsWith(InvalidRequestException.class, PayrollErrorCode.NEGATIVE_INPUT.code(), () -> Overtime.of("-2", "1.5"));
        failsWith(InvalidRequestException.class, PayrollErrorCode.NEGATIVE_INPUT.code(),
                () -> PeriodInput.builder(EmployeeId.newId()).unpaidLeaveDays("-0.5").build());
    }

    @Test
    void contract_ending_before_it_starts_is_refused() {
        EmployeeId id = EmployeeId.newId();
        failsWith(InvalidRequestException.class, PayrollErrorCode.CONTRACT_ENDS_BEFORE_START.code(), () -> new Contract(ContractId.newId(), id,
                LocalDate.of(2025, 5, 1), LocalDate.of(2025, 4, 30), List.of(ContractTerms.monthly(LocalDate.of(2025, 5, 1), Money.parse("PLN 1.00")))));
    }

    @Test
    void invalid_terms_name_the_field() {
        assertThatThrownBy(() -> ContractTerms.monthly(LocalDate.of(2025, 1, 1), Money.parse("PLN 1.00")).withFraction(new BigDecimal("1.5")))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(x -> assertThat(((InvalidRequestException) x).violations().get(0).field()).isEqualTo("workingTimeFraction"));
    }

    @Test
    void unknown_tax_codes_are_refused_at_the_door() {
        for (String code : List.of("1257Q", "K0", "D2", "CD3", "XX", "12345L", "BR W2", "")) {
            assertThatThrownBy(() -> UkTaxProfile.of(code, "A")).as(code).isInstanceOf(InvalidRequestException.class);
        }
        failsWith(InvalidRequestException.class, PayrollErrorCode.UNKNOWN_TAX_CODE.code(), () -> UkTaxProfile.of("1257Q", "A"));
        for (String code : List.of("1257L", "S1257L", "C1257L", "K475", "SK100", "BR", "D0", "D1", "SD0", "SD1", "SD2", "SD3", "CD1",
                "0T", "NT", "1257L M1", "1257LW1", "1257L X", "s1257l")) {
            assertThat(UkTaxProfile.of(code, "A").taxCode()).isEqualTo(code);
        }
        nothingWritten();
    }

    @Test
    void unknown_ni_category_and_uncollected_loan_plan_are_refused() {
        h.hire(UkTaxProfile.of("1257L", "Q"), born, LocalDate.of(2024, 1, 1), "GBP 3000.00");
        failsWith(InvalidRequestException.class, PayrollErrorCode.UNKNOWN_NI_CATEGORY.code(),
                () -> h.payroll.preview(RunRequest.regular("GB", YearMonth.of(2025, 4))));
        PayrollHarness other = new PayrollHarness();
        other.hire(UkTaxProfile.of("1257L", "A").withStudentLoans(StudentLoanPlan.PLAN_5), born, LocalDate.of(2024, 1, 1), "GBP 3000.00");
        failsWith(InvalidRequestException.class, PayrollErrorCode.UNSUPPORTED_STUDENT_LOAN.code(),
                () -> other.payroll.preview(RunRequest.regular("GB", YearMonth.of(2025, 4))));
    }

    @Test
    void a_period_outside_every_supported_tax_year_is_refused() {
        h.hire(PolishTaxProfile.standard(), born, LocalDate.of(2020, 1, 1), "PLN 7000.00");
        failsWith(RuleViolationException.class, PayrollErrorCode.UNSUPPORTED_TAX_YEAR.code(),
                () -> h.payroll.approve(RunRequest.regular("PL", YearMonth.of(2024, 12)), "boss"));
        failsWith(RuleViolationException.class, PayrollErrorCode.UNSUPPORTED_TAX_YEAR.code(),
                () -> h.payroll.preview(RunRequest.regular("GB", YearMonth.of(2026, 4))));
        nothingWritten();
    }

    @Test
    void unknown_jurisdiction_is_refused() {
        failsWith(InvalidRequestException.class, PayrollErrorCode.UNKNOWN_JURISDICTION.code(),
                () -> h.payroll.preview(RunRequest.regular("DE", YearMonth.of(2025, 4))));
    }

    @Test
    void input_for_an_unknown_employee_or_one_without_contract_is_refused() {
        failsWith(NotFoundException.class, PayrollErrorCode.EMPLOYEE_NOT_FOUND.code(), () -> h.payroll.preview(
                RunRequest.regular("PL", YearMonth.of(2025, 4)).withInputs(PeriodInput.none(EmployeeId.newId()))));
        Employee later = h.hire(PolishTaxProfile.standard(), born, LocalDate.of(2025, 9, 1), "PLN 7000.00");
        failsWith(InvalidRequestException.class, PayrollErrorCode.NO_CONTRACT.code(), () -> h.payroll.preview(
                RunRequest.regular("PL", YearMonth.of(2025, 4)).withInputs(PeriodInput.none(later.id()))));
    }

    @Test
    void duplicate_inputs_and_a_pay_date_far_from_the_period_are_refused() {
        EmployeeId id = EmployeeId.newId();
        assertThatThrownBy(() -> RunRequest.regular("PL", YearMonth.of(2025, 4)).withInputs(PeriodInput.none(id), PeriodInput.none(id)))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> RunRequest.regular("PL", YearMonth.of(2025, 4)).withPayDate(LocalDate.of(2025, 7, 1)))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void leaver_is_paid_to_the_last_day_and_not_after() {
        Employee e = h.hire(PolishTaxProfile.standard(), born, LocalDate.of(2024, 1, 1), "PLN 6000.00");
        var s = h.payroll;
        s.saveContract(s.contracts(e.id()).get(0).endingOn(LocalDate.of(2025, 3, 14)));
        Payslip march = h.approve("PL", YearMonth.of(2025, 3));
        // March 2025: 168 h; 1-14 March: 10 weekdays = 80 h → 6000 × 80 / 168 = 2 857,142 → 2 857,14
        assertThat(march.gross()).isEqualTo(Money.parse("PLN 2857.14"));
        assertThat(h.payroll.preview(RunRequest.regular("PL", YearMonth.of(2025, 4))).payslips()).isEmpty();
    }

    @Test
    void profile_of_another_jurisdiction_is_not_paid_by_this_one() {
        h.hire(UkTaxProfile.of("1257L", "A"), born, LocalDate.of(2024, 1, 1), "GBP 3000.00");
        assertThat(h.payroll.preview(RunRequest.regular("PL", YearMonth.of(2025, 4))).payslips()).isEmpty();
    }
}

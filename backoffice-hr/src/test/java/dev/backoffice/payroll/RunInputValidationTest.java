package dev.backoffice.payroll;

import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.error.Violation;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #14 item 3: every amount entering a run must be in the jurisdiction's currency, numbers
 * given as text must be numbers, and a birth date must not lie after the pay date; each refusal
 * is a typed error naming the field, and nothing is written.
 */
class RunInputValidationTest {

    private final PayrollHarness h = new PayrollHarness();
    private static final LocalDate BORN = LocalDate.of(1985, 5, 5);

    private static InvalidRequestException invalid(String code, Runnable action) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(action::run);
        assertThat(t).isInstanceOf(InvalidRequestException.class);
        assertThat(((BackofficeException) t).code()).isEqualTo(code);
        return (InvalidRequestException) t;
    }

    private void nothingWritten() {
        assertThat(h.store.forTenant(h.tenant).read().version()).isZero();
        assertThat(h.audit.forTenant(h.tenant).size()).isZero();
    }

    @Test
    void a_gbp_bonus_in_a_polish_run_is_refused_naming_the_field() {
        // Before the fix: 7000 PLN + GBP 5.00 paid 7005 PLN (the minor units were added as grosze).
        Employee anna = h.hire(PolishTaxProfile.standard(), BORN, LocalDate.of(2024, 1, 1), "PLN 7000.00");
        RunRequest r = RunRequest.regular("PL", YearMonth.of(2025, 5)).withInputs(PeriodInput.builder(anna.id())
                .bonus(Bonus.of("ok", Money.parse("PLN 100.00"))).bonus(Bonus.of("wrong", Money.parse("GBP 5.00"))).build());
        InvalidRequestException e = invalid(PayrollErrorCode.CURRENCY_MISMATCH.code(), () -> h.payroll.approve(r, "hr"));
        assertThat(e.violations()).extracting(Violation::field).containsExactly("inputs[0].bonuses[1].amount");
        assertThat(e.violations().get(0).message()).contains("PLN");
        assertThat(e.violations().get(0).rejectedValue()).isEqualTo("GBP 5.00");
        nothingWritten();
    }

    @Test
    void a_gbp_contract_salary_in_a_polish_run_is_refused_naming_the_contract() {
        Employee anna = Employee.of("Anna", "Nowak", BORN, PolishTaxProfile.standard());
        h.payroll.saveEmployee(anna);
        Contract c = Contract.of(anna.id(), ContractTerms.monthly(LocalDate.of(2024, 1, 1), Money.parse("GBP 3000.00")));
        h.payroll.saveContract(c);
        long version = h.store.forTenant(h.tenant).read().version();
        InvalidRequestException e = invalid(PayrollErrorCode.CURRENCY_MISMATCH.code(),
                () -> h.payroll.approve(RunRequest.regular("PL", YearMonth.of(2025, 5)), "hr"));
        assertThat(e.violations()).extracting(Violation::field).containsExactly("contracts[" + c.id() + "].terms[0].rate");
        assertThat(h.store.forTenant(h.tenant).read().version()).isEqualTo(version);
        assertThat(h.audit.forTenant(h.tenant).size()).isZero();
    }

    @Test
    void a_pln_bonus_in_a_uk_run_is_refused() {
        Employee john = h.hire(UkTaxProfile.of("1257L", "A"), BORN, LocalDate.of(2024, 1, 1), "GBP 3000.00");
        RunRequest r = RunRequest.regular("GB", YearMonth.of(2025, 4))
                .withInputs(PeriodInput.builder(john.id()).bonus(Bonus.of("x", Money.parse("PLN 500.00"))).build());
        InvalidRequestException e = invalid(PayrollErrorCode.CURRENCY_MISMATCH.code(), () -> h.payroll.preview(r));
        assertThat(e.violations()).extracting(Violation::field).containsExactly("inputs[0].bonuses[0].amount");
    }

    @Test
    void every_amount_in_the_wrong_currency_is_named_in_one_error() {
        Employee anna = h.hire(PolishTaxProfile.standard(), BORN, LocalDate.of(2024, 1, 1), "PLN 7000.00");
        Employee ewa = h.hire(PolishTaxProfile.standard(), BORN, LocalDate.of(2024, 1, 1), "PLN 8000.00");
        RunRequest r = RunRequest.regular("PL", YearMonth.of(2025, 5)).withInputs(
                PeriodInput.builder(anna.id()).bonus(Bonus.of("a", Money.parse("EUR 1.00"))).build(),
                PeriodInput.builder(ewa.id()).bonus(Bonus.of("b", Money.parse("USD 2.00"))).build());
        InvalidRequestException e = invalid(PayrollErrorCode.CURRENCY_MISMATCH.code(), () -> h.payroll.preview(r));
        assertThat(e.violations()).extracting(Violation::field).containsExactly("inputs[0].bonuses[0].amount", "inputs[1].bonuses[0].amount");
    }

    @Test
    void hours_that_are_not_a_number_are_a_typed_error_naming_hours() {
        // Before the fix: a raw NumberFormatException.
        Employee anna = h.hire(PolishTaxProfile.standard(), BORN, LocalDate.of(2024, 1, 1), "PLN 7000.00");
        InvalidRequestException e = invalid(PayrollErrorCode.NOT_A_NUMBER.code(), () -> PeriodInput.builder(anna.id()).hours("eight"));
        assertThat(e.violations()).extracting(Violation::field).containsExactly("hours");
        assertThat(e.violations().get(0).rejectedValue()).isEqualTo("eight");
    }

    @Test
    void unpaid_leave_days_that_are_not_a_number_are_a_typed_error() {
        Employee anna = h.hire(PolishTaxProfile.standard(), BORN, LocalDate.of(2024, 1, 1), "PLN 7000.00");
        InvalidRequestException e = invalid(PayrollErrorCode.NOT_A_NUMBER.code(), () -> PeriodInput.builder(anna.id()).unpaidLeaveDays("2,5"));
        assertThat(e.violations()).extracting(Violation::field).containsExactly("unpaidLeaveDays");
    }

    @Test
    void overtime_given_as_non_numbers_is_a_typed_error_naming_the_part() {
        assertThat(invalid(PayrollErrorCode.NOT_A_NUMBER.code(), () -> Overtime.of("8h", "1.5")).violations())
                .extracting(Violation::field).containsExactly("overtime.hours");
        assertThat(invalid(PayrollErrorCode.NOT_A_NUMBER.code(), () -> Overtime.of("8", "x1.5")).violations())
                .extracting(Violation::field).containsExactly("overtime.multiplier");
    }

    @Test
    void hours_with_surrounding_spaces_are_still_a_number() {
        Employee anna = h.hire(PolishTaxProfile.standard(), BORN, LocalDate.of(2024, 1, 1), "PLN 7000.00");
        assertThat(PeriodInput.builder(anna.id()).hours(" 7.5 ").build().hours()).isEqualByComparingTo("7.5");
    }

    @Test
    void a_birth_date_after_the_pay_date_is_refused_naming_the_employee() {
        Employee baby = h.hire(PolishTaxProfile.standard(), LocalDate.of(2030, 1, 1), LocalDate.of(2024, 1, 1), "PLN 7000.00");
        InvalidRequestException e = invalid(PayrollErrorCode.BIRTH_DATE_IN_FUTURE.code(),
                () -> h.payroll.approve(RunRequest.regular("PL", YearMonth.of(2025, 5)), "hr"));
        assertThat(e.violations()).extracting(Violation::field).containsExactly("employees[" + baby.id() + "].birthDate");
        nothingWritten();
    }

    @Test
    void the_what_if_refuses_a_bonus_in_another_currency_too() {
        Employee anna = Employee.of("Anna", "Nowak", BORN, PolishTaxProfile.standard());
        Contract c = Contract.of(anna.id(), ContractTerms.monthly(LocalDate.of(2024, 1, 1), Money.parse("PLN 7000.00")));
        WhatIf w = WhatIf.of("PL", YearMonth.of(2025, 5), anna, c)
                .withInput(PeriodInput.builder(anna.id()).bonus(Bonus.of("x", Money.parse("GBP 5.00"))).build());
        InvalidRequestException e = invalid(PayrollErrorCode.CURRENCY_MISMATCH.code(), () -> PayrollEngine.builder().build().whatIf(w));
        assertThat(e.violations()).extracting(Violation::field).containsExactly("input.bonuses[0].amount");
    }

    @Test
    void amounts_in_the_right_currency_still_run() {
        Employee anna = h.hire(PolishTaxProfile.standard(), BORN, LocalDate.of(2024, 1, 1), "PLN 7000.00");
        Payslip p = h.approve("PL", YearMonth.of(2025, 5), PeriodInput.builder(anna.id()).bonus(Bonus.of("b", Money.parse("PLN 5.00"))).build());
        assertThat(p.gross()).isEqualTo(Money.parse("PLN 7005.00"));
    }
}

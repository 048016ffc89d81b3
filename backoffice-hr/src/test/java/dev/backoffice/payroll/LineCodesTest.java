package dev.backoffice.payroll;

import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.payroll.pl.PolishLineCodes;
import dev.backoffice.payroll.uk.UkLineCodes;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static dev.backoffice.payroll.PayrollHarness.m;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue #14 item 4: line codes are published constants, and {@code Payslip.amount} refuses a code that is not one. */
class LineCodesTest {

    private final PayrollHarness h = new PayrollHarness();

    @Test
    void amount_of_a_misspelt_code_is_refused_instead_of_reading_zero() {
        h.hire(PolishTaxProfile.standard(), LocalDate.of(1985, 5, 5), LocalDate.of(2024, 1, 1), "PLN 7000.00");
        Payslip p = h.approve("PL", YearMonth.of(2025, 5));
        assertThatThrownBy(() -> p.amount("pl.pension.employe")).isInstanceOf(InvalidRequestException.class)
                .satisfies(x -> assertThat(((BackofficeException) x).code()).isEqualTo(PayrollErrorCode.UNKNOWN_LINE_CODE.code()))
                .hasMessageContaining("pl.pension.employee");
    }

    @Test
    void amount_of_another_jurisdictions_code_is_refused() {
        h.hire(PolishTaxProfile.standard(), LocalDate.of(1985, 5, 5), LocalDate.of(2024, 1, 1), "PLN 7000.00");
        Payslip p = h.approve("PL", YearMonth.of(2025, 5));
        assertThatThrownBy(() -> p.amount(UkLineCodes.PAYE)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void amount_of_a_published_code_absent_from_the_payslip_is_zero() {
        h.hire(PolishTaxProfile.standard(), LocalDate.of(1985, 5, 5), LocalDate.of(2024, 1, 1), "PLN 7000.00");
        Payslip p = h.approve("PL", YearMonth.of(2025, 5));
        assertThat(p.line(PolishLineCodes.PPK_EMPLOYEE)).isEmpty();
        assertThat(p.amount(PolishLineCodes.PPK_EMPLOYEE)).isEqualTo(m(p, "0.00"));
    }

    @Test
    void every_polish_line_written_carries_a_published_code() {
        Employee a = h.hire(PolishTaxProfile.standard().withPpk(), LocalDate.of(2001, 5, 5), LocalDate.of(2024, 1, 1), "PLN 9000.00");
        Employee b = h.hire(PolishTaxProfile.standard(), LocalDate.of(1980, 5, 5), LocalDate.of(2024, 1, 1), "PLN 60000.00");
        Employee c = h.hire(PolishTaxProfile.standard(), LocalDate.of(1980, 5, 5),
                ContractTerms.hourly(LocalDate.of(2024, 1, 1), Money.parse("PLN 40.00")));
        for (int month = 1; month <= 12; month++) {
            PayrollRun run = h.payroll.approve(RunRequest.regular("PL", YearMonth.of(2025, month)).withInputs(
                    PeriodInput.builder(a.id()).overtime("4", "1.5").bonus(Bonus.of("b", Money.parse("PLN 100.00"))).sickDays(3).build(),
                    PeriodInput.builder(b.id()).unpaidLeaveDays("1").build(),
                    PeriodInput.builder(c.id()).hours(new BigDecimal("160")).build()), "hr");
            run.payslips().forEach(p -> p.lines().forEach(l -> assertThat(PolishLineCodes.ALL).contains(l.code())));
        }
    }

    @Test
    void every_uk_line_written_carries_a_published_code() {
        Employee a = h.hire(UkTaxProfile.of("K500", "A").withStudentLoans(StudentLoanPlan.PLAN_2, StudentLoanPlan.POSTGRADUATE),
                LocalDate.of(1990, 5, 5), LocalDate.of(2024, 1, 1), "GBP 4000.00");
        Employee b = h.hire(UkTaxProfile.of("1257L", "A"), LocalDate.of(1990, 5, 5),
                ContractTerms.hourly(LocalDate.of(2024, 1, 1), Money.parse("GBP 20.00")));
        for (int month = 4; month <= 6; month++) {
            PayrollRun run = h.payroll.approve(RunRequest.regular("GB", YearMonth.of(2025, month)).withInputs(
                    PeriodInput.builder(a.id()).overtime("4", "1.5").bonus(Bonus.of("b", Money.parse("GBP 100.00"))).sickDays(5)
                            .unpaidLeaveDays("1").build(),
                    PeriodInput.builder(b.id()).hours("150").build()), "hr");
            run.payslips().forEach(p -> p.lines().forEach(l -> assertThat(UkLineCodes.ALL).contains(l.code())));
        }
    }

    @Test
    void the_published_sets_hold_every_constant() throws ReflectiveOperationException {
        for (Class<?> type : List.of(PolishLineCodes.class, UkLineCodes.class)) {
            java.util.Set<Object> all = new java.util.HashSet<>((java.util.Set<?>) type.getField("ALL").get(null));
            for (java.lang.reflect.Field f : type.getFields()) {
                if (f.getType() == String.class) {
                    assertThat(all).as(type.getSimpleName() + "." + f.getName()).contains(f.get(null));
                }
            }
        }
    }
}

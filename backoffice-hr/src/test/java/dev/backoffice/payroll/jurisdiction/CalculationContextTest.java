package dev.backoffice.payroll.jurisdiction;

import dev.backoffice.payroll.ContractTerms;
import dev.backoffice.payroll.Employee;
import dev.backoffice.payroll.PolishTaxProfile;
import dev.backoffice.payroll.PeriodInput;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CalculationContextTest {

    private static final Employee ANNA = Employee.of("Anna", "Nowak", LocalDate.of(1990, 1, 1), PolishTaxProfile.standard());

    private static CalculationContext context(String hours, ContractSegment... segments) {
        PeriodInput input = PeriodInput.builder(ANNA.id()).hours(hours).build();
        TaxYear year = new TaxYear("2026", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 3);
        return new CalculationContext(ANNA, YearMonth.of(2026, 3), LocalDate.of(2026, 3, 31), year, List.of(segments), input,
                key -> 0L);
    }

    private static ContractSegment hourly(int fromDay, int toDay, String rate) {
        return new ContractSegment(LocalDate.of(2026, 3, fromDay), LocalDate.of(2026, 3, toDay),
                ContractTerms.hourly(LocalDate.of(2026, 3, fromDay), Money.parse("PLN " + rate)));
    }

    @Test
    void reportedHoursAreSplitByWeightAndTheLastHourlySegmentTakesTheRest() {
        CalculationContext ctx = context("100", hourly(1, 10, "40.00"), hourly(11, 31, "45.00"));
        BigDecimal[] hours = ctx.hourlyHoursBySegment(s -> s.to().getDayOfMonth() - s.from().getDayOfMonth() + 1L);
        assertThat(hours[0]).isEqualByComparingTo("32.26"); // 100 × 10 / 31, half-up to hundredths
        assertThat(hours[1]).isEqualByComparingTo("67.74"); // the rest: parts add up to the hours reported
    }

    @Test
    void salariedSegmentsGetNoHours() {
        ContractSegment salaried = new ContractSegment(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 15),
                ContractTerms.monthly(LocalDate.of(2026, 3, 1), Money.parse("PLN 8000.00")));
        BigDecimal[] hours = context("60", salaried, hourly(16, 31, "40.00")).hourlyHoursBySegment(s -> 1L);
        assertThat(hours[0]).isNull();
        assertThat(hours[1]).isEqualByComparingTo("60");
    }
}

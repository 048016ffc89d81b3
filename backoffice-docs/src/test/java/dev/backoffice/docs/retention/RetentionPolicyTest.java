package dev.backoffice.docs.retention;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.docs.DocumentClass;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionPolicyTest {

    private static RetentionPolicy policy(Period p, RetentionTrigger t) {
        return RetentionPolicy.builder(DocumentClass.of("x")).period(p).trigger(t).build();
    }

    @Test
    void a_creation_trigger_counts_from_the_creation_date() {
        assertThat(policy(Period.ofYears(3), RetentionTrigger.creation()).retainUntil(LocalDate.of(2026, 3, 15)))
                .isEqualTo(LocalDate.of(2029, 3, 15));
    }

    @Test
    void a_calendar_year_end_trigger_counts_from_31_december() {
        assertThat(policy(Period.ofYears(5), RetentionTrigger.endOfCalendarYearOfCreation()).retainUntil(LocalDate.of(2026, 1, 2)))
                .isEqualTo(LocalDate.of(2031, 12, 31));
    }

    @Test
    void a_fiscal_year_end_trigger_counts_from_the_end_of_the_fiscal_year_containing_the_date() {
        RetentionTrigger uk = RetentionTrigger.endOfFiscalYearOfCreation(MonthDay.of(4, 5));
        assertThat(policy(Period.ofYears(3), uk).retainUntil(LocalDate.of(2026, 4, 5))).isEqualTo(LocalDate.of(2029, 4, 5));
        assertThat(policy(Period.ofYears(3), uk).retainUntil(LocalDate.of(2026, 4, 6))).isEqualTo(LocalDate.of(2030, 4, 5));
    }

    @Test
    void a_deferral_moves_the_trigger_date_before_rounding() {
        RetentionTrigger t = RetentionTrigger.endOfCalendarYearOfCreation().deferredBy(Period.ofYears(1));
        assertThat(policy(Period.ofYears(5), t).retainUntil(LocalDate.of(2026, 12, 31))).isEqualTo(LocalDate.of(2032, 12, 31));
    }

    @Test
    void keeps_at_least_as_long_compares_months_and_days_conservatively() {
        RetentionPolicy fiveYears = policy(Period.ofYears(5), RetentionTrigger.creation());
        assertThat(policy(Period.ofYears(6), RetentionTrigger.creation()).keepsAtLeastAsLongAs(fiveYears)).isTrue();
        assertThat(policy(Period.ofMonths(59), RetentionTrigger.creation()).keepsAtLeastAsLongAs(fiveYears)).isFalse();
        assertThat(policy(Period.ofDays(5 * 366), RetentionTrigger.creation()).keepsAtLeastAsLongAs(fiveYears)).isFalse();
        assertThat(policy(Period.ofYears(9), RetentionTrigger.endOfCalendarYearOfCreation()).keepsAtLeastAsLongAs(fiveYears)).isFalse();
    }

    @Test
    void malformed_policies_are_rejected() {
        assertThatThrownBy(() -> policy(Period.ofYears(-1), RetentionTrigger.creation())).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> RetentionTrigger.event("Employment Ended")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new RetentionTrigger(java.util.Optional.empty(), RetentionTrigger.YearEnd.FISCAL,
                java.util.Optional.empty(), Period.ZERO)).isInstanceOf(InvalidRequestException.class);
    }
}

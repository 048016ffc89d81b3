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

    @Test
    void the_basis_follows_the_mode_unless_set() {
        assertThat(RetentionPolicy.builder(DocumentClass.of("x")).years(1).governance().build().basis()).isEqualTo(RetentionBasis.INTERNAL);
        assertThat(RetentionPolicy.builder(DocumentClass.of("x")).years(1).compliance().build().basis()).isEqualTo(RetentionBasis.LEGAL_OBLIGATION);
        assertThat(RetentionPolicy.builder(DocumentClass.of("x")).years(1).governance().legalObligation().build().basis())
                .isEqualTo(RetentionBasis.LEGAL_OBLIGATION);
    }

    @Test
    void compliance_mode_needs_a_legal_obligation_basis() {
        assertThatThrownBy(() -> RetentionPolicy.builder(DocumentClass.of("x")).years(1).compliance().internalSchedule().build())
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("basis");
    }

    @Test
    void no_retention_requirement_keeps_no_day_not_even_the_creation_day() {
        RetentionPolicy none = RetentionPolicy.builder(DocumentClass.of("x")).noRequirement().build();
        assertThat(none.retainUntil(LocalDate.of(2026, 3, 15))).isEqualTo(LocalDate.of(2026, 3, 14));
    }

    @Test
    void no_retention_requirement_refuses_a_period_or_an_event() {
        assertThatThrownBy(() -> RetentionPolicy.builder(DocumentClass.of("x")).noRequirement().years(1).build())
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("period");
        assertThatThrownBy(() -> RetentionPolicy.builder(DocumentClass.of("x")).noRequirement().trigger(RetentionTrigger.event("left")).build())
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("trigger");
    }

    @Test
    void a_weaker_basis_does_not_keep_at_least_as_long() {
        RetentionPolicy law = RetentionPolicy.builder(DocumentClass.of("x")).years(1).governance().legalObligation().build();
        RetentionPolicy internal = RetentionPolicy.builder(DocumentClass.of("x")).years(1).governance().internalSchedule().build();
        assertThat(internal.keepsAtLeastAsLongAs(law)).isFalse();
        assertThat(law.keepsAtLeastAsLongAs(internal)).isTrue();
    }

    @Test
    void a_policy_stored_without_a_basis_reads_as_a_legal_obligation() throws Exception {
        String json = dev.backoffice.core.json.BackofficeJson.mapper().writeValueAsString(
                RetentionPolicy.builder(DocumentClass.of("x")).years(1).governance().build()).replace(",\"basis\":\"INTERNAL\"", "");
        assertThat(json).doesNotContain("basis");
        assertThat(dev.backoffice.core.json.BackofficeJson.mapper().readValue(json, RetentionPolicy.class).basis())
                .isEqualTo(RetentionBasis.LEGAL_OBLIGATION);
    }
}

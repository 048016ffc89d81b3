package dev.backoffice.invoicing;

import dev.backoffice.core.error.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SeriesTest {

    private static final LocalDate D = LocalDate.of(2026, 3, 7);

    @Test
    void a_pattern_makes_numbers_from_the_issue_date_and_the_sequence() {
        assertThat(Series.of("FV", "FV/{yyyy}/{MM}/{seq}", NumberReset.MONTHLY).format(D, 12)).isEqualTo("FV/2026/03/12");
        assertThat(Series.of("INV", "INV-{yyyy}-{seq:5}", NumberReset.YEARLY).format(D, 42)).isEqualTo("INV-2026-00042");
        assertThat(Series.of("C", "C{seq:2}", NumberReset.NEVER).format(D, 123)).isEqualTo("C123");
    }

    @Test
    void the_period_follows_the_reset() {
        assertThat(Series.of("M", "{yyyy}{MM}{seq}", NumberReset.MONTHLY).period(D)).isEqualTo(NumberingPeriod.month(YearMonth.of(2026, 3)));
        assertThat(Series.of("Y", "{yyyy}/{seq}", NumberReset.YEARLY).period(D)).isEqualTo(NumberingPeriod.year(Year.of(2026)));
        assertThat(Series.of("N", "{seq}", NumberReset.NEVER).period(D)).isEqualTo(NumberingPeriod.whole());
        assertThat(NumberingPeriod.month(YearMonth.of(2026, 3)).key()).isEqualTo("2026-03");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "FV/{yyyy}/{MM};              MONTHLY; exactly one {seq}",
            "FV/{seq}/{seq};              NEVER;   exactly one {seq}",
            "FV/{yyyy}/{seq};             MONTHLY; must show {MM}",
            "FV/{MM}/{seq};               YEARLY;  must show {yyyy}",
            "FV/{yy}/{seq};               NEVER;   unknown placeholder",
            "FV/{seq:13};                 NEVER;   unknown placeholder",
            "FV/{seq;                     NEVER;   unknown placeholder"})
    void a_pattern_that_cannot_number_uniquely_is_refused_naming_the_pattern(String pattern, NumberReset reset, String why) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> Series.of("FV", pattern, reset));
        assertThat(e.code()).isEqualTo("invoicing.invalid_series");
        assertThat(e.violations().get(0).field()).isEqualTo("pattern");
        assertThat(e.getMessage()).contains(why);
    }

    @Test
    void a_series_code_is_letters_digits_dash_and_underscore() {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                () -> Series.of("F V", "{seq}", NumberReset.NEVER));
        assertThat(e.code()).isEqualTo("invoicing.invalid_series");
        assertThat(e.violations().get(0).field()).isEqualTo("code");
    }
}

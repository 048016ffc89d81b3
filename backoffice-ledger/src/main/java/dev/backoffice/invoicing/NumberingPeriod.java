package dev.backoffice.invoicing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.backoffice.core.validation.Check;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * The stretch of time in which a series counts from 1 to n without a gap: a year
 * ({@code 2026}), a month ({@code 2026-03}) or the whole life of a series that never resets
 * ({@code all}). The gap audit is run per series and period.
 *
 * @param key {@code yyyy}, {@code yyyy-MM} or {@code all}
 */
public record NumberingPeriod(String key) implements Comparable<NumberingPeriod> {

    private static final Pattern FORMAT = Pattern.compile("all|\\d{4}(-(0[1-9]|1[0-2]))?");

    public NumberingPeriod {
        Check.notNull(key, "period");
        Check.that(FORMAT.matcher(key).matches(), "period", "must be yyyy, yyyy-MM or all", key);
    }

    /** The period of {@code reset} that contains {@code date}. */
    public static NumberingPeriod of(NumberReset reset, LocalDate date) {
        Check.notNull(reset, "reset");
        Check.notNull(date, "date");
        return switch (reset) {
            case YEARLY -> year(Year.from(date));
            case MONTHLY -> month(YearMonth.from(date));
            case NEVER -> whole();
        };
    }

    /** A calendar year. */
    public static NumberingPeriod year(Year year) {
        return new NumberingPeriod(String.format("%04d", Check.notNull(year, "year").getValue()));
    }

    /** A calendar month. */
    public static NumberingPeriod month(YearMonth month) {
        Check.notNull(month, "month");
        return new NumberingPeriod(String.format("%04d-%02d", month.getYear(), month.getMonthValue()));
    }

    /** The whole life of a series that never resets. */
    public static NumberingPeriod whole() {
        return new NumberingPeriod("all");
    }

    /** Parses the key form. */
    @JsonCreator
    public static NumberingPeriod parse(String key) {
        return new NumberingPeriod(key);
    }

    @JsonValue
    @Override
    public String key() {
        return key;
    }

    @Override
    public int compareTo(NumberingPeriod o) {
        return key.compareTo(o.key);
    }

    @Override
    public String toString() {
        return key;
    }
}

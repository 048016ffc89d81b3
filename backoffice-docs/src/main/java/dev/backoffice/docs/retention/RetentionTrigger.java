package dev.backoffice.docs.retention;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.validation.Check;
import dev.backoffice.docs.DocsErrorCode;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * When a retention period starts counting.
 *
 * <p>The <em>trigger date</em> is the document's creation date, or the date of a named
 * business event recorded later against the document's owner ({@code employment-ended},
 * {@code contract-expired}). From it, the <em>anchor</em> is: the trigger date moved forward by
 * {@code deferral} (for "the year in which the tax payment deadline passed", typically the
 * year after), then rounded up to the end of its calendar or fiscal year if asked. The
 * retention runs to {@code anchor + period} inclusive.
 *
 * @param event         the business event, or empty for the creation date
 * @param yearEnd       whether and how the anchor is rounded up to a year end
 * @param fiscalYearEnd the last day of the fiscal year, for {@link YearEnd#FISCAL}
 * @param deferral      added to the trigger date before rounding; usually zero
 */
public record RetentionTrigger(Optional<String> event, YearEnd yearEnd, Optional<MonthDay> fiscalYearEnd, Period deferral) {

    private static final Pattern EVENT = Pattern.compile("[a-z][a-z0-9._-]{0,63}");

    /** Whether the anchor is rounded to a year end. */
    public enum YearEnd {
        /** The anchor is the (deferred) trigger date itself. */
        NONE,
        /** The anchor is 31 December of the (deferred) trigger date's year. */
        CALENDAR,
        /** The anchor is the last day of the fiscal year containing the (deferred) trigger date. */
        FISCAL
    }

    public RetentionTrigger {
        Check.notNull(event, "trigger.event");
        Check.notNull(yearEnd, "trigger.yearEnd");
        Check.notNull(fiscalYearEnd, "trigger.fiscalYearEnd");
        Check.notNull(deferral, "trigger.deferral");
        event.ifPresent(e -> {
            if (!EVENT.matcher(e).matches()) {
                throw DocsErrorCode.INVALID_POLICY.invalid("trigger.event",
                        "must be 1-64 characters of lowercase letters, digits, '.', '_' or '-'", e);
            }
        });
        if (yearEnd == YearEnd.FISCAL && fiscalYearEnd.isEmpty()) {
            throw DocsErrorCode.INVALID_POLICY.invalid("trigger.fiscalYearEnd", "is required for a fiscal year end", null);
        }
        if (yearEnd != YearEnd.FISCAL && fiscalYearEnd.isPresent()) {
            throw DocsErrorCode.INVALID_POLICY.invalid("trigger.fiscalYearEnd", "applies only to a fiscal year end", fiscalYearEnd.get());
        }
        if (deferral.isNegative()) {
            throw DocsErrorCode.INVALID_POLICY.invalid("trigger.deferral", "must not be negative", deferral);
        }
    }

    /** From the creation date. */
    public static RetentionTrigger creation() {
        return new RetentionTrigger(Optional.empty(), YearEnd.NONE, Optional.empty(), Period.ZERO);
    }

    /** From the end of the calendar year in which the document was created. */
    public static RetentionTrigger endOfCalendarYearOfCreation() {
        return new RetentionTrigger(Optional.empty(), YearEnd.CALENDAR, Optional.empty(), Period.ZERO);
    }

    /** From the end of the fiscal year (ending on {@code fiscalYearEnd}) in which the document was created. */
    public static RetentionTrigger endOfFiscalYearOfCreation(MonthDay fiscalYearEnd) {
        return new RetentionTrigger(Optional.empty(), YearEnd.FISCAL, Optional.of(Check.notNull(fiscalYearEnd, "fiscalYearEnd")), Period.ZERO);
    }

    /** From the date of the business event {@code name}, recorded against the owner. */
    public static RetentionTrigger event(String name) {
        return new RetentionTrigger(Optional.of(Check.notBlank(name, "event")), YearEnd.NONE, Optional.empty(), Period.ZERO);
    }

    /** From the end of the calendar year in which the business event {@code name} happened. */
    public static RetentionTrigger endOfCalendarYearOfEvent(String name) {
        return new RetentionTrigger(Optional.of(Check.notBlank(name, "event")), YearEnd.CALENDAR, Optional.empty(), Period.ZERO);
    }

    /** This trigger with the trigger date moved forward by {@code deferral} before rounding. */
    public RetentionTrigger deferredBy(Period deferral) {
        return new RetentionTrigger(event, yearEnd, fiscalYearEnd, deferral);
    }

    /** Whether the trigger waits for a business event. */
    public boolean waitsForEvent() {
        return event.isPresent();
    }

    /** The anchor date for a trigger date. */
    public LocalDate anchor(LocalDate triggerDate) {
        LocalDate d = triggerDate.plus(deferral);
        return switch (yearEnd) {
            case NONE -> d;
            case CALENDAR -> LocalDate.of(d.getYear(), 12, 31);
            case FISCAL -> {
                MonthDay end = fiscalYearEnd.orElseThrow();
                LocalDate candidate = end.atYear(d.getYear());
                yield candidate.isBefore(d) ? end.atYear(d.getYear() + 1) : candidate;
            }
        };
    }
}

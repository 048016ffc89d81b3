package dev.backoffice.docs.retention;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.validation.Check;
import dev.backoffice.docs.DocsErrors;
import dev.backoffice.docs.DocumentClass;
import dev.backoffice.docs.Names;

import java.time.LocalDate;
import java.time.Period;

/**
 * How long documents of a class are kept and what happens then.
 *
 * <p>The retention of a document ends on {@link #retainUntil(LocalDate)}: the anchor of its
 * trigger date plus {@code period}, that day included. It is due for disposition on any later
 * day.
 *
 * @param documentClass the class it governs (one policy per class and tenant)
 * @param name          a short human name, e.g. "Employee file (PL)"
 * @param period        how long after the anchor; not negative
 * @param trigger       when counting starts
 * @param action        what disposition does at the end
 * @param mode          governance (authorised override possible, audited) or compliance (no override at all)
 * @param source        the law or internal rule behind it, e.g. "Kodeks pracy art. 94^4 § 1"
 */
public record RetentionPolicy(DocumentClass documentClass, String name, Period period, RetentionTrigger trigger,
                              DispositionAction action, RetentionMode mode, String source) {

    public RetentionPolicy {
        Check.notNull(documentClass, "documentClass");
        Names.text(name, "name", 200);
        Check.notNull(period, "period");
        if (period.isNegative()) {
            throw InvalidRequestException.of(DocsErrors.INVALID_POLICY, "period", "must not be negative", period);
        }
        Check.notNull(trigger, "trigger");
        Check.notNull(action, "action");
        Check.notNull(mode, "mode");
        Names.text(source, "source", 500);
    }

    /** A builder for a policy of {@code documentClass}. */
    public static Builder builder(DocumentClass documentClass) {
        return new Builder(documentClass);
    }

    /** The last day of retention for a document whose trigger date is {@code triggerDate}. */
    public LocalDate retainUntil(LocalDate triggerDate) {
        return trigger.anchor(triggerDate).plus(period);
    }

    /**
     * Whether this policy keeps every document at least as long as {@code other} does: the same
     * trigger and a period that is not shorter in months nor in days. Conservative: a period of
     * 12 months does not count as "at least" 365 days.
     */
    public boolean keepsAtLeastAsLongAs(RetentionPolicy other) {
        return trigger.equals(other.trigger)
                && period.toTotalMonths() >= other.period.toTotalMonths()
                && period.getDays() >= other.period.getDays();
    }

    /** This policy for another class (catalogue entries name a default class). */
    public RetentionPolicy forClass(DocumentClass other) {
        return new RetentionPolicy(other, name, period, trigger, action, mode, source);
    }

    /** Builds a {@link RetentionPolicy}; defaults: trigger creation, action DELETE, mode GOVERNANCE, source "internal policy". */
    public static final class Builder {
        private final DocumentClass documentClass;
        private String name;
        private Period period;
        private RetentionTrigger trigger = RetentionTrigger.creation();
        private DispositionAction action = DispositionAction.DELETE;
        private RetentionMode mode = RetentionMode.GOVERNANCE;
        private String source = "internal policy";

        private Builder(DocumentClass documentClass) {
            this.documentClass = Check.notNull(documentClass, "documentClass");
            this.name = documentClass.code();
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder period(Period period) {
            this.period = period;
            return this;
        }

        public Builder years(int years) {
            return period(Period.ofYears(years));
        }

        public Builder trigger(RetentionTrigger trigger) {
            this.trigger = trigger;
            return this;
        }

        public Builder action(DispositionAction action) {
            this.action = action;
            return this;
        }

        public Builder mode(RetentionMode mode) {
            this.mode = mode;
            return this;
        }

        public Builder compliance() {
            return mode(RetentionMode.COMPLIANCE);
        }

        public Builder governance() {
            return mode(RetentionMode.GOVERNANCE);
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        public RetentionPolicy build() {
            return new RetentionPolicy(documentClass, name, period, trigger, action, mode, source);
        }
    }
}

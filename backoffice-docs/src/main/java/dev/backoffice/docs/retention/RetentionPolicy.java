package dev.backoffice.docs.retention;

import dev.backoffice.docs.DocsLimits;
import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.validation.Check;
import dev.backoffice.docs.DocsErrorCode;
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
 * @param basis         whether {@code source} is a legal obligation, an internal schedule, or no
 *                      requirement at all (what an erasure request may override; see
 *                      {@link RetentionBasis}). {@code null}, as in a policy stored before the basis
 *                      existed, reads as {@link RetentionBasis#LEGAL_OBLIGATION}: such a policy keeps
 *                      behaving as it did until someone states its basis
 */
public record RetentionPolicy(DocumentClass documentClass, String name, Period period, RetentionTrigger trigger,
                              DispositionAction action, RetentionMode mode, String source, RetentionBasis basis) {

    public RetentionPolicy {
        Check.notNull(documentClass, "documentClass");
        Names.text(name, "name", DocsLimits.MAX_NAME_LENGTH);
        Check.notNull(period, "period");
        if (period.isNegative()) {
            throw DocsErrorCode.INVALID_POLICY.invalid("period", "must not be negative", period);
        }
        Check.notNull(trigger, "trigger");
        Check.notNull(action, "action");
        Check.notNull(mode, "mode");
        Names.text(source, "source", DocsLimits.MAX_POLICY_SOURCE_LENGTH);
        if (basis == null) {
            basis = RetentionBasis.LEGAL_OBLIGATION;
        }
        if (mode == RetentionMode.COMPLIANCE && basis != RetentionBasis.LEGAL_OBLIGATION) {
            throw DocsErrorCode.INVALID_POLICY.invalid("basis",
                    "must be LEGAL_OBLIGATION in compliance mode: a lock nobody can lift needs a law that requires it", basis);
        }
        if (basis == RetentionBasis.NONE && !period.isZero()) {
            throw DocsErrorCode.INVALID_POLICY.invalid("period",
                    "must be zero when the basis is NONE (no retention requirement)", period);
        }
        if (basis == RetentionBasis.NONE && trigger.waitsForEvent()) {
            throw DocsErrorCode.INVALID_POLICY.invalid("trigger",
                    "must not wait for an event when the basis is NONE: with no requirement nothing waits", trigger.event().orElseThrow());
        }
    }

    /** A builder for a policy of {@code documentClass}. */
    public static Builder builder(DocumentClass documentClass) {
        return new Builder(documentClass);
    }

    /**
     * The last day of retention for a document whose trigger date is {@code triggerDate}. With
     * basis {@link RetentionBasis#NONE} it is the day before the anchor: no day is kept, so
     * the retention has ended already on the creation day.
     */
    public LocalDate retainUntil(LocalDate triggerDate) {
        LocalDate anchor = trigger.anchor(triggerDate);
        return basis == RetentionBasis.NONE ? anchor.minusDays(1) : anchor.plus(period);
    }

    /** Whether this policy cites a legal obligation (GDPR art. 17(3)(b) applies to its documents). */
    public boolean legalObligation() {
        return basis == RetentionBasis.LEGAL_OBLIGATION;
    }

    /**
     * Whether this policy keeps every document at least as long as {@code other} does: the same
     * trigger, a period that is not shorter in months nor in days, and a basis at least as strong
     * (an internal schedule yields to erasure where a legal obligation does not). Conservative: a
     * period of 12 months does not count as "at least" 365 days.
     */
    public boolean keepsAtLeastAsLongAs(RetentionPolicy other) {
        return trigger.equals(other.trigger)
                && basis.compareTo(other.basis) >= 0
                && period.toTotalMonths() >= other.period.toTotalMonths()
                && period.getDays() >= other.period.getDays();
    }

    /** This policy for another class (catalogue entries name a default class). */
    public RetentionPolicy forClass(DocumentClass other) {
        return new RetentionPolicy(other, name, period, trigger, action, mode, source, basis);
    }

    /**
     * Builds a {@link RetentionPolicy}; defaults: trigger creation, action DELETE, mode GOVERNANCE,
     * source "internal policy", and a basis that follows the mode unless set: LEGAL_OBLIGATION in
     * compliance mode, INTERNAL in governance mode.
     */
    public static final class Builder {
        private final DocumentClass documentClass;
        private String name;
        private Period period;
        private RetentionTrigger trigger = RetentionTrigger.creation();
        private DispositionAction action = DispositionAction.DELETE;
        private RetentionMode mode = RetentionMode.GOVERNANCE;
        private String source = "internal policy";
        private RetentionBasis basis;

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

        /** Why documents are kept ({@link RetentionBasis}). */
        public Builder basis(RetentionBasis basis) {
            this.basis = basis;
            return this;
        }

        /** The source is a law that requires keeping the documents (GDPR art. 17(3)(b)). */
        public Builder legalObligation() {
            return basis(RetentionBasis.LEGAL_OBLIGATION);
        }

        /** The source is the organisation's own schedule: it yields to an erasure request. */
        public Builder internalSchedule() {
            return basis(RetentionBasis.INTERNAL);
        }

        /**
         * No retention requirement: a zero period, basis {@link RetentionBasis#NONE}; documents may
         * be deleted or erased from the moment they are created.
         */
        public Builder noRequirement() {
            return basis(RetentionBasis.NONE).period(Period.ZERO);
        }

        public RetentionPolicy build() {
            RetentionBasis b = basis != null ? basis
                    : mode == RetentionMode.COMPLIANCE ? RetentionBasis.LEGAL_OBLIGATION : RetentionBasis.INTERNAL;
            return new RetentionPolicy(documentClass, name, period, trigger, action, mode, source, b);
        }
    }
}

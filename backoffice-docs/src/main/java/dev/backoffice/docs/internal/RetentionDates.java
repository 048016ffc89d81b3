package dev.backoffice.docs.internal;

import dev.backoffice.docs.DocumentReads;
import dev.backoffice.docs.OwnerRef;
import dev.backoffice.docs.retention.RetentionPolicy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** How a document's retention dates are computed: the same arithmetic at ingest, on an event, on a policy change and on an extension. */
final class RetentionDates {

    private RetentionDates() {
    }

    /**
     * The last day of retention of a document: the later of the policy's date and the
     * document's own extension, in both modes. Empty while the policy's date is unknown (the
     * event not yet recorded): an extension alone never starts a retention, it is a floor.
     */
    static Optional<LocalDate> later(Optional<LocalDate> policyUntil, Optional<LocalDate> extendedUntil) {
        if (policyUntil.isEmpty() || extendedUntil.isEmpty()) {
            return policyUntil;
        }
        return Optional.of(policyUntil.get().isAfter(extendedUntil.get()) ? policyUntil.get() : extendedUntil.get());
    }

    /**
     * The date the retention counts from: the creation date, or the latest date the policy's
     * event was recorded for any of the owners (empty while none is).
     */
    static Optional<LocalDate> triggerDate(DocumentReads r, RetentionPolicy policy, List<OwnerRef> owners, Instant createdAt, ZoneId zone) {
        if (!policy.trigger().waitsForEvent()) {
            return Optional.of(LocalDate.ofInstant(createdAt, zone));
        }
        String event = policy.trigger().event().orElseThrow();
        Optional<LocalDate> latest = Optional.empty();
        for (OwnerRef o : owners) {
            Optional<LocalDate> e = r.event(o, event);
            if (e.isPresent() && (latest.isEmpty() || e.get().isAfter(latest.get()))) {
                latest = e;
            }
        }
        return latest;
    }

    /** The trigger in words, for the audit log. */
    static String describe(RetentionPolicy p) {
        var t = p.trigger();
        return t.event().map(e -> "event " + e).orElse("creation")
                + (t.deferral().isZero() ? "" : " +" + t.deferral())
                + switch (t.yearEnd()) {
                    case NONE -> "";
                    case CALENDAR -> ", end of calendar year";
                    case FISCAL -> ", end of fiscal year ending " + t.fiscalYearEnd().orElseThrow();
                };
    }
}

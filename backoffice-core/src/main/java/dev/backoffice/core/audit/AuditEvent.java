package dev.backoffice.core.audit;

import dev.backoffice.core.validation.Check;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Something worth a permanent, tamper-evident record: who did what to which subject, with
 * details. Appending it to an {@link AuditLog} yields an {@link AuditRecord}.
 *
 * @param actor   who did it (a user id, a service name)
 * @param action  what was done, a stable dotted name such as {@code payroll.run_approved}
 * @param subject what it was done to, e.g. {@code payroll-run/2026-05}
 * @param details further facts, kept sorted by key so the record hashes deterministically
 */
public record AuditEvent(String actor, String action, String subject, SortedMap<String, String> details) {

    /** Longest actor accepted (characters); every module that records an actor uses this limit. */
    public static final int MAX_ACTOR_LENGTH = 200;
    /** Longest action accepted (characters). */
    public static final int MAX_ACTION_LENGTH = 200;
    /** Longest subject accepted (characters). */
    public static final int MAX_SUBJECT_LENGTH = 500;
    /** Longest reason accepted wherever a module asks why (characters): a reversal, a reopening, an order change. */
    public static final int MAX_REASON_LENGTH = 500;

    public AuditEvent {
        Check.text(actor, "actor", MAX_ACTOR_LENGTH);
        Check.text(action, "action", MAX_ACTION_LENGTH);
        Check.text(subject, "subject", MAX_SUBJECT_LENGTH);
        Check.notNull(details, "details");
        TreeMap<String, String> copy = new TreeMap<>();
        details.forEach((k, v) -> {
            Check.notBlank(k, "details key");
            copy.put(k, Check.notNull(v, "details[" + k + "]"));
        });
        details = java.util.Collections.unmodifiableSortedMap(copy);
    }

    /** An event with details (copied and sorted by key). */
    public static AuditEvent of(String actor, String action, String subject, Map<String, String> details) {
        return new AuditEvent(actor, action, subject, new TreeMap<>(Check.notNull(details, "details")));
    }

    /** An event without details. */
    public static AuditEvent of(String actor, String action, String subject) {
        return of(actor, action, subject, Map.of());
    }
}

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

    public AuditEvent {
        Check.text(actor, "actor", 200);
        Check.text(action, "action", 200);
        Check.text(subject, "subject", 500);
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

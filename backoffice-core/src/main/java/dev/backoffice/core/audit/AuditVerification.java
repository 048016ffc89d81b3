package dev.backoffice.core.audit;

import java.util.Optional;

/**
 * The outcome of {@link AuditLog#verify()}.
 *
 * @param recordsChecked how many records were read
 * @param firstBroken    the sequence number of the first record whose hash or link does not
 *                       match, if any: everything before it is intact
 * @param reason         why that record is broken (empty when intact)
 */
public record AuditVerification(long recordsChecked, Optional<Long> firstBroken, Optional<String> reason) {

    /** Whether the whole chain is intact. */
    public boolean intact() {
        return firstBroken.isEmpty();
    }

    static AuditVerification ok(long checked) {
        return new AuditVerification(checked, Optional.empty(), Optional.empty());
    }

    static AuditVerification broken(long checked, long sequence, String reason) {
        return new AuditVerification(checked, Optional.of(sequence), Optional.of(reason));
    }
}

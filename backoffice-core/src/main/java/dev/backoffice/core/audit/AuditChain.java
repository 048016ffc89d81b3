package dev.backoffice.core.audit;

import dev.backoffice.core.tenant.TenantId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;

/**
 * The hashing rule of the audit chain, shared by every store so that a log written by one can
 * be verified by another.
 *
 * <p>Canonical form: each field as its UTF-8 length in decimal, a colon, and the bytes, in the
 * order previousHash, tenant, sequence, recordedAt (ISO-8601), actor, action, subject, then
 * each detail key and value in key order. Length prefixes make the encoding unambiguous (no
 * separator can be forged inside a value).
 */
public final class AuditChain {

    /** The {@code previousHash} of a tenant's first record. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** The hash of a record with these fields. */
    public static String hash(String previousHash, TenantId tenant, long sequence, Instant recordedAt, AuditEvent event) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        field(sha, previousHash);
        field(sha, tenant.value());
        field(sha, Long.toString(sequence));
        field(sha, recordedAt.toString());
        field(sha, event.actor());
        field(sha, event.action());
        field(sha, event.subject());
        for (Iterator<Map.Entry<String, String>> it = event.details().entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, String> e = it.next();
            field(sha, e.getKey());
            field(sha, e.getValue());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Builds the next record after {@code previous} (null for the first). */
    static AuditRecord next(TenantId tenant, AuditRecord previous, Instant recordedAt, AuditEvent event) {
        long sequence = previous == null ? 1 : previous.sequence() + 1;
        // Databases keep microseconds: hash what will be stored, or verify() would fail later.
        recordedAt = recordedAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        String prevHash = previous == null ? GENESIS : previous.hash();
        return new AuditRecord(tenant, sequence, recordedAt, event, prevHash, hash(prevHash, tenant, sequence, recordedAt, event));
    }

    /** Verifies records in order, starting from the genesis (a store whose records are its own head). */
    static AuditVerification verify(Iterable<AuditRecord> records) {
        Verifier verifier = new Verifier();
        for (AuditRecord r : records) {
            if (!verifier.accept(r)) {
                break;
            }
        }
        return verifier.result();
    }

    /**
     * Checks a chain one record at a time, in sequence order, from the genesis, so a store can
     * verify a log of any length page by page without holding it in memory. The first failure is
     * kept; later calls change nothing.
     */
    static final class Verifier {
        private String expectedPrevious = GENESIS;
        private long expectedSequence = 1;
        private long checked;
        private AuditVerification broken;

        /** Checks the next record; false once the chain is broken (there is no point reading on). */
        boolean accept(AuditRecord r) {
            if (broken != null) {
                return false;
            }
            checked++;
            if (r.sequence() != expectedSequence) {
                return breakAt(expectedSequence, "record " + expectedSequence + " is missing (found " + r.sequence() + ")");
            }
            if (!r.previousHash().equals(expectedPrevious)) {
                return breakAt(r.sequence(), "link to the previous record does not match");
            }
            String recomputed = hash(r.previousHash(), r.tenant(), r.sequence(), r.recordedAt(), r.event());
            if (!recomputed.equals(r.hash())) {
                return breakAt(r.sequence(), "content does not match its hash (the record was altered)");
            }
            expectedPrevious = r.hash();
            expectedSequence++;
            return true;
        }

        /** The next record exists but cannot be read as a record (say its details are not JSON). */
        boolean unreadable(long sequence, String why) {
            if (broken != null) {
                return false;
            }
            checked++;
            if (sequence != expectedSequence) {
                return breakAt(expectedSequence, "record " + expectedSequence + " is missing (found " + sequence + ")");
            }
            return breakAt(sequence, "record " + sequence + " cannot be read: " + why);
        }

        /**
         * Compares the end of the chain with the head the store keeps apart from the records (its
         * last sequence and hash, 0 and {@link #GENESIS} when the store has no head for the
         * tenant): records deleted from the end, or all of them, leave the head pointing past them.
         */
        boolean endsAt(long headSequence, String headHash) {
            if (broken != null) {
                return false;
            }
            long last = expectedSequence - 1;
            if (last < headSequence) {
                return breakAt(last + 1, "records " + (last + 1) + " to " + headSequence
                        + " are missing: the chain head says the log ends at " + headSequence + " (deleted from the end)");
            }
            if (last > headSequence) {
                return breakAt(headSequence + 1, "record " + (headSequence + 1) + " is beyond the chain head ("
                        + (headSequence == 0 ? "there is none" : "it ends at " + headSequence) + ")");
            }
            if (!expectedPrevious.equals(headHash)) {
                return breakAt(last, "the last record's hash does not match the chain head");
            }
            return true;
        }

        AuditVerification result() {
            return broken != null ? broken : AuditVerification.ok(checked);
        }

        private boolean breakAt(long sequence, String reason) {
            broken = AuditVerification.broken(checked, sequence, reason);
            return false;
        }
    }

    private static void field(MessageDigest sha, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
    }
}

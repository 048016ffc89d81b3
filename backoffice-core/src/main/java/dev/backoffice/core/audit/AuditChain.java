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

    /** Verifies records in order, starting from the genesis. */
    static AuditVerification verify(Iterable<AuditRecord> records) {
        String expectedPrev = GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        for (AuditRecord r : records) {
            checked++;
            if (r.sequence() != expectedSeq) {
                return AuditVerification.broken(checked, expectedSeq, "record " + expectedSeq + " is missing (found " + r.sequence() + ")");
            }
            if (!r.previousHash().equals(expectedPrev)) {
                return AuditVerification.broken(checked, r.sequence(), "link to the previous record does not match");
            }
            String recomputed = hash(r.previousHash(), r.tenant(), r.sequence(), r.recordedAt(), r.event());
            if (!recomputed.equals(r.hash())) {
                return AuditVerification.broken(checked, r.sequence(), "content does not match its hash (the record was altered)");
            }
            expectedPrev = r.hash();
            expectedSeq++;
        }
        return AuditVerification.ok(checked);
    }

    private static void field(MessageDigest sha, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
    }
}

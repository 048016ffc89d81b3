package dev.backoffice.core.audit;

import dev.backoffice.core.tenant.TenantId;

import java.time.Instant;

/**
 * An {@link AuditEvent} as stored: numbered, timestamped and chained.
 *
 * <p>{@code hash} is the SHA-256 (hex) of {@code previousHash} and every other field of this
 * record in a fixed canonical form ({@link AuditChain#hash}); {@code previousHash} of the first
 * record of a tenant is 64 zeros. Changing any stored field, or deleting or reordering records,
 * breaks the chain at that point, which {@link AuditLog#verify()} reports.
 *
 * @param tenant       the tenant whose log it is
 * @param sequence     position in the tenant's log, from 1, without gaps
 * @param recordedAt   when it was appended (from the injected clock)
 * @param event        what happened
 * @param previousHash hash of the record before (64 zeros for the first)
 * @param hash         this record's hash
 */
public record AuditRecord(TenantId tenant, long sequence, Instant recordedAt, AuditEvent event,
                          String previousHash, String hash) {
}

package dev.backoffice.docs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Evidence that a document was disposed of (deleted, erased or archived, or queued for
 * review), as written to the hash-chained audit log: what, under which policy, when, by whom,
 * and the SHA-256 of every version's content. No title or owner is recorded: the audit log is
 * permanent and those may be personal data.
 *
 * @param documentId    the document
 * @param documentClass its class
 * @param action        the audit action: {@code docs.disposed}, {@code docs.deleted}, {@code docs.deleted_early},
 *                      {@code docs.erased}, {@code docs.archived} or {@code docs.review_queued}
 * @param policyName    the retention policy applied
 * @param policySource  the law or rule behind it
 * @param retainUntil   the last day of retention it had
 * @param asOf          the date the disposal was decided for
 * @param actor         who did it
 * @param reason        why, for overrides and erasures (empty otherwise)
 * @param contentHashes SHA-256 of each version's content, oldest first
 * @param auditSequence the sequence number of the audit record
 * @param recordedAt    when the audit record was written
 */
public record DisposalCertificate(DocumentId documentId, DocumentClass documentClass, String action, String policyName,
                                  String policySource, Optional<LocalDate> retainUntil, LocalDate asOf, String actor,
                                  String reason, List<ContentHash> contentHashes, long auditSequence, Instant recordedAt) {
    public DisposalCertificate {
        contentHashes = List.copyOf(contentHashes);
    }
}

package dev.backoffice.docs;

import java.time.LocalDate;
import java.util.List;

/**
 * What a disposition run did.
 *
 * @param asOf           the date it ran for
 * @param disposed       certificates of documents deleted
 * @param archived       certificates of documents moved to the permanent archive
 * @param queuedForReview certificates of documents put in the review queue
 * @param keptUnderHold  documents due but kept because a legal hold covers them
 * @param blobsPurged    content blobs deleted (no live document used them any more)
 */
public record DispositionReport(LocalDate asOf, List<DisposalCertificate> disposed, List<DisposalCertificate> archived,
                                List<DisposalCertificate> queuedForReview, List<DocumentId> keptUnderHold, long blobsPurged) {
    public DispositionReport {
        disposed = List.copyOf(disposed);
        archived = List.copyOf(archived);
        queuedForReview = List.copyOf(queuedForReview);
        keptUnderHold = List.copyOf(keptUnderHold);
    }
}

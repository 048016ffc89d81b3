package dev.backoffice.docs.internal;

import dev.backoffice.docs.DispositionObserver;
import dev.backoffice.docs.HoldAuthorizer;
import dev.backoffice.docs.OverrideAuthorizer;
import dev.backoffice.docs.blob.BlobStore;

import java.time.Clock;
import java.time.ZoneId;

/**
 * What an {@code Archive} was built with, shared by every tenant's archive. The {@code Archive}
 * applies the defaults; this only carries the result.
 *
 * @param blobs                where content lives
 * @param clock                the clock
 * @param zone                 the zone of business dates
 * @param maxContentBytes      the largest content accepted
 * @param overrideAuthorizer   who may override governance-mode retention
 * @param holdAuthorizer       who may place and release holds and extend retentions
 * @param observer             told of each committed certificate
 * @param dispositionBatchSize documents per disposition transaction
 */
public record ArchiveSettings(BlobStore blobs, Clock clock, ZoneId zone, long maxContentBytes, OverrideAuthorizer overrideAuthorizer,
                              HoldAuthorizer holdAuthorizer, DispositionObserver observer, int dispositionBatchSize) {

    /**
     * The settings (the arguments are checked by the builder that gathered them).
     *
     * @param blobs                where content lives
     * @param clock                the clock
     * @param zone                 the zone of business dates
     * @param maxContentBytes      the largest content accepted
     * @param overrideAuthorizer   who may override governance-mode retention
     * @param holdAuthorizer       who may place and release holds and extend retentions
     * @param observer             told of each committed certificate
     * @param dispositionBatchSize documents per disposition transaction
     * @return the settings
     */
    public static ArchiveSettings of(BlobStore blobs, Clock clock, ZoneId zone, long maxContentBytes, OverrideAuthorizer overrideAuthorizer,
                                     HoldAuthorizer holdAuthorizer, DispositionObserver observer, int dispositionBatchSize) {
        return new ArchiveSettings(blobs, clock, zone, maxContentBytes, overrideAuthorizer, holdAuthorizer, observer, dispositionBatchSize);
    }
}

package dev.backoffice.docs;

import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.audit.InMemoryAuditStore;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.docs.blob.BlobStore;
import dev.backoffice.docs.internal.ArchiveSettings;
import dev.backoffice.docs.internal.DefaultTenantArchive;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The document archive: the front door. Build one with {@link #builder()}, share it, and work
 * per tenant through {@link #forTenant(TenantId)}.
 *
 * <pre>{@code
 * Archive archive = Archive.builder()
 *         .store(InMemoryDocumentStore.create())
 *         .blobs(FileSystemBlobStore.create(Path.of("/var/lib/archive")))
 *         .audit(InMemoryAuditStore.create(clock))
 *         .clock(clock)
 *         .zone(ZoneId.of("Europe/Warsaw"))
 *         .holdAuthorizer((actor, action) -> actor.equals("legal"))
 *         .build();
 * }</pre>
 *
 * <p>Every path that removes content (disposition, review approval, deletion, early deletion,
 * erasure) goes through one guard: a legal hold always wins; a compliance-mode retention can
 * never be ended early, not by any actor or method; a governance-mode retention only by an
 * actor the {@link OverrideAuthorizer} allows, with a reason, audited. Placing and releasing
 * holds and extending retentions need an actor the {@link HoldAuthorizer} allows.
 *
 * <p>Thread-safe.
 */
public final class Archive {

    /** Default content size limit: 4 GiB. */
    public static final long DEFAULT_MAX_CONTENT_BYTES = 4L << 30;

    /** Default number of documents per disposition transaction. */
    public static final int DEFAULT_DISPOSITION_BATCH_SIZE = 500;

    /** Largest number of documents per disposition transaction. */
    public static final int MAX_DISPOSITION_BATCH_SIZE = 10_000;

    private final DocumentStore store;
    private final AuditStore audit;
    private final ArchiveSettings settings;
    private final ConcurrentMap<TenantId, TenantArchive> tenants = new ConcurrentHashMap<>();

    /** Every default is applied here, and only here. */
    private Archive(Builder b) {
        this.store = Check.notNull(b.store, "store");
        BlobStore blobs = Check.notNull(b.blobs, "blobs");
        Clock clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.audit = b.audit == null ? InMemoryAuditStore.create(clock) : b.audit;
        this.settings = ArchiveSettings.of(blobs, clock,
                b.zone == null ? ZoneOffset.UTC : b.zone,
                b.maxContentBytes == null ? DEFAULT_MAX_CONTENT_BYTES : b.maxContentBytes,
                b.overrideAuthorizer == null ? OverrideAuthorizer.NOBODY : b.overrideAuthorizer,
                b.holdAuthorizer == null ? HoldAuthorizer.NOBODY : b.holdAuthorizer,
                b.observer == null ? DispositionObserver.NONE : b.observer,
                b.batchSize == null ? DEFAULT_DISPOSITION_BATCH_SIZE : b.batchSize);
    }

    /**
     * A builder; {@link Builder#store} and {@link Builder#blobs} are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The archive of {@code tenant}: one per tenant, made on first use and shared.
     *
     * @param tenant the tenant
     * @return its archive
     */
    public TenantArchive forTenant(TenantId tenant) {
        Check.notNull(tenant, "tenant");
        TenantArchive t = tenants.get(tenant);
        return t != null ? t : tenants.computeIfAbsent(tenant,
                id -> DefaultTenantArchive.create(settings, id, store.forTenant(id), audit.forTenant(id)));
    }

    /**
     * The blob store in use.
     *
     * @return the blob store
     */
    public BlobStore blobs() {
        return settings.blobs();
    }

    /**
     * The configured content size limit.
     *
     * @return the largest content accepted, in bytes
     */
    public long maxContentBytes() {
        return settings.maxContentBytes();
    }

    /** Builds an {@link Archive}. Every setter checks its argument at once. */
    public static final class Builder {
        private DocumentStore store;
        private BlobStore blobs;
        private AuditStore audit;
        private Clock clock;
        private ZoneId zone;
        private Long maxContentBytes;
        private OverrideAuthorizer overrideAuthorizer;
        private HoldAuthorizer holdAuthorizer;
        private DispositionObserver observer;
        private Integer batchSize;

        private Builder() {
        }

        /**
         * Where documents, policies, holds and events live (required).
         *
         * @param store the document store
         * @return this builder
         */
        public Builder store(DocumentStore store) {
            this.store = Check.notNull(store, "store");
            return this;
        }

        /**
         * Where content lives (required).
         *
         * @param blobs the blob store
         * @return this builder
         */
        public Builder blobs(BlobStore blobs) {
            this.blobs = Check.notNull(blobs, "blobs");
            return this;
        }

        /**
         * Where certificates, holds, overrides and refusals are recorded (default: an in-memory
         * log). With a JDBC document store, pass a {@code JdbcAuditStore} over the same data
         * source: each certificate then lands in the same transaction as its disposal.
         *
         * @param audit the audit store
         * @return this builder
         */
        public Builder audit(AuditStore audit) {
            this.audit = Check.notNull(audit, "audit");
            return this;
        }

        /**
         * The clock (default: system UTC).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Check.notNull(clock, "clock");
            return this;
        }

        /**
         * The zone that turns instants into business dates (default UTC).
         *
         * @param zone the zone
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = Check.notNull(zone, "zone");
            return this;
        }

        /**
         * The largest content accepted, in bytes (default {@link #DEFAULT_MAX_CONTENT_BYTES}).
         *
         * @param max a positive number of bytes
         * @return this builder
         */
        public Builder maxContentBytes(long max) {
            this.maxContentBytes = Check.positive(max, "maxContentBytes");
            return this;
        }

        /**
         * Who may override governance-mode retention (default: nobody).
         *
         * @param authorizer the authoriser
         * @return this builder
         */
        public Builder overrideAuthorizer(OverrideAuthorizer authorizer) {
            this.overrideAuthorizer = Check.notNull(authorizer, "authorizer");
            return this;
        }

        /**
         * Who may place and release legal holds and extend retentions (default: nobody).
         * Refused attempts are audited.
         *
         * @param holdAuthorizer the authoriser
         * @return this builder
         */
        public Builder holdAuthorizer(HoldAuthorizer holdAuthorizer) {
            this.holdAuthorizer = Check.notNull(holdAuthorizer, "holdAuthorizer");
            return this;
        }

        /**
         * Told of each committed certificate (default: nothing).
         *
         * @param observer the observer
         * @return this builder
         */
        public Builder observer(DispositionObserver observer) {
            this.observer = Check.notNull(observer, "observer");
            return this;
        }

        /**
         * Documents per disposition transaction (default {@link #DEFAULT_DISPOSITION_BATCH_SIZE}).
         *
         * @param size 1 to {@link #MAX_DISPOSITION_BATCH_SIZE}
         * @return this builder
         */
        public Builder dispositionBatchSize(int size) {
            Check.that(size >= 1 && size <= MAX_DISPOSITION_BATCH_SIZE, "batchSize", "must be 1 to " + MAX_DISPOSITION_BATCH_SIZE, size);
            this.batchSize = size;
            return this;
        }

        /**
         * The archive.
         *
         * @return a new archive
         * @throws dev.backoffice.core.error.InvalidRequestException if the store or the blob store is missing
         */
        public Archive build() {
            return new Archive(this);
        }
    }
}

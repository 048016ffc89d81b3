package dev.backoffice.docs;

import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.docs.blob.BlobStore;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;

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
 */
public final class Archive {

    /** Default content size limit: 4 GiB. */
    public static final long DEFAULT_MAX_CONTENT_BYTES = 4L << 30;

    final DocumentStore store;
    final BlobStore blobs;
    final AuditStore audit;
    final Clock clock;
    final ZoneId zone;
    final long maxContentBytes;
    final OverrideAuthorizer authorizer;
    final HoldAuthorizer holdAuthorizer;
    final DispositionObserver observer;
    final int batchSize;

    private Archive(Builder b) {
        this.store = Check.notNull(b.store, "store");
        this.blobs = Check.notNull(b.blobs, "blobs");
        this.audit = Check.notNull(b.audit, "audit");
        this.clock = Check.notNull(b.clock, "clock");
        this.zone = Check.notNull(b.zone, "zone");
        this.maxContentBytes = Check.positive(b.maxContentBytes, "maxContentBytes");
        this.authorizer = Check.notNull(b.authorizer, "authorizer");
        this.holdAuthorizer = Check.notNull(b.holdAuthorizer, "holdAuthorizer");
        this.observer = Check.notNull(b.observer, "observer");
        Check.that(b.batchSize >= 1 && b.batchSize <= 10_000, "batchSize", "must be 1 to 10000", b.batchSize);
        this.batchSize = b.batchSize;
    }

    /** A builder; store, blobs and audit are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The archive of {@code tenant}. */
    public TenantArchive forTenant(TenantId tenant) {
        Check.notNull(tenant, "tenant");
        return new TenantArchive(this, tenant, store.forTenant(tenant), audit.forTenant(tenant));
    }

    /** The blob store in use. */
    public BlobStore blobs() {
        return blobs;
    }

    /** The configured content size limit. */
    public long maxContentBytes() {
        return maxContentBytes;
    }

    /** Builds an {@link Archive}. */
    public static final class Builder {
        private DocumentStore store;
        private BlobStore blobs;
        private AuditStore audit;
        private Clock clock = Clock.systemUTC();
        private ZoneId zone = ZoneOffset.UTC;
        private long maxContentBytes = DEFAULT_MAX_CONTENT_BYTES;
        private OverrideAuthorizer authorizer = OverrideAuthorizer.NOBODY;
        private HoldAuthorizer holdAuthorizer = HoldAuthorizer.NOBODY;
        private DispositionObserver observer = DispositionObserver.NONE;
        private int batchSize = 500;

        private Builder() {
        }

        /** Where documents, policies, holds and events live. */
        public Builder store(DocumentStore store) {
            this.store = store;
            return this;
        }

        /** Where content lives. */
        public Builder blobs(BlobStore blobs) {
            this.blobs = blobs;
            return this;
        }

        /**
         * Where certificates and overrides are recorded. With a JDBC document store, pass a
         * {@code JdbcAuditStore} over the same data source: each certificate then lands in the
         * same transaction as its disposal.
         */
        public Builder audit(AuditStore audit) {
            this.audit = audit;
            return this;
        }

        /** The clock (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** The zone that turns instants into business dates (default UTC). */
        public Builder zone(ZoneId zone) {
            this.zone = zone;
            return this;
        }

        /** The largest content accepted, in bytes (default 4 GiB). */
        public Builder maxContentBytes(long max) {
            this.maxContentBytes = max;
            return this;
        }

        /** Who may override governance-mode retention (default: nobody). */
        public Builder overrideAuthorizer(OverrideAuthorizer authorizer) {
            this.authorizer = authorizer;
            return this;
        }

        /**
         * Who may place and release legal holds and extend retentions (default: nobody). Refused
         * attempts are audited.
         */
        public Builder holdAuthorizer(HoldAuthorizer holdAuthorizer) {
            this.holdAuthorizer = holdAuthorizer;
            return this;
        }

        /** Told of each committed certificate (default: nothing). */
        public Builder observer(DispositionObserver observer) {
            this.observer = observer;
            return this;
        }

        /** Documents per disposition transaction (default 500). */
        public Builder dispositionBatchSize(int size) {
            this.batchSize = size;
            return this;
        }

        public Archive build() {
            return new Archive(this);
        }
    }
}

package dev.backoffice.docs.internal;

import dev.backoffice.docs.ContentHash;

import java.util.List;
import java.util.Set;

/**
 * Deletes content whose last live document was disposed of, after the disposal committed. Each
 * queued hash is re-checked under the tenant lock: a new document may have brought the same
 * content back, and then it stays.
 */
final class Purger {

    private final TenantContext ctx;

    Purger(TenantContext ctx) {
        this.ctx = ctx;
    }

    /** Empties the purge queue; returns how many blobs were deleted. */
    long purgePending() {
        long deleted = 0;
        while (true) {
            List<ContentHash> pending = ctx.store.read().pendingPurges(TenantContext.PAGE);
            if (pending.isEmpty()) {
                return deleted;
            }
            deleted += ctx.store.write(tx -> {
                tx.lockTenant();
                Set<ContentHash> live = tx.contentInUse(pending);
                long n = 0;
                for (ContentHash h : pending) {
                    if (!live.contains(h) && ctx.settings.blobs().delete(ctx.tenant, h)) {
                        n++;
                    }
                }
                tx.removePurges(pending);
                return n;
            });
        }
    }
}

package dev.backoffice.core.store.placement;

import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;

import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link TenantPlacement} that can change while the application runs: a tenant move
 * ({@code core.store.move.TenantMove}) switches a tenant to its new database with
 * {@link #place}. Handles of a routed store ask the placement on every call, so a front door's
 * cached handle follows the switch at its next call.
 *
 * <p>The placement of one process: other processes learn of a move from the fence
 * ({@code storage.tenant_moved} on the old database) and from the application's own tenant
 * directory, which the operator updates when the move reports done.
 */
public final class MovablePlacement implements TenantPlacement {

    private final ConcurrentHashMap<TenantId, String> placements = new ConcurrentHashMap<>();

    private MovablePlacement() {
    }

    /** A placement that starts as {@code placements} (tenant to database key). */
    public static MovablePlacement of(Map<TenantId, String> placements) {
        Check.notNull(placements, "placements");
        MovablePlacement p = new MovablePlacement();
        placements.forEach(p::place);
        return p;
    }

    @Override
    public String placeOf(TenantId tenant) {
        Check.notNull(tenant, "tenant");
        String key = placements.get(tenant);
        if (key == null) {
            throw TenantPlacement.notPlaced(tenant);
        }
        return key;
    }

    /** Places {@code tenant} in the database {@code key} from now on (the switch step of a move). */
    public void place(TenantId tenant, String key) {
        placements.put(Check.notNull(tenant, "tenant"), Check.notBlank(key, "key"));
    }

    @Override
    public String toString() {
        return "MovablePlacement" + new TreeSet<>(placements.values());
    }
}

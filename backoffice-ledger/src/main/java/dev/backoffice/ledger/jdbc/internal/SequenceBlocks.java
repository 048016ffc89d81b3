package dev.backoffice.ledger.jdbc.internal;

import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.jdbc.TenantFence;
import dev.backoffice.core.tenant.TenantId;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Entry sequence numbers for one store: blocks of {@value #BLOCK} taken from the database
 * sequence {@code ledger_sequence_block} (one round trip per block, never rolled back), handed
 * out in increasing order. Unique across processes and strictly increasing within one; a block
 * cut short by a restart leaves a gap, which the SPI allows.
 *
 * <p><b>Tenants moved in</b> (issue #20). A tenant moved here from another database brings its
 * entries with the numbers they had there ({@code journal(afterSequence)} readers rely on
 * that); the move advances this database's sequence past them, but a block this store took
 * before the move may lie below them. So, over a moveable database ({@link TenantFence}), a
 * write transaction asks for its tenant's <em>floor</em> ({@link #floor}) before its first
 * number, and {@link #next(Connection, long)} never hands out a number at or below it: the block
 * is left (a gap) and a new one taken. The floor is the tenant's largest entry number, read
 * once per tenant and move: the fence row names the move that brought the tenant here
 * ({@code move_id}), and only a new move id makes the store read it again. A tenant that never
 * moved in has no move id there and no floor: all its numbers came from this database's blocks.
 * The cost over a moveable database is one primary-key read of the fence row per write
 * transaction; over a plain one nothing.
 */
public final class SequenceBlocks {

    static final int BLOCK = 1000;

    private final boolean tenantsMoveIn;
    /** Per tenant: the move id under which its floor was read, and the floor. Only tenants open after a move. */
    private final Map<TenantId, Floor> floors = new ConcurrentHashMap<>();

    private long next = 1;
    private long end = 0; // exclusive

    private record Floor(String moveId, long floor) {
    }

    SequenceBlocks(boolean tenantsMoveIn) {
        this.tenantsMoveIn = tenantsMoveIn;
    }

    /** A source with no block yet, for a database no tenant is moved into (internal classes have no public constructor). */
    public static SequenceBlocks create() {
        return new SequenceBlocks(false);
    }

    /**
     * A source with no block yet; {@code tenantsMoveIn}: whether tenants may be moved into its
     * database (its {@code Jdbc} {@link Jdbc#checksFences() checks fences}), so that numbers keep
     * above a moved tenant's imported ones.
     */
    public static SequenceBlocks create(boolean tenantsMoveIn) {
        return new SequenceBlocks(tenantsMoveIn);
    }

    /** The next sequence number, fetching a block through {@code c} when the current one is used up. */
    public long next(Connection c) throws SQLException {
        return next(c, 0);
    }

    /**
     * The next sequence number above {@code floor} (a tenant's {@link #floor}): a block at or
     * below it is left, and the next one taken from the database sequence.
     */
    public synchronized long next(Connection c, long floor) throws SQLException {
        while (next >= end || next <= floor) {
            long start = LedgerSql.nextSequenceBlock(c);
            next = start;
            end = start + BLOCK;
        }
        return next++;
    }

    /**
     * The number {@code tenant}'s next entry must exceed, read through {@code c} (the write
     * transaction's connection): 0 unless the tenant was moved into this database. See the class
     * comment.
     */
    public long floor(Connection c, TenantId tenant) throws SQLException {
        if (!tenantsMoveIn) {
            return 0;
        }
        String state = null;
        String moveId = null;
        try (var ps = c.prepareStatement("SELECT state, move_id FROM " + TenantFence.TABLE + " WHERE tenant_id = ?")) {
            ps.setString(1, tenant.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    state = rs.getString(1);
                    moveId = rs.getString(2);
                }
            }
        }
        if (moveId == null) {
            return 0; // never moved in here (or the move was rolled back): every number of it came from this database
        }
        Floor known = floors.get(tenant);
        if (known != null && known.moveId.equals(moveId)) {
            return known.floor;
        }
        long floor = Jdbc.queryOne(c, "SELECT COALESCE(MAX(sequence), 0) FROM ledger_entry WHERE tenant_id = ?",
                rs -> rs.getLong(1), tenant.value()).orElse(0L);
        if (TenantFence.OPEN.equals(state)) {
            // Only once the move has opened the tenant here is its import complete: a floor read
            // earlier (a write that the fence will refuse anyway) is used once and not kept.
            floors.put(tenant, new Floor(moveId, floor));
        }
        return floor;
    }
}

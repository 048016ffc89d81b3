package dev.backoffice.core.jdbc;

import dev.backoffice.core.error.CoreErrorCode;
import dev.backoffice.core.error.StorageException;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Write fences of tenants on a database that tenants can be moved away from: while a tenant is
 * fenced there, every write transaction of that tenant on that database is refused with
 * {@code storage.tenant_moving} (retryable: run the call again in a moment), and once it has moved
 * away with {@code storage.tenant_moved} (retryable once the placement names its new database);
 * other tenants never notice.
 *
 * <p>How: the stores of a moveable database are built over {@link #moveable(DataSource)}. Every
 * write transaction {@link Jdbc} runs over it reads the tenant's row of
 * {@code backoffice_tenant_fence} with a shared row lock ({@code SELECT ... FOR SHARE}; H2 has no
 * shared row locks and takes {@code FOR UPDATE}) as its last statement before the commit, and
 * refuses the commit unless the row is {@code open}. The lock is held until the commit, so a
 * mover's fencing {@code UPDATE} of that row waits for every write that passed the check to
 * commit, and every write that checks after the fence sees it. This holds across JVMs: the fence
 * is a row of the database, not a flag of a process. A tenant without a row is open; its first
 * write inserts the row (so that a fence cannot slip in between the check and the commit).
 *
 * <p>Which tenants a transaction writes for, said explicitly, never guessed from the logging
 * context: every store of the SDK opens (or joins) its transactions for the tenant of its
 * handle ({@link Jdbc#inTransaction(TenantId, TransactionWork)}), and a transaction joined by
 * stores of several tenants is checked against each of their fences. Code that writes through
 * {@link Jdbc} itself, without a store, names its tenant with {@link #enter} (the routed stores
 * of a {@code Placement} do so for every call, too); that tenant is checked as well. A write
 * transaction over a moveable database for no tenant is refused ({@code storage.failure}): a
 * write that cannot be fenced must not land where a tenant may be moving away from.
 *
 * <p>Cost: stores over a plain {@code DataSource} pay nothing (one boolean test per commit).
 * Over a moveable one, each write transaction sends one more statement.
 */
public final class TenantFence {

    /** The table of fences (one row per tenant), installed by {@link #install}. */
    public static final String TABLE = "backoffice_tenant_fence";
    /** The schema scripts under {@code db/fence/}, in order. */
    public static final List<String> SCRIPTS = List.of("V1__tenant_fence.sql");
    /** The module name of the fence table's scripts ({@code db/fence/}). */
    public static final String MODULE = "fence";

    /** State of a tenant on a database: writes land. */
    public static final String OPEN = "open";
    /** State: writes are refused for a while ({@code storage.tenant_moving}). */
    public static final String FENCED = "fenced";
    /** State: a move is bringing the tenant here; writes are refused until it opens. */
    public static final String INCOMING = "incoming";
    /** State: the tenant moved away for good ({@code storage.tenant_moved}). */
    public static final String MOVED = "moved";

    private static final ThreadLocal<TenantId> CURRENT = new ThreadLocal<>();

    private TenantFence() {
    }

    /**
     * {@code dataSource} as a database tenants can be moved away from: stores built over the
     * returned data source check each write transaction's tenant against its fence (see the
     * class comment). The fence table is installed now unless {@code installSchema} is false
     * (then Flyway runs {@code db/fence/V1__tenant_fence.sql}). Build every store of that
     * database over the same returned object.
     */
    public static DataSource moveable(DataSource dataSource, boolean installSchema) {
        Check.notNull(dataSource, "dataSource");
        if (dataSource instanceof Moveable m) {
            return m;
        }
        if (installSchema) {
            install(Jdbc.of(dataSource));
        }
        return new Moveable(dataSource);
    }

    /** {@link #moveable(DataSource, boolean)} installing the fence table. */
    public static DataSource moveable(DataSource dataSource) {
        return moveable(dataSource, true);
    }

    /** Whether stores over {@code dataSource} check fences. */
    public static boolean isMoveable(DataSource dataSource) {
        return dataSource instanceof Moveable;
    }

    /** The data source under a {@link #moveable} one (the one a mover reads and writes unfenced). */
    public static DataSource unfenced(DataSource dataSource) {
        Check.notNull(dataSource, "dataSource");
        return dataSource instanceof Moveable m ? m.delegate() : dataSource;
    }

    /** Installs the fence table (idempotent; respects {@link Jdbc#withSchemaInstall}). */
    public static void install(Jdbc jdbc) {
        SchemaInstaller.install(jdbc.unfencedHelper(), MODULE, SCRIPTS);
    }

    /**
     * Names the tenant that write transactions the calling thread opens through {@link Jdbc}
     * itself (not through a store) write for, until the returned scope is closed (restoring the
     * previous one): for a host's own writes over a moveable database, and for every call of a
     * routed {@code Placement} store. The SDK's stores need no scope: they name their tenant with
     * each transaction.
     */
    public static Scope enter(TenantId tenant) {
        Check.notNull(tenant, "tenant");
        TenantId previous = CURRENT.get();
        CURRENT.set(tenant);
        return new Scope(previous);
    }

    /** The tenant named by the calling thread's {@link #enter} scope, if one is open. */
    public static Optional<TenantId> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The state of {@code tenant} on the database of {@code jdbc}: {@link #OPEN} when it has no row. */
    public static String stateOf(Jdbc jdbc, TenantId tenant) {
        Check.notNull(tenant, "tenant");
        return jdbc.unfencedHelper().inReadTransaction(c -> Jdbc.queryOne(c,
                "SELECT state FROM " + TABLE + " WHERE tenant_id = ?", rs -> rs.getString(1), tenant.value())).orElse(OPEN);
    }

    /** The scope of {@link #enter}: closing it restores the previous tenant. */
    public static final class Scope implements AutoCloseable {
        private final TenantId previous;

        private Scope(TenantId previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** The error of a write refused by a fence. */
    static StorageException refused(TenantId tenant, String state) {
        if (MOVED.equals(state)) {
            return CoreErrorCode.STORAGE_TENANT_MOVED.storage("tenant " + tenant + " has moved to another database; nothing was "
                    + "written here. Run the call again once the tenant placement names its new database", null);
        }
        return CoreErrorCode.STORAGE_TENANT_MOVING.storage("tenant " + tenant + " is being moved between databases (" + state
                + "); nothing was written. Run the call again in a moment", null);
    }

    /**
     * The check at the end of a write transaction over a moveable database (called by
     * {@link Jdbc} before its commit, and before a host transaction's savepoint is released):
     * every tenant the transaction's stores wrote for ({@code tenants}) and the one named by the
     * thread's {@link #enter} scope, in key order (one lock order for every writer: on H2 the
     * rows are locked exclusively).
     */
    static void check(Connection c, Dialect dialect, List<TenantId> tenants) throws SQLException {
        TenantId named = CURRENT.get();
        if (tenants.isEmpty() && named == null) {
            throw new StorageException("a write transaction over a moveable database (TenantFence.moveable) wrote for no "
                    + "tenant, so no tenant's fence can be checked; nothing was written. Open it through a store, with "
                    + "Jdbc.inTransaction(tenant, work), or inside TenantFence.enter(tenant)", null);
        }
        if (tenants.size() == 1 && (named == null || named.equals(tenants.get(0)))) {
            check(c, dialect, tenants.get(0)); // the common case: one tenant, no sorting
            return;
        }
        TreeSet<String> keys = new TreeSet<>();
        tenants.forEach(t -> keys.add(t.value()));
        if (named != null) {
            keys.add(named.value());
        }
        for (String key : keys) {
            check(c, dialect, TenantId.of(key));
        }
    }

    private static void check(Connection c, Dialect dialect, TenantId tenant) throws SQLException {
        String lock = dialect == Dialect.POSTGRESQL ? " FOR SHARE" : " FOR UPDATE";
        String select = "SELECT state FROM " + TABLE + " WHERE tenant_id = ?" + lock;
        String state = read(c, select, tenant);
        if (state == null) {
            Jdbc.update(c, "INSERT INTO " + TABLE + " (tenant_id, state) VALUES (?, 'open') ON CONFLICT DO NOTHING", tenant.value());
            state = read(c, select, tenant);
        }
        if (!OPEN.equals(state)) {
            throw refused(tenant, state);
        }
    }

    private static String read(Connection c, String sql, TenantId tenant) throws SQLException {
        try (var ps = c.prepareStatement(sql)) {
            ps.setString(1, tenant.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** A data source whose stores check fences; otherwise its delegate. */
    private static final class Moveable extends ForwardingDataSource {
        Moveable(DataSource delegate) {
            super(delegate);
        }

        @Override
        public String toString() {
            return "moveable " + delegate();
        }
    }
}

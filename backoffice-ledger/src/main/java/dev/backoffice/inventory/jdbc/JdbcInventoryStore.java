package dev.backoffice.inventory.jdbc;

import dev.backoffice.core.jdbc.EmbeddedDatabase;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.jdbc.SchemaInstaller;
import dev.backoffice.core.metrics.MetricsRecorder;
import dev.backoffice.core.store.TenantScopedStore;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.inventory.InventoryStore;
import dev.backoffice.inventory.TenantInventoryStore;
import dev.backoffice.inventory.jdbc.internal.JdbcTenantInventory;
import dev.backoffice.inventory.jdbc.internal.MasterData;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.List;

/**
 * Stock on JDBC: PostgreSQL in production, embedded H2 (PostgreSQL mode) by default. Schema:
 * {@code db/inventory/V1__inventory.sql}, {@code V2__inventory_plans.sql}, {@code V3__inventory_corrections_and_listing.sql} and {@code V4__inventory_warehouse_bins.sql} (Flyway naming;
 * installed by the store unless told otherwise).
 * <pre>{@code
 * JdbcInventoryStore stock = JdbcInventoryStore.create(dataSource);
 * JdbcLedgerStore ledger = JdbcLedgerStore.create(dataSource);   // the same data source: one transaction
 * }</pre>
 *
 * <h2>Never oversold</h2>
 * An item's counters in a location are one row. Reserving, shipping and every other movement
 * lock it ({@code SELECT ... FOR UPDATE}) and check available-to-promise against the locked,
 * committed counters before writing; concurrent callers, in any number of processes, queue on the
 * row.
 *
 * <h2>Locking order</h2>
 * The reservation, then the item's cost row, then the positions in location-code order, then the
 * ledger's rows when the ledger shares the transaction. Deadlocks and serialization failures
 * caused by anything else are retried by {@link Jdbc} (the whole unit reruns).
 *
 * <p>Handles are made per call ({@code PER_CALL}): a handle is a view, no per-tenant state is
 * kept. Thread-safe.
 */
public final class JdbcInventoryStore extends TenantScopedStore<TenantInventoryStore> implements InventoryStore {

    /** The schema scripts under {@code db/inventory/}, in order. */
    public static final List<String> SCRIPTS = List.of("V1__inventory.sql", "V2__inventory_plans.sql",
            "V3__inventory_corrections_and_listing.sql", "V4__inventory_warehouse_bins.sql");

    private final Jdbc jdbc;
    /** Items and locations read, shared by the per-call handles (definitions never change). */
    private final MasterData master = MasterData.create();

    private JdbcInventoryStore(Builder b) {
        super(Handles.PER_CALL);
        this.jdbc = b.jdbc;
        if (b.installSchema) {
            SchemaInstaller.install(jdbc, "inventory", SCRIPTS);
        }
    }

    /** A store over {@code dataSource} with the defaults (schema installed). */
    public static JdbcInventoryStore create(DataSource dataSource) {
        return builder(dataSource).build();
    }

    /** The embedded default: an H2 database in {@code file} (created with its schema if absent). */
    public static JdbcInventoryStore embedded(Path file) {
        return builder(EmbeddedDatabase.file(file)).build();
    }

    /** A builder over {@code dataSource}. */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Jdbc.of(Check.notNull(dataSource, "dataSource")));
    }

    /** A builder over an existing helper (its retry policy and isolation are kept). */
    public static Builder builder(Jdbc jdbc) {
        return new Builder(Check.notNull(jdbc, "jdbc"));
    }

    /** The helper this store writes through. */
    public Jdbc jdbc() {
        return jdbc;
    }

    /** The recorder of this store's {@link Jdbc} ({@link Jdbc#withMetrics}): the inventory over it counts there too. */
    @Override
    public MetricsRecorder metrics() {
        return jdbc.metrics();
    }

    @Override
    protected TenantInventoryStore open(TenantId tenant) {
        return JdbcTenantInventory.create(jdbc, tenant, master);
    }

    /** Builder of {@link JdbcInventoryStore}. */
    public static final class Builder {
        private final Jdbc jdbc;
        private boolean installSchema = true;

        private Builder(Jdbc jdbc) {
            this.jdbc = jdbc;
        }

        /**
         * Whether the store installs its schema scripts on build (default true; turn off when
         * Flyway or Liquibase runs {@code db/inventory/*.sql}).
         */
        public Builder installSchema(boolean install) {
            this.installSchema = install;
            return this;
        }

        /** The store. */
        public JdbcInventoryStore build() {
            return new JdbcInventoryStore(this);
        }
    }
}

package dev.backoffice.invoicing.jdbc;

import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.jdbc.SchemaInstaller;
import dev.backoffice.core.metrics.MetricsRecorder;
import dev.backoffice.core.store.TenantScopedStore;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.invoicing.PayableStore;
import dev.backoffice.invoicing.TenantPayableStore;
import dev.backoffice.invoicing.jdbc.internal.JdbcTenantPayables;

import javax.sql.DataSource;
import java.util.List;

/**
 * The purchase ledger on JDBC (PostgreSQL, or H2 in PostgreSQL mode). Schema:
 * {@code db/invoicing/V2__invoicing_payables.sql} after {@code V1__invoicing.sql} (Flyway naming,
 * module {@code invoicing}; installed by the store unless told otherwise).
 * <pre>{@code
 * JdbcPayableStore payables = JdbcPayableStore.create(dataSource);  // the ledger's data source: one transaction
 * }</pre>
 * Locking order: payments, then suppliers' invoices in id order, then the ledger's rows. Handles
 * are made per call ({@code PER_CALL}). Thread-safe.
 */
public final class JdbcPayableStore extends TenantScopedStore<TenantPayableStore> implements PayableStore {

    /** The schema scripts under {@code db/invoicing/} this store needs, in order. */
    public static final List<String> SCRIPTS = List.of("V1__invoicing.sql", "V2__invoicing_payables.sql");

    private final Jdbc jdbc;

    private JdbcPayableStore(Jdbc jdbc, boolean installSchema) {
        super(Handles.PER_CALL);
        this.jdbc = jdbc;
        if (installSchema) {
            SchemaInstaller.install(jdbc, "invoicing", SCRIPTS);
        }
    }

    /** A store over {@code dataSource}, its schema installed. */
    public static JdbcPayableStore create(DataSource dataSource) {
        return create(Jdbc.of(Check.notNull(dataSource, "dataSource")));
    }

    /**
     * A store over an existing helper (its retry policy and isolation are kept); the schema is
     * installed unless {@code jdbc.installsSchema()} is false (Flyway runs {@code db/invoicing/*.sql}).
     */
    public static JdbcPayableStore create(Jdbc jdbc) {
        Check.notNull(jdbc, "jdbc");
        return new JdbcPayableStore(jdbc, jdbc.installsSchema());
    }

    /** The helper this store writes through. */
    public Jdbc jdbc() {
        return jdbc;
    }

    /** The recorder of this store's {@link Jdbc} ({@link Jdbc#withMetrics}): the payables over it counts there too. */
    @Override
    public MetricsRecorder metrics() {
        return jdbc.metrics();
    }

    @Override
    protected TenantPayableStore open(TenantId tenant) {
        return JdbcTenantPayables.create(jdbc, tenant);
    }
}

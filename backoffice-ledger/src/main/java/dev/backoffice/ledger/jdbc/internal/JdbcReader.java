package dev.backoffice.ledger.jdbc.internal;

import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.tenant.TenantId;

/** Committed reads of one tenant, each in a short transaction (or the caller's open one). */
public final class JdbcReader extends SqlReader {

    private final Jdbc jdbc;


    /** A new instance (internal classes have no public constructor). */
    public static JdbcReader create(Jdbc jdbc, TenantId tenant) {
        return new JdbcReader(jdbc, tenant);
    }

    JdbcReader(Jdbc jdbc, TenantId tenant) {
        super(tenant);
        this.jdbc = jdbc;
    }

    @Override
    <T> T read(SqlWork<T> work) {
        return jdbc.inReadTransaction(work::run); // a read's failed commit is not an unknown outcome
    }
}

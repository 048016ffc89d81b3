package dev.backoffice.core.testing;

/**
 * The stores every contract suite runs on. A contract suite is one abstract class whose
 * constructor takes the kind; each kind is a one-line subclass, so Surefire reports each store
 * on its own and {@link RequiresPostgres} gates the PostgreSQL one before any set-up runs:
 *
 * <pre>{@code
 * class H2OrderStoreTest extends OrderStoreContract { H2OrderStoreTest() { super(StoreKind.H2); } }
 * @RequiresPostgres
 * class PostgresOrderStoreTest extends OrderStoreContract { PostgresOrderStoreTest() { super(StoreKind.POSTGRES); } }
 * }</pre>
 *
 * {@code .ci/postgres-gating lint} fails the build when a test names {@code StoreKind.POSTGRES}
 * (or opens {@link TestDatabases#postgres()}) without the annotation.
 */
public enum StoreKind {
    /** The in-memory store: no database. */
    MEMORY,
    /** The JDBC store on a fresh, private H2 in-memory database. */
    H2,
    /** The JDBC store on a fresh schema of the CI PostgreSQL server. */
    POSTGRES;

    /** Whether this kind is a JDBC store (it needs {@link #openDatabase()}). */
    public boolean jdbc() {
        return this != MEMORY;
    }

    /**
     * A fresh database for this kind; the caller closes it.
     *
     * @throws IllegalStateException for {@link #MEMORY}, which has none
     */
    public TestDatabase openDatabase() {
        return switch (this) {
            case H2 -> TestDatabases.h2();
            case POSTGRES -> TestDatabases.postgres();
            case MEMORY -> throw new IllegalStateException("the in-memory store has no database");
        };
    }
}

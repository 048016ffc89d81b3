package dev.backoffice.core.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The host application's transactions, as the SDK sees them: "the connection of the transaction
 * active on this thread, if any". An application that manages its own transactions (Spring's
 * {@code @Transactional} with JDBC or JPA, jOOQ, plain JDBC) implements this in a few lines and
 * hands it to {@link Jdbc#withHostTransactions(HostTransactions)}; every store built over that
 * {@code Jdbc} then works inside the host's transaction whenever one is active, so that the
 * application's own rows and everything the SDK writes commit or roll back together.
 *
 * <p>How hosts hand out that connection:
 * <ul>
 *   <li>Spring: {@code TransactionSynchronizationManager.isActualTransactionActive()}, then
 *       {@code DataSourceUtils.getConnection(dataSource)}, and
 *       {@code DataSourceUtils.releaseConnection(connection, dataSource)} in {@link #release}.
 *       Works with {@code DataSourceTransactionManager} and with {@code JpaTransactionManager}
 *       (which exposes the JPA transaction's JDBC connection for its data source).</li>
 *   <li>jOOQ: {@code ConnectionProvider.acquire()} and {@code release(connection)}.</li>
 *   <li>JPA/Hibernate alone: the connection given to {@code Session#doWork}, kept in a
 *       thread-local for the duration of the work.</li>
 * </ul>
 *
 * <h2>The rules while a host transaction is active</h2>
 * <ul>
 *   <li>The SDK works on the host's connection and <b>never</b> commits it, rolls it back,
 *       closes it, or changes its auto-commit mode or isolation level: the host owns it. A
 *       commit of the host's transaction commits everything the SDK did in it; a rollback rolls
 *       all of it back.</li>
 *   <li>Each SDK write runs under a savepoint: when it fails, what it wrote is rolled back to
 *       that savepoint (not the host's own work), so the host's transaction stays usable and
 *       holds either all of an SDK call or none of it.</li>
 *   <li>The SDK never retries inside a host transaction: a serialization failure or deadlock
 *       (or a connection lost mid-transaction) leaves as
 *       {@link dev.backoffice.core.error.RetryHostTransactionException}
 *       ({@code storage.retry_host_transaction}): roll back the host transaction and run it
 *       again as a whole. Other database errors leave as {@code storage.failure}; business
 *       errors pass through unchanged.</li>
 *   <li>The JDBC ledger's group commit steps aside: the host's connection carries the entry.</li>
 *   <li>Isolation: the SDK's stores are written for READ COMMITTED (the default of PostgreSQL,
 *       H2 and Spring): they lock what they change ({@code SELECT ... FOR UPDATE},
 *       compare-and-set updates). REPEATABLE READ and SERIALIZABLE work too, but turn contention
 *       on the same rows into serialization failures, hence into
 *       {@code storage.retry_host_transaction}; lower levels are not supported.</li>
 * </ul>
 * Without an active host transaction ({@link #currentConnection} empty) nothing changes: the SDK
 * runs its own transactions, with its retries and its group commit.
 *
 * <p>Implementations are called on the thread that calls the SDK, once per SDK transaction
 * (and once for {@link Jdbc#inTransaction()}); they must be thread-safe and cheap.
 */
@FunctionalInterface
public interface HostTransactions {

    /** No host transactions: the SDK always runs its own (what a plain {@link Jdbc#of} does). */
    HostTransactions NONE = dataSource -> Optional.empty();

    /**
     * The connection of the host transaction active on the current thread over
     * {@code dataSource}, or empty when none is active. It must be in a transaction (auto-commit
     * off); it must never be a connection opened just for this call.
     *
     * @param dataSource the data source of the {@link Jdbc} asking
     * @return the transaction's connection, or empty
     * @throws SQLException when the host cannot hand it out
     */
    Optional<Connection> currentConnection(DataSource dataSource) throws SQLException;

    /**
     * Hands back a connection got from {@link #currentConnection} once the SDK's work on it is
     * done (Spring: {@code DataSourceUtils.releaseConnection}, jOOQ: {@code release}). It must not
     * commit, roll back or close the host's transaction. The default does nothing.
     *
     * @param dataSource the data source of the {@link Jdbc} asking
     * @param connection the connection {@link #currentConnection} returned
     * @throws SQLException when the host fails to take it back (logged, never thrown to callers)
     */
    default void release(DataSource dataSource, Connection connection) throws SQLException {
    }
}

package dev.backoffice.core.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done inside one database transaction. It may run more than once (the transaction is
 * retried on serialization failures and deadlocks), so it must not have side effects outside
 * the connection it is given.
 *
 * @param <T> the result
 */
@FunctionalInterface
public interface TransactionWork<T> {
    T execute(Connection connection) throws SQLException;
}

package dev.backoffice.examples.springboot;

import dev.backoffice.core.jdbc.HostTransactions;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.Optional;

/**
 * Spring's transactions for the SDK: while a Spring transaction is active on the calling thread,
 * the SDK works on its connection. {@code DataSourceUtils} hands out the connection bound to the
 * data source by {@code JdbcTransactionManager}/{@code DataSourceTransactionManager}, and by
 * {@code JpaTransactionManager} (the JDBC connection of the JPA transaction), and takes it back
 * without closing it.
 */
public final class SpringHostTransactions implements HostTransactions {

    @Override
    public Optional<Connection> currentConnection(DataSource dataSource) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return Optional.empty(); // no @Transactional around the call: the SDK runs its own transaction
        }
        return Optional.of(DataSourceUtils.getConnection(dataSource));
    }

    @Override
    public void release(DataSource dataSource, Connection connection) {
        DataSourceUtils.releaseConnection(connection, dataSource);
    }
}

package dev.backoffice.core.jdbc;

import dev.backoffice.core.validation.Check;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * A {@link DataSource} that forwards every call to another one: the base of a wrapper that
 * changes only what it must (usually {@link #getConnection()}), such as the tenant fence's
 * moveable data source ({@link TenantFence#moveable}) or the test kit's recording and
 * fault-injecting data sources. {@link #unwrap} and {@link #isWrapperFor} answer for the wrapper
 * first, then for what it wraps.
 */
public abstract class ForwardingDataSource implements DataSource {

    private final DataSource delegate;

    /** A wrapper forwarding to {@code delegate}. */
    protected ForwardingDataSource(DataSource delegate) {
        this.delegate = Check.notNull(delegate, "delegate");
    }

    /** The data source every call is forwarded to. */
    protected final DataSource delegate() {
        return delegate;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return delegate.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return delegate.getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate.isWrapperFor(iface);
    }
}

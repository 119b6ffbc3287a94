package dev.monitoringworker.target;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;

/**
 * A connection pool seen through one run's execution envelope: every statement it creates carries the run's
 * timeout and row cap. The cap is one row above MaxRows so that truncation can be seen and reported.
 */
public final class EnvelopedDataSource implements DataSource {

    private final DataSource pool;
    private final int timeoutSeconds;
    private final int maxRows;

    public EnvelopedDataSource(DataSource pool, int timeoutSeconds, int maxRows) {
        this.pool = pool;
        this.timeoutSeconds = timeoutSeconds;
        this.maxRows = maxRows;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return envelop(pool.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return envelop(pool.getConnection(username, password));
    }

    private Connection envelop(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (result instanceof Statement statement) {
                        statement.setQueryTimeout(timeoutSeconds);
                        statement.setMaxRows(maxRows + 1);
                    }
                    return result;
                });
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getLogger("dev.monitoringworker.target");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return pool.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return pool.isWrapperFor(iface);
    }
}

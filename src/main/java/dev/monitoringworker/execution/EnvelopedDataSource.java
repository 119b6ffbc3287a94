package dev.monitoringworker.execution;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;

/**
 * A connection pool seen through one run's execution envelope. Every statement it creates carries the run's
 * timeout and row cap (one row above MaxRows, so that truncation can be seen and reported), and every network
 * connection a socket timeout a little above the statement's, which ends a run whose server stopped answering
 * even when the statement's cancel is never answered either. The cap is the
 * driver's {@code setMaxRows}, except on SQL Server: mssql-jdbc sends that as {@code SET ROWCOUNT}, which also
 * cuts the rows that INSERT, UPDATE and DELETE inside the batch or a procedure touch, so there the rows are
 * capped by reading (the result set ends after the cap). Unless the query
 * may write, the run happens in a transaction that is read-only where the engine offers it (PostgreSQL,
 * MySQL/MariaDB, Oracle) and is always rolled back (every engine, and the only guard on SQL Server and H2).
 */
public final class EnvelopedDataSource extends DelegatingDataSource {

    private final Provider provider;
    private final boolean readOnly;
    private final int timeoutSeconds;
    private final int maxRows;

    public EnvelopedDataSource(DataSource pool, Provider provider, boolean readOnly, int timeoutSeconds, int maxRows) {
        super(pool);
        this.provider = provider;
        this.readOnly = readOnly;
        this.timeoutSeconds = timeoutSeconds;
        this.maxRows = maxRows;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return envelop(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return envelop(super.getConnection(username, password));
    }

    /**
     * Monitoring SQL takes no parameters: asked for its parameter metadata (as camel-sql asks before every run), the
     * statement answers none itself instead of the driver asking the server (a describe round trip on PostgreSQL,
     * a stored procedure call on SQL Server).
     */
    static PreparedStatement withoutParameters(PreparedStatement statement, int readLimit) {
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(), new Class<?>[]{PreparedStatement.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getParameterMetaData")) {
                        return NO_PARAMETERS;
                    }
                    Object result;
                    try {
                        result = method.invoke(statement, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    return readLimit > 0 && result instanceof ResultSet rows ? readingAtMost(rows, readLimit) : result;
                });
    }

    /** A result set that ends after {@code limit} rows; the driver discards the rest when it is closed. */
    static ResultSet readingAtMost(ResultSet rows, int limit) {
        int[] read = {0};
        return (ResultSet) Proxy.newProxyInstance(ResultSet.class.getClassLoader(), new Class<?>[]{ResultSet.class}, (proxy, method, args) -> {
            if (method.getName().equals("next") && (args == null || args.length == 0)) {
                if (read[0] >= limit) {
                    return false;
                }
                boolean more = rows.next();
                read[0] += more ? 1 : 0;
                return more;
            }
            try {
                return method.invoke(rows, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    private static final ParameterMetaData NO_PARAMETERS = (ParameterMetaData) Proxy.newProxyInstance(
            ParameterMetaData.class.getClassLoader(), new Class<?>[]{ParameterMetaData.class}, (proxy, method, args) -> {
                if (method.getName().equals("getParameterCount")) {
                    return 0;
                }
                throw new SQLFeatureNotSupportedException("monitoring SQL takes no parameters");
            });

    /** On SQL Server the row cap is kept by reading, not by the driver (see the class comment). */
    private boolean capsByReading() {
        return provider == Provider.SqlServer;
    }

    /** Beyond its timeout, how long a statement's answer (or its cancel's) may be missing before the connection's socket gives up. */
    static final int CANCEL_GRACE_SECONDS = 2;

    private Connection envelop(Connection connection) throws SQLException {
        if (provider != Provider.H2) {
            // a server that stops answering (a network black hole, a hung engine, a cancel that goes unanswered) must
            // not hold the thread: the socket read ends, the driver closes the connection, the pool drops it. H2 runs
            // in the worker's JVM, without a socket: the execute-work route's deadline stands behind it instead
            try {
                connection.setNetworkTimeout(Runnable::run, (timeoutSeconds + CANCEL_GRACE_SECONDS) * 1000);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        }
        if (readOnly) {
            try {
                connection.setAutoCommit(false);
                String statement = provider.engine().readOnlyStatement();
                if (provider == Provider.PostgreSQL) {
                    // the driver opens the transaction with BEGIN READ ONLY, in the same round trip as the query
                    connection.setReadOnly(true);
                } else if (statement != null) {
                    try (Statement s = connection.createStatement()) {
                        s.setQueryTimeout(timeoutSeconds);
                        s.execute(statement);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        }
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (readOnly && method.getName().equals("close") && !connection.isClosed()) {
                        try {
                            connection.rollback();
                            String restore = provider.engine().restoreStatement();
                            if (restore != null) {
                                try (Statement s = connection.createStatement()) {
                                    s.execute(restore);
                                }
                            }
                            if (provider == Provider.PostgreSQL) {
                                connection.setReadOnly(false);
                            }
                            connection.setAutoCommit(true);
                        } finally {
                            connection.close();
                        }
                        return null;
                    }
                    Object result;
                    try {
                        result = method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (result instanceof Statement statement) {
                        statement.setQueryTimeout(timeoutSeconds);
                        if (!capsByReading()) {
                            statement.setMaxRows(maxRows + 1);
                        }
                    }
                    return method.getName().equals("prepareStatement")
                            ? withoutParameters((PreparedStatement) result, capsByReading() ? maxRows + 1 : 0) : result;
                });
    }
}

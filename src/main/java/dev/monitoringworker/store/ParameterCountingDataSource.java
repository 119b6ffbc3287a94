package dev.monitoringworker.store;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The store as the routes use it: a prepared statement answers how many parameters it has from its own text, so
 * binding a store statement never asks the driver. camel-sql asks before every statement; mssql-jdbc would answer
 * with a call of {@code sp_describe_undeclared_parameters} (a round trip on SQL Server, and a wrong answer on
 * engines that only speak its protocol), PostgreSQL's driver with a describe message. The count is Spring's SQL
 * parser's: {@code ?} placeholders outside literals, quoted names and comments.
 */
public final class ParameterCountingDataSource extends DelegatingDataSource {

    /** Counted once per statement text: the store's statements are files, a bounded set (an IN list's lengths vary a little). */
    private static final int MAX_KEPT = 2_000;
    private static final Map<String, Integer> COUNTS = new ConcurrentHashMap<>();

    public ParameterCountingDataSource(DataSource store) {
        super(store);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return counting(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return counting(super.getConnection(username, password));
    }

    /** The number of {@code ?} placeholders in a prepared statement's text. */
    public static int placeholders(String sql) {
        return NamedParameterUtils.buildValueArray(NamedParameterUtils.parseSqlStatement(sql), new MapSqlParameterSource(), null).length;
    }

    static int placeholdersOnce(String sql) {
        Integer kept = COUNTS.get(sql);
        if (kept != null) {
            return kept;
        }
        int count = placeholders(sql);
        if (COUNTS.size() < MAX_KEPT) {
            COUNTS.put(sql, count);
        }
        return count;
    }

    private static Connection counting(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(connection, method, args);
                    if (result instanceof PreparedStatement statement && method.getName().equals("prepareStatement")) {
                        return counted(statement, placeholdersOnce((String) args[0]));
                    }
                    return result;
                });
    }

    private static PreparedStatement counted(PreparedStatement statement, int count) {
        ParameterMetaData metaData = (ParameterMetaData) Proxy.newProxyInstance(ParameterMetaData.class.getClassLoader(),
                new Class<?>[]{ParameterMetaData.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getParameterCount")) {
                        return count;
                    }
                    throw new SQLFeatureNotSupportedException("store statements describe only their parameter count");
                });
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(), new Class<?>[]{PreparedStatement.class},
                (proxy, method, args) -> method.getName().equals("getParameterMetaData") ? metaData : invoke(statement, method, args));
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

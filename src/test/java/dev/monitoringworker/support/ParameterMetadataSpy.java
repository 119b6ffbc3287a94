package dev.monitoringworker.support;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Sits between the worker and the JDBC driver and records every statement whose parameter metadata reached the
 * driver: on SQL Server that is a call of {@code sp_describe_undeclared_parameters}, on PostgreSQL a describe message.
 */
public final class ParameterMetadataSpy extends DelegatingDataSource {

    private final List<String> described = new CopyOnWriteArrayList<>();

    public ParameterMetadataSpy(DataSource driver) {
        super(driver);
    }

    /** The statements the driver was asked to describe, in order. */
    public List<String> described() {
        return List.copyOf(described);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return spying(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return spying(super.getConnection(username, password));
    }

    private Connection spying(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class}, (proxy, method, args) -> {
            Object result = invoke(connection, method, args);
            if (result instanceof PreparedStatement statement && method.getName().startsWith("prepare")) {
                String sql = (String) args[0];
                return Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(), new Class<?>[]{PreparedStatement.class}, (p, m, a) -> {
                    if (m.getName().equals("getParameterMetaData")) {
                        described.add(sql);
                    }
                    return invoke(statement, m, a);
                });
            }
            return result;
        });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

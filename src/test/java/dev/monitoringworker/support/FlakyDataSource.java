package dev.monitoringworker.support;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The store as seen over a bad network: once switched on, a share of connects fail, and of statements (and
 * explicit commits) a share fails before the store did anything and another share fails after the store
 * committed, so the caller cannot tell whether its write happened.
 */
public final class FlakyDataSource extends DelegatingDataSource {

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
            "executeLargeUpdate", "executeLargeBatch", "commit");

    private final double rate;
    private volatile boolean on;
    private final AtomicInteger connectFailures = new AtomicInteger();
    private final AtomicInteger beforeCommitFailures = new AtomicInteger();
    private final AtomicInteger afterCommitFailures = new AtomicInteger();

    public FlakyDataSource(DataSource store, double rate) {
        super(store);
        this.rate = rate;
    }

    public void switchOn() {
        on = true;
    }

    public void switchOff() {
        on = false;
    }

    public String counts() {
        return connectFailures + " connect, " + beforeCommitFailures + " before-commit and " + afterCommitFailures + " after-commit failures";
    }

    public int afterCommitFailures() {
        return afterCommitFailures.get();
    }

    private boolean strike() {
        return on && ThreadLocalRandom.current().nextDouble() < rate;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (strike()) {
            connectFailures.incrementAndGet();
            throw new SQLTransientConnectionException("injected: store connection failed", "08001");
        }
        return flaky(super.getConnection(), Connection.class);
    }

    private <T> T flaky(T target, Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            boolean execution = EXECUTIONS.contains(method.getName());
            if (execution && strike()) {
                beforeCommitFailures.incrementAndGet();
                if (target instanceof Connection c && !c.getAutoCommit()) {
                    c.rollback();
                }
                throw new SQLException("injected: connection lost before commit", "08006");
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (execution && committed(target, method.getName()) && strike()) {
                afterCommitFailures.incrementAndGet();
                throw new SQLException("injected: connection lost after commit, before the answer", "08006");
            }
            if (result instanceof Statement statement) {
                return flaky(statement, (Class<Statement>) statementType(statement));
            }
            return result;
        }));
    }

    /** Whether the call just made committed: an explicit commit, or a statement run in auto-commit mode. */
    private static boolean committed(Object target, String method) throws SQLException {
        if (method.equals("commit")) {
            return true;
        }
        return target instanceof Statement s && s.getConnection().getAutoCommit();
    }

    private static Class<?> statementType(Statement statement) {
        if (statement instanceof java.sql.CallableStatement) {
            return java.sql.CallableStatement.class;
        }
        return statement instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
    }
}

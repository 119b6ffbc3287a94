package dev.monitoringworker.store;

import dev.monitoringworker.support.StoreMigrations;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The start-up schema check through a store that drops the connection under it, and through SQL that is wrong. */
class StartupMigrationTest {

    @Test
    void aConnectionLostDuringTheCheckIsTriedAgainUntilTheSchemaIsThere() {
        FailingStatements store = new FailingStatements(h2("startup_lost"), 2, "08006");
        new StartupMigration(60).migrate(StoreMigrations.flyway(store, StoreDialect.H2));

        assertThat(store.failed.get()).as("statements that lost the connection").isEqualTo(2);
        assertThat(new JdbcTemplate(store).queryForObject(
                "SELECT COUNT(*) FROM monitoring.\"monitoringworker_schema_history\" WHERE \"success\"", Integer.class)).isPositive();
        assertThat(new JdbcTemplate(store).queryForObject("SELECT COUNT(*) FROM monitoring.WorkerJobs", Integer.class)).isZero();
    }

    @Test
    void aCallOnAConnectionThePoolClosedAfterItBrokeIsTriedAgain() {
        FailingStatements store = new FailingStatements(h2("startup_closed"), 1, null);
        new StartupMigration(60).migrate(StoreMigrations.flyway(store, StoreDialect.H2));
        assertThat(store.failed.get()).isEqualTo(1);
        assertThat(new JdbcTemplate(store).queryForObject("SELECT COUNT(*) FROM monitoring.WorkerJobs", Integer.class)).isZero();
    }

    @Test
    void anErrorOfTheSqlStopsTheStartAtOnce() {
        FailingStatements store = new FailingStatements(h2("startup_sql"), Integer.MAX_VALUE, "42000");
        assertThatThrownBy(() -> new StartupMigration(60).migrate(StoreMigrations.flyway(store, StoreDialect.H2)))
                .isInstanceOf(FlywayException.class);
        assertThat(store.failed.get()).as("the check ran once, not again").isEqualTo(1);
    }

    @Test
    void aStoreThatStaysUnreachableStopsTheStartAfterTheWait() {
        FailingStatements store = new FailingStatements(h2("startup_gone"), Integer.MAX_VALUE, "08001");
        assertThatThrownBy(() -> new StartupMigration(2).migrate(StoreMigrations.flyway(store, StoreDialect.H2)))
                .isInstanceOf(FlywayException.class);
        assertThat(store.failed.get()).as("tried at 0 s, 1 s and 3 s, then given up").isBetween(2, 3);
    }

    private static DataSource h2(String name) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    /** A store whose first {@code failures} statements fail with the given SQLState, before they reach the database. */
    private static final class FailingStatements extends DelegatingDataSource {

        private final int failures;
        private final String sqlState;
        final AtomicInteger failed = new AtomicInteger();

        FailingStatements(DataSource store, int failures, String sqlState) {
            super(store);
            this.failures = failures;
            this.sqlState = sqlState;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = super.getConnection();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                Object result = invoke(connection, method, args);
                return result instanceof Statement statement ? failing(statement) : result;
            });
        }

        private Statement failing(Statement statement) {
            Class<?> type = statement instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
            return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
                if (method.getName().startsWith("execute") && failed.get() < failures) {
                    failed.incrementAndGet();
                    // without a SQLState, as HikariCP answers a call on a connection it closed after it broke
                    throw sqlState == null ? new SQLException("Connection is closed") : new SQLException("injected: " + sqlState, sqlState);
                }
                return invoke(statement, method, args);
            });
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}

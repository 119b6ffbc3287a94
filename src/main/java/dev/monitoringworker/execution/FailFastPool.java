package dev.monitoringworker.execution;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * A target's pool as runs borrow from it. HikariCP keeps retrying a failed connect until its connection timeout,
 * so a target that refuses connections would hold each run's thread for the whole connect timeout. Here a borrower
 * waits a moment first; when no connection came and the target's last connect was refused outright (nothing
 * listening, a login refused), it fails at once with that error instead of waiting out the retries. A connect that
 * is merely slow (a host that does not answer) still gets the whole connect timeout.
 */
final class FailFastPool extends DelegatingDataSource implements AutoCloseable {

    /** How long a borrower waits before it looks at how the target's last connect went. */
    static final long FIRST_WAIT_MS = 250;

    private final HikariDataSource pool;
    private final LoginGuard guard;

    FailFastPool(HikariDataSource pool, LoginGuard guard) {
        super(pool);
        this.pool = pool;
        this.guard = guard;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (pool.isClosed()) {
            throw new SQLNonTransientConnectionException(
                    "the connection's pool was closed: the connection was disabled, deleted or changed while this run waited", "08003");
        }
        HikariPool hikari = (HikariPool) pool.getHikariPoolMXBean();
        long timeout = pool.getConnectionTimeout();
        if (hikari == null || timeout <= FIRST_WAIT_MS) {
            return pool.getConnection();
        }
        try {
            return hikari.getConnection(FIRST_WAIT_MS);
        } catch (SQLTransientConnectionException notYet) {
            SQLException refused = guard.lastRefusal();
            if (refused != null) {
                throw refused;
            }
            return hikari.getConnection(timeout - FIRST_WAIT_MS);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}

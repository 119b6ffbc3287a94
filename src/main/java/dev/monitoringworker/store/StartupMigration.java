package dev.monitoringworker.store;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * The store's migrations at start, run again while the store loses the connection under them (a store restarting,
 * a connection dropped mid-check): 1 s doubling to 30 s, for at most {@code monitoring.store.startup-wait-seconds}.
 * A migration that fails on its SQL, or a store still unreachable after that time, stops the start as before.
 */
public class StartupMigration implements FlywayMigrationStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(StartupMigration.class);

    private final long waitMs;

    public StartupMigration(long waitSeconds) {
        this.waitMs = waitSeconds * 1000;
    }

    @Override
    public void migrate(Flyway flyway) {
        ExponentialBackOff policy = new ExponentialBackOff(1000, 2);
        policy.setMaxInterval(30_000);
        policy.setMaxElapsedTime(waitMs);
        BackOffExecution backOff = policy.start();
        while (true) {
            try {
                flyway.migrate();
                return;
            } catch (RuntimeException e) {
                long wait = connectionLost(e) ? backOff.nextBackOff() : BackOffExecution.STOP;
                if (wait == BackOffExecution.STOP) {
                    throw e;
                }
                LOG.warn("The store lost the connection while its schema was checked, trying again in {} s: {}", wait / 1000.0, rootMessage(e));
                pause(wait, e);
            }
        }
    }

    /**
     * A connection error, not an error of the SQL: SQLState class 08, a transient or recoverable connection failure,
     * or a call on a connection the pool closed after it broke (HikariCP says "Connection is closed", no SQLState).
     */
    static boolean connectionLost(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLTransientConnectionException || c instanceof SQLRecoverableException
                    || c instanceof SQLException s && (s.getSQLState() != null && s.getSQLState().startsWith("08")
                    || s.getSQLState() == null && "Connection is closed".equals(s.getMessage()))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(e);
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static void pause(long ms, RuntimeException cause) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }
}

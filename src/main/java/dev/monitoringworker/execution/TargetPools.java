package dev.monitoringworker.execution;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import dev.monitoringworker.security.CipherException;
import dev.monitoringworker.security.ConnectionStringCipher;
import dev.monitoringworker.security.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One small HikariCP pool per monitored connection, created on first use and closed when it is no longer wanted:
 * when its connection is disabled, deleted or changed ({@link #retire}), when no run borrowed from it for the idle
 * time ({@link #closeIdle}), and at shutdown. A pool never holds more than the row's MaxConcurrency connections.
 * All pools share one housekeeping thread: thousands of connections cost thousands of small objects, not
 * thousands of threads.
 */
public class TargetPools implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TargetPools.class);

    private static final class Pool {
        final String fingerprint;
        final FailFastPool dataSource;
        volatile long lastUsed;
        /** What the server reports, once read. */
        volatile String serverVersion;

        Pool(String fingerprint, FailFastPool dataSource, long now) {
            this.fingerprint = fingerprint;
            this.dataSource = dataSource;
            this.lastUsed = now;
        }
    }

    private final Map<UUID, Pool> pools = new ConcurrentHashMap<>();
    /** The row each connection's latest pool was built from, kept when a breaker drops the pool. */
    private final Map<UUID, String> builtFrom = new ConcurrentHashMap<>();
    private final ConnectionStringCipher cipher;
    private final boolean h2Enabled;
    private final long idleNanos;
    private final LongSupplier clock;
    /** HikariCP's housekeeping of every pool, and the idle sweep: one thread for all. */
    private final ScheduledThreadPoolExecutor housekeeping;

    /** @param h2Enabled whether Provider H2 may be a target (the embedded demo) */
    public TargetPools(ConnectionStringCipher cipher, boolean h2Enabled) {
        this(cipher, h2Enabled, Duration.ofMinutes(10), System::nanoTime);
    }

    /**
     * @param idleTime how long a pool no run borrowed from stays open
     * @param clock    nanoseconds, as {@link System#nanoTime()}
     */
    public TargetPools(ConnectionStringCipher cipher, boolean h2Enabled, Duration idleTime, LongSupplier clock) {
        this.cipher = cipher;
        this.h2Enabled = h2Enabled;
        this.idleNanos = idleTime.toNanos();
        this.clock = clock;
        this.housekeeping = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "target-pools-housekeeper");
            t.setDaemon(true);
            return t;
        });
        housekeeping.setRemoveOnCancelPolicy(true);
        long sweep = Math.max(1, Math.min(60, idleTime.toSeconds() / 2));
        housekeeping.scheduleWithFixedDelay(this::closeIdleQuietly, sweep, sweep, TimeUnit.SECONDS);
    }

    /**
     * @throws ConnectionStringException when the row's connection string cannot be translated
     * @throws CipherException           when an encrypted connection string cannot be decrypted
     */
    public DataSource poolFor(TargetConnection connection, Provider provider) {
        String fingerprint = fingerprint(connection);
        long now = clock.getAsLong();
        Pool pool = pools.compute(connection.connectionId(), (id, existing) -> {
            if (existing != null && existing.fingerprint.equals(fingerprint)) {
                existing.lastUsed = now;
                return existing;
            }
            String plaintext = ConnectionStringCipher.isEncrypted(connection.connectionString())
                    ? cipher.decrypt(connection.connectionId(), connection.connectionString())
                    : connection.connectionString();
            FailFastPool created = create(connection, provider, plaintext);
            if (existing != null) {
                LOG.info("Connection {} changed; its pool is rebuilt", connection.label());
                existing.dataSource.close();
            }
            builtFrom.put(id, fingerprint);
            return new Pool(fingerprint, created, now);
        });
        return pool.dataSource;
    }

    private FailFastPool create(TargetConnection connection, Provider provider, String plaintext) {
        Secrets.register(plaintext);
        ConnectionStrings.secretsIn(plaintext).forEach(Secrets::register);
        JdbcTarget target = ConnectionStrings.translate(provider, plaintext, h2Enabled);
        Secrets.register(target.password());
        Properties driverProperties = new Properties();
        driverProperties.putAll(provider.engine().connectTimeouts(connection.connectTimeoutSeconds()));
        driverProperties.putAll(target.properties());
        HikariConfig config = new HikariConfig();
        config.setPoolName("target-" + connection.connectionId());
        LoginGuard guard = new LoginGuard(new DriverDataSource(target.url(), null, driverProperties, target.username(), target.password()));
        config.setDataSource(guard);
        config.setMaximumPoolSize(connection.maxConcurrency());
        config.setMinimumIdle(0);
        config.setIdleTimeout(60_000);
        config.setMaxLifetime(30 * 60_000);
        config.setConnectionTimeout(Math.max(250L, connection.connectTimeoutSeconds() * 1000L));
        // a target that is down at start must not fail pool creation: the run reports it as an Error result
        config.setInitializationFailTimeout(-1);
        config.setScheduledExecutor(housekeeping);
        return new FailFastPool(new HikariDataSource(config), guard);
    }

    /** What the pool is built from; a changed row gives a different one. Compared, not hashed: it is looked at on every run. */
    private static String fingerprint(TargetConnection c) {
        return c.provider() + "\n" + c.connectTimeoutSeconds() + "\n" + c.maxConcurrency() + "\n" + c.connectionString();
    }

    /**
     * The version the connection's server reports, read once per pool (a rebuilt pool reads it again): what a
     * query's SqlVariants are chosen by.
     *
     * @throws SQLException when no connection can be had
     */
    public String serverVersion(TargetConnection connection, Provider provider) throws SQLException {
        poolFor(connection, provider);
        Pool pool = pools.get(connection.connectionId());
        if (pool == null) {
            throw new SQLException("connection " + connection.label() + " has no pool");
        }
        String version = pool.serverVersion;
        if (version == null) {
            try (Connection c = pool.dataSource.getConnection()) {
                DatabaseMetaData meta = c.getMetaData();
                version = SqlVariant.versionOf(meta.getDatabaseProductVersion());
                if (version == null) {
                    version = meta.getDatabaseMajorVersion() + "." + meta.getDatabaseMinorVersion();
                }
            }
            pool.serverVersion = version;
            LOG.debug("Connection {}: server version {}", connection.label(), version);
        }
        return version;
    }

    /** Drops the connection's pool (its circuit opened): no connection, no background connect attempt stays. */
    public void evict(UUID connectionId) {
        Pool pool = pools.remove(connectionId);
        if (pool != null) {
            pool.dataSource.close();
        }
    }

    /**
     * Closes the pools of connections that are gone from the catalog, disabled, or changed since their pool was
     * built (a run of a changed connection builds a new pool from the new row).
     *
     * @param connections every row of DatabaseConnections, enabled or not
     * @return the connections deleted, disabled or changed since their last pool was built (its pool, if still
     * open, is closed)
     */
    public Set<UUID> retire(List<TargetConnection> connections) {
        Map<UUID, TargetConnection> current = new HashMap<>();
        connections.forEach(c -> current.put(c.connectionId(), c));
        Set<UUID> retired = new HashSet<>();
        for (Map.Entry<UUID, String> built : builtFrom.entrySet()) {
            UUID id = built.getKey();
            TargetConnection row = current.get(id);
            String why = row == null ? "deleted" : !row.enabled() ? "disabled" : !built.getValue().equals(fingerprint(row)) ? "changed" : null;
            if (why != null && builtFrom.remove(id, built.getValue())) {
                retired.add(id);
                // only the pool built from the retired row: a run may have built one from the new row meanwhile
                Pool pool = pools.get(id);
                if (pool != null && pool.fingerprint.equals(built.getValue()) && pools.remove(id, pool)) {
                    pool.dataSource.close();
                    LOG.info("Connection {} {}; its pool is closed", row == null ? "ConnectionId " + id : row.label(), why);
                }
            }
        }
        return retired;
    }

    /** Closes the pools no run borrowed from for the idle time; the next run opens a new one. */
    public Set<UUID> closeIdle() {
        long now = clock.getAsLong();
        Set<UUID> closed = new HashSet<>();
        for (Map.Entry<UUID, Pool> entry : pools.entrySet()) {
            if (now - entry.getValue().lastUsed >= idleNanos && pools.remove(entry.getKey(), entry.getValue())) {
                entry.getValue().dataSource.close();
                closed.add(entry.getKey());
            }
        }
        if (!closed.isEmpty()) {
            LOG.debug("Closed {} target pool(s) unused for {} s", closed.size(), idleNanos / 1_000_000_000L);
        }
        return closed;
    }

    private void closeIdleQuietly() {
        try {
            closeIdle();
        } catch (RuntimeException e) {
            LOG.warn("Closing idle target pools failed: {}", e.toString());
        }
    }

    /** How many pools are open. */
    public int size() {
        return pools.size();
    }

    /** At shutdown: every pool, then their shared housekeeping thread. */
    @Override
    public void close() {
        pools.values().forEach(p -> p.dataSource.close());
        pools.clear();
        builtFrom.clear();
        housekeeping.shutdownNow();
    }
}

package dev.monitoringworker.target;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import dev.monitoringworker.security.CipherException;
import dev.monitoringworker.security.ConnectionStringCipher;
import dev.monitoringworker.security.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One small HikariCP pool per monitored connection, created on first use, rebuilt when the connection's row
 * changes, closed at shutdown. A pool never holds more than the row's MaxConcurrency connections.
 */
public class TargetPools implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TargetPools.class);

    private record Pool(String fingerprint, FailFastPool dataSource) {
    }

    private final Map<UUID, Pool> pools = new ConcurrentHashMap<>();
    private final ConnectionStringCipher cipher;
    private final boolean h2Enabled;

    /** @param h2Enabled whether Provider H2 may be a target (the embedded demo) */
    public TargetPools(ConnectionStringCipher cipher, boolean h2Enabled) {
        this.cipher = cipher;
        this.h2Enabled = h2Enabled;
    }

    /**
     * @throws ConnectionStringException when the row's connection string cannot be translated
     * @throws CipherException           when an encrypted connection string cannot be decrypted
     */
    public DataSource poolFor(TargetConnection connection, Provider provider) {
        String fingerprint = fingerprint(connection, provider);
        Pool pool = pools.compute(connection.connectionId(), (id, existing) -> {
            if (existing != null && existing.fingerprint().equals(fingerprint)) {
                return existing;
            }
            String plaintext = ConnectionStringCipher.isEncrypted(connection.connectionString())
                    ? cipher.decrypt(connection.connectionId(), connection.connectionString())
                    : connection.connectionString();
            FailFastPool created = create(connection, provider, plaintext, h2Enabled);
            if (existing != null) {
                LOG.info("Connection {} changed; its pool is rebuilt", connection.label());
                existing.dataSource().close();
            }
            return new Pool(fingerprint, created);
        });
        return pool.dataSource();
    }

    private static FailFastPool create(TargetConnection connection, Provider provider, String plaintext, boolean h2Enabled) {
        Secrets.register(plaintext);
        ConnectionStrings.secretsIn(plaintext).forEach(Secrets::register);
        JdbcTarget target = ConnectionStrings.translate(provider, plaintext, h2Enabled);
        Secrets.register(target.password());
        Properties driverProperties = new Properties();
        driverProperties.putAll(driverTimeouts(provider, connection.connectTimeoutSeconds()));
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
        return new FailFastPool(new HikariDataSource(config), guard);
    }

    /** Connect deadlines in the driver, so an unreachable host cannot hold a worker thread past the limit. */
    private static Map<String, String> driverTimeouts(Provider provider, int seconds) {
        String s = Integer.toString(seconds);
        return switch (provider) {
            case PostgreSQL -> Map.of("connectTimeout", s, "loginTimeout", s);
            case MySQL -> Map.of("connectTimeout", Long.toString(seconds * 1000L));
            case SqlServer -> Map.of("loginTimeout", s);
            case Oracle -> Map.of("oracle.net.CONNECT_TIMEOUT", Long.toString(seconds * 1000L));
            case H2 -> Map.of();
        };
    }

    /** What the pool is built from; a changed row gives a different one. Compared, not hashed: it is looked at on every run. */
    private static String fingerprint(TargetConnection c, Provider provider) {
        return provider + "\n" + c.connectTimeoutSeconds() + "\n" + c.maxConcurrency() + "\n" + c.connectionString();
    }

    /** Drops the connection's pool (its circuit opened): no connection, no background connect attempt stays. */
    public void evict(UUID connectionId) {
        Pool pool = pools.remove(connectionId);
        if (pool != null) {
            pool.dataSource().close();
        }
    }

    @Override
    public void close() {
        pools.values().forEach(p -> p.dataSource().close());
        pools.clear();
    }
}

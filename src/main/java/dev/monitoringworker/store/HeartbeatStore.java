package dev.monitoringworker.store;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;

import javax.sql.DataSource;

/**
 * A store connection of the heartbeat's own (one, in its own pool), so that a worker whose store pool is busy
 * with results never looks dead. Bound in the Camel registry as {@code heartbeatDataSource}; not a Spring
 * DataSource bean, so the store pool stays the one DataSource everything else uses.
 */
public class HeartbeatStore implements AutoCloseable {

    public static final String REGISTRY_NAME = "heartbeatDataSource";

    private final HikariDataSource dataSource;

    public HeartbeatStore(DataSourceProperties store) {
        this.dataSource = store.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        dataSource.setPoolName("store-heartbeat");
        dataSource.setMaximumPoolSize(1);
        dataSource.setMinimumIdle(1);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}

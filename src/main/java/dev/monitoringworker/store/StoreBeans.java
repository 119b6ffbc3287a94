package dev.monitoringworker.store;

import org.apache.camel.CamelContext;
import org.apache.camel.LoggingLevel;
import org.apache.camel.component.sql.SqlComponent;
import org.apache.camel.component.sql.SqlEndpoint;
import org.apache.camel.processor.errorhandler.RedeliveryPolicy;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import javax.sql.DataSource;

/** The store as the routes use it: statements, transactions, retries, the heartbeat's own connection, and the migrations at start. */
@Configuration(proxyBeanMethods = false)
public class StoreBeans {

    @Bean(destroyMethod = "close")
    HeartbeatStore heartbeatStore(DataSourceProperties store) {
        return new HeartbeatStore(store);
    }

    /**
     * The store as the routes see it, before they start: statements that count their own parameters (no driver
     * metadata asked), on the store pool and on the heartbeat's own connection; named parameters found once per
     * statement; and the transaction routes wrap their writes in, on the same data source.
     */
    @Bean
    CamelContextConfiguration storeForRoutes(DataSource store, HeartbeatStore heartbeat) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                DataSource statements = new ParameterCountingDataSource(store);
                SqlComponent sqlComponent = camel.getComponent("sql", SqlComponent.class);
                sqlComponent.setDataSource(statements);
                sqlComponent.setRowMapperFactory(new WallClockRows());
                NamedParameters namedParameters = new NamedParameters();
                camel.getCamelContextExtension().registerEndpointCallback((uri, endpoint) -> {
                    if (endpoint instanceof SqlEndpoint sql && sql.getPrepareStatementStrategy() == null) {
                        sql.setPrepareStatementStrategy(namedParameters);
                    }
                    return endpoint;
                });
                camel.getRegistry().bind(StoreTransaction.REGISTRY_NAME, new StoreTransaction(statements));
                camel.getRegistry().bind(HeartbeatStore.REGISTRY_NAME, new ParameterCountingDataSource(heartbeat.dataSource()));
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
                // nothing to do once started
            }
        };
    }

    /** The store's migrations at start, run again while the store drops the connection under them. */
    @Bean
    StartupMigration startupMigration(StoreProperties store) {
        return new StartupMigration(store.startupWaitSeconds());
    }

    /**
     * How a failed store statement is tried again (error-handling.camel.yaml): {@code monitoring.store.retries} times,
     * 50 ms doubling to 1 s, each retry logged at DEBUG only.
     */
    @Bean
    RedeliveryPolicy storeRetryPolicy(StoreProperties store) {
        RedeliveryPolicy policy = new RedeliveryPolicy();
        policy.setMaximumRedeliveries(store.retries());
        policy.setRedeliveryDelay(50);
        policy.setUseExponentialBackOff(true);
        policy.setBackOffMultiplier(2);
        policy.setMaximumRedeliveryDelay(1000);
        policy.setRetryAttemptedLogLevel(LoggingLevel.DEBUG);
        return policy;
    }
}

package dev.monitoringworker;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringworker.alert.AlertEvaluator;
import dev.monitoringworker.alert.AlertRules;
import dev.monitoringworker.job.InFlightJobs;
import dev.monitoringworker.job.JobCompletion;
import dev.monitoringworker.job.QueryVersions;
import dev.monitoringworker.job.RetryPolicy;
import dev.monitoringworker.job.ScheduleSlots;
import dev.monitoringworker.job.WorkPlanner;
import dev.monitoringworker.metrics.JobMeters;
import dev.monitoringworker.metrics.ResultMeters;
import dev.monitoringworker.metrics.WorkerMetricsSnapshot;
import dev.monitoringworker.notify.HttpSink;
import dev.monitoringworker.notify.NotificationDelivery;
import dev.monitoringworker.notify.NotificationPayloads;
import dev.monitoringworker.retention.Retention;
import dev.monitoringworker.security.ConnectionStringCipher;
import dev.monitoringworker.security.KeyRingBeans;
import dev.monitoringworker.store.NamedParameters;
import dev.monitoringworker.store.WallClockRows;
import dev.monitoringworker.store.ParameterCountingDataSource;
import dev.monitoringworker.store.StartupMigration;
import dev.monitoringworker.store.StoreTransaction;
import dev.monitoringworker.target.H2Targets;
import dev.monitoringworker.target.RetiredTargets;
import dev.monitoringworker.target.TargetBreakers;
import dev.monitoringworker.target.TargetExecution;
import dev.monitoringworker.target.TargetPools;
import dev.monitoringworker.worker.HeartbeatStore;
import dev.monitoringworker.worker.WorkerControl;
import dev.monitoringworker.worker.WorkerIdentity;
import dev.monitoringworker.worker.WorkerShutdown;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.LoggingLevel;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.sql.SqlComponent;
import org.apache.camel.component.sql.SqlEndpoint;
import org.apache.camel.processor.errorhandler.RedeliveryPolicy;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.LoggingExceptionHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import javax.management.JMException;
import javax.sql.DataSource;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/** The beans the YAML routes call by name ({@code bean: {ref: workPlanner, ...}}). */
@Configuration(proxyBeanMethods = false)
@Import(KeyRingBeans.class)
public class WorkerBeans {

    @Bean
    WorkerIdentity workerIdentity(Environment env, ObjectProvider<BuildProperties> build, ObjectMapper json) {
        Map<String, Object> config = new LinkedHashMap<>();
        for (String key : new String[]{"monitoring.store.dialect", "monitoring.poll.interval-ms", "monitoring.poll.batch-size",
                "monitoring.jobs.lease-seconds", "monitoring.worker.job-threads", "monitoring.worker.work-threads",
                "monitoring.heartbeat.interval-ms", "monitoring.schedule.interval-ms", "spring.profiles.active"}) {
            config.put(key, env.getProperty(key));
        }
        BuildProperties props = build.getIfAvailable();
        String version = props != null ? props.getVersion() : env.getProperty("monitoring.worker.version", "dev");
        return new WorkerIdentity(env.getProperty("monitoring.worker.name"), version,
                env.getProperty("monitoring.worker.environment"), config, json);
    }

    @Bean
    AlertEvaluator alertEvaluator(Environment env, ObjectMapper json) {
        return new AlertEvaluator(AlertRules.configured(env), json);
    }

    @Bean
    NotificationDelivery notificationDelivery(Environment env) {
        List<String> sinks = Arrays.stream(env.getProperty("monitoring.notify.sinks", "log").split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        Map<String, HttpSink> http = new LinkedHashMap<>();
        for (String sink : new String[]{"webhook", "alertmanager"}) {
            http.put(sink, new HttpSink(env.getProperty("monitoring.notify." + sink + ".url", ""),
                    env.getProperty("monitoring.notify." + sink + ".authorization", "")));
        }
        return new NotificationDelivery(sinks, http, env.getProperty("monitoring.notify.batch-size", Integer.class, 20),
                env.getProperty("monitoring.notify.lease-seconds", Integer.class, 300),
                env.getProperty("monitoring.notify.retry-base-seconds", Integer.class, 5),
                env.getProperty("monitoring.notify.retry-max-seconds", Integer.class, 300),
                env.getProperty("monitoring.notify.give-up-after-hours", Long.class, 24L) * 3600);
    }

    @Bean
    NotificationPayloads notificationPayloads(ObjectMapper json, WorkerIdentity worker, Environment env) {
        return new NotificationPayloads(json, worker.name(), env.getProperty("monitoring.notify.alertmanager.receiver", "monitoring-worker"));
    }

    @Bean
    WorkPlanner workPlanner(ObjectMapper json) {
        return new WorkPlanner(json);
    }

    @Bean
    QueryVersions queryVersions() {
        return new QueryVersions();
    }

    @Bean
    JobCompletion jobCompletion(ObjectMapper json, Environment env) {
        return new JobCompletion(json, new RetryPolicy(
                env.getProperty("monitoring.jobs.retry-base-seconds", Integer.class, 10),
                env.getProperty("monitoring.jobs.retry-max-seconds", Integer.class, 600)));
    }

    @Bean
    InFlightJobs inFlightJobs(Environment env) {
        return new InFlightJobs(env.getProperty("monitoring.worker.job-threads", Integer.class, 4),
                env.getProperty("monitoring.poll.batch-size", Integer.class, 20), env.getProperty("monitoring.poll.interval-ms", Long.class, 2000L));
    }

    @Bean
    ScheduleSlots scheduleSlots(Environment env, MeterRegistry meters) {
        return new ScheduleSlots(env.getProperty("monitoring.schedule.interval-ms", Long.class, 5000L) / 1000L + 1, meters);
    }

    @Bean(destroyMethod = "close")
    TargetPools targetPools(ConnectionStringCipher cipher, Environment env) {
        return new TargetPools(cipher, H2Targets.enabled(env),
                Duration.ofSeconds(env.getProperty("monitoring.targets.pool-idle-seconds", Long.class, 600L)), System::nanoTime);
    }

    /** A circuit breaker per connection; its state on /actuator/prometheus as monitoring_target_circuit_state{connection}. */
    @Bean
    TargetBreakers targetBreakers(TargetPools pools, Environment env, MeterRegistry meters) {
        return new TargetBreakers(pools,
                env.getProperty("monitoring.targets.breaker.failures", Integer.class, 3),
                Duration.ofSeconds(env.getProperty("monitoring.targets.breaker.open-seconds", Long.class, 30L)),
                Duration.ofSeconds(env.getProperty("monitoring.targets.breaker.max-open-seconds", Long.class, 600L)), meters);
    }

    @Bean
    RetiredTargets retiredTargets(TargetPools pools, TargetBreakers breakers) {
        return new RetiredTargets(pools, breakers);
    }

    /** For the run-in-process consumer: a failed run is its result row; a stack trace per run is for DEBUG only. */
    @Bean
    ExceptionHandler quietTargetRuns(CamelContext camel) {
        return new LoggingExceptionHandler(camel, TargetExecution.class, LoggingLevel.DEBUG);
    }

    @Bean
    TargetExecution targetExecution(TargetPools pools, TargetBreakers breakers, ObjectMapper json, Environment env) {
        return new TargetExecution(pools, breakers, json, env.getProperty("monitoring.security.allow-plaintext", Boolean.class, false));
    }

    @Bean
    ResultMeters resultMeters(MeterRegistry registry) {
        return new ResultMeters(registry);
    }

    @Bean
    JobMeters jobMeters(MeterRegistry registry) {
        return new JobMeters(registry);
    }

    @Bean
    WorkerMetricsSnapshot workerMetricsSnapshot(MeterRegistry registry, InFlightJobs inFlight, WorkerIdentity identity) {
        return new WorkerMetricsSnapshot(registry, inFlight, identity);
    }

    @Bean
    Retention retention(Environment env, MeterRegistry registry) {
        return new Retention(env.getProperty("monitoring.retention.batch-size", Integer.class, Retention.MAX_BATCH), registry);
    }

    /** Pause, resume, drain; the MBean monitoring.worker:type=Worker,name="<worker name>". */
    @Bean(destroyMethod = "close")
    WorkerControl workerControl(WorkerIdentity identity, InFlightJobs inFlight, ProducerTemplate producer,
                                ApplicationEventPublisher events, Environment env, MeterRegistry meters) throws JMException {
        return new WorkerControl(identity, inFlight, producer, events,
                Duration.ofSeconds(env.getProperty("monitoring.worker.drain-seconds", Long.class, 30L)), meters).registered();
    }

    @Bean
    WorkerShutdown workerShutdown(WorkerControl control) {
        return new WorkerShutdown(control);
    }

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
    StartupMigration startupMigration(Environment env) {
        return new StartupMigration(env.getProperty("monitoring.store.startup-wait-seconds", Long.class, 300L));
    }

    /**
     * How a failed store statement is tried again (error-handling.camel.yaml): {@code monitoring.store.retries} times,
     * 50 ms doubling to 1 s, each retry logged at DEBUG only.
     */
    @Bean
    RedeliveryPolicy storeRetryPolicy(Environment env) {
        RedeliveryPolicy policy = new RedeliveryPolicy();
        policy.setMaximumRedeliveries(env.getProperty("monitoring.store.retries", Integer.class, 10));
        policy.setRedeliveryDelay(50);
        policy.setUseExponentialBackOff(true);
        policy.setBackOffMultiplier(2);
        policy.setMaximumRedeliveryDelay(1000);
        policy.setRetryAttemptedLogLevel(LoggingLevel.DEBUG);
        return policy;
    }

    /** Runs (connection x query) work items; separate from the job threads so jobs and their items cannot starve each other. */
    @Bean(destroyMethod = "")
    ExecutorService workPool(CamelContext camel, Environment env) {
        return camel.getExecutorServiceManager().newFixedThreadPool(this, "work",
                env.getProperty("monitoring.worker.work-threads", Integer.class, 8));
    }
}

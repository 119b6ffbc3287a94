package dev.monitoringworker;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringworker.alert.AlertEvaluator;
import dev.monitoringworker.alert.AlertRules;
import dev.monitoringworker.alert.AlertsProperties;
import dev.monitoringworker.job.InFlightJobs;
import dev.monitoringworker.job.JobCompletion;
import dev.monitoringworker.job.JobsProperties;
import dev.monitoringworker.job.PollProperties;
import dev.monitoringworker.job.QueryVersions;
import dev.monitoringworker.job.RetryPolicy;
import dev.monitoringworker.job.ScheduleProperties;
import dev.monitoringworker.job.ScheduleSlots;
import dev.monitoringworker.job.WorkPlanner;
import dev.monitoringworker.metrics.JobMeters;
import dev.monitoringworker.metrics.NotificationMeters;
import dev.monitoringworker.metrics.ResultMeters;
import dev.monitoringworker.metrics.WorkerMetricsSnapshot;
import dev.monitoringworker.notify.HttpSink;
import dev.monitoringworker.notify.NotificationDelivery;
import dev.monitoringworker.notify.NotificationPayloads;
import dev.monitoringworker.notify.NotifyProperties;
import dev.monitoringworker.retention.Retention;
import dev.monitoringworker.retention.RetentionProperties;
import dev.monitoringworker.security.ConnectionStringCipher;
import dev.monitoringworker.security.KeyRingBeans;
import dev.monitoringworker.security.WorkerSecurityProperties;
import dev.monitoringworker.store.NamedParameters;
import dev.monitoringworker.store.WallClockRows;
import dev.monitoringworker.store.ParameterCountingDataSource;
import dev.monitoringworker.store.StartupMigration;
import dev.monitoringworker.store.StoreProperties;
import dev.monitoringworker.store.StoreTransaction;
import dev.monitoringworker.target.H2Targets;
import dev.monitoringworker.target.RetiredTargets;
import dev.monitoringworker.target.TargetBreakers;
import dev.monitoringworker.target.TargetExecution;
import dev.monitoringworker.target.TargetPools;
import dev.monitoringworker.target.TargetsProperties;
import dev.monitoringworker.worker.HeartbeatStore;
import dev.monitoringworker.worker.WorkerControl;
import dev.monitoringworker.worker.WorkerIdentity;
import dev.monitoringworker.worker.WorkerProperties;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/** The beans the YAML routes call by name ({@code bean: {ref: workPlanner, ...}}). */
@Configuration(proxyBeanMethods = false)
@Import(KeyRingBeans.class)
public class WorkerBeans {

    @Bean
    WorkerIdentity workerIdentity(Environment env, WorkerProperties worker, ObjectProvider<BuildProperties> build, ObjectMapper json) {
        // what WorkerInstances.Configuration records: the settings that shape this worker's share of the queue
        Map<String, Object> config = new LinkedHashMap<>();
        for (String key : new String[]{"monitoring.store.dialect", "monitoring.poll.interval-ms", "monitoring.poll.batch-size",
                "monitoring.jobs.lease-seconds", "monitoring.worker.job-threads", "monitoring.worker.work-threads",
                "monitoring.heartbeat.interval-ms", "monitoring.schedule.interval-ms", "spring.profiles.active"}) {
            config.put(key, env.getProperty(key));
        }
        BuildProperties props = build.getIfAvailable();
        String version = props != null ? props.getVersion() : worker.version();
        return new WorkerIdentity(worker.name(), version, worker.environment(), config, json);
    }

    @Bean
    AlertEvaluator alertEvaluator(AlertsProperties alerts, ObjectMapper json) {
        return new AlertEvaluator(AlertRules.configured(alerts), json);
    }

    @Bean
    NotificationDelivery notificationDelivery(NotifyProperties notify) {
        List<String> sinks = notify.sinks().stream().map(NotifyProperties.Sink::key).distinct().toList();
        Map<String, HttpSink> http = new LinkedHashMap<>();
        http.put(NotifyProperties.Sink.WEBHOOK.key(), new HttpSink(notify.webhook().url(), notify.webhook().authorization()));
        http.put(NotifyProperties.Sink.ALERTMANAGER.key(), new HttpSink(notify.alertmanager().url(), notify.alertmanager().authorization()));
        return new NotificationDelivery(sinks, http, notify.batchSize(), notify.leaseSeconds(), notify.retryBaseSeconds(),
                notify.retryMaxSeconds(), notify.giveUpAfterHours() * 3600);
    }

    @Bean
    NotificationPayloads notificationPayloads(ObjectMapper json, WorkerIdentity worker, NotifyProperties notify) {
        return new NotificationPayloads(json, worker.name(), notify.alertmanager().receiver());
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
    JobCompletion jobCompletion(ObjectMapper json, JobsProperties jobs) {
        return new JobCompletion(json, new RetryPolicy(jobs.retryBaseSeconds(), jobs.retryMaxSeconds()));
    }

    @Bean
    InFlightJobs inFlightJobs(WorkerProperties worker, PollProperties poll) {
        return new InFlightJobs(worker.jobThreads(), poll.batchSize(), poll.intervalMs());
    }

    @Bean
    ScheduleSlots scheduleSlots(ScheduleProperties schedule, MeterRegistry meters) {
        return new ScheduleSlots(schedule.intervalMs() / 1000L + 1, meters);
    }

    @Bean(destroyMethod = "close")
    TargetPools targetPools(ConnectionStringCipher cipher, TargetsProperties targets, StoreProperties store) {
        return new TargetPools(cipher, H2Targets.enabled(targets, store), Duration.ofSeconds(targets.poolIdleSeconds()), System::nanoTime);
    }

    /** A circuit breaker per connection; its state on /actuator/prometheus as monitoring_target_circuit_state{connection}. */
    @Bean
    TargetBreakers targetBreakers(TargetPools pools, TargetsProperties targets, MeterRegistry meters) {
        TargetsProperties.Breaker breaker = targets.breaker();
        return new TargetBreakers(pools, breaker.failures(), Duration.ofSeconds(breaker.openSeconds()),
                Duration.ofSeconds(breaker.maxOpenSeconds()), meters);
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
    TargetExecution targetExecution(TargetPools pools, TargetBreakers breakers, ObjectMapper json, WorkerSecurityProperties security) {
        return new TargetExecution(pools, breakers, json, security.allowPlaintext());
    }

    @Bean
    ResultMeters resultMeters(MeterRegistry registry) {
        return new ResultMeters(registry);
    }

    @Bean
    NotificationMeters notificationMeters(NotificationDelivery delivery, MeterRegistry registry) {
        return new NotificationMeters(delivery, registry);
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
    Retention retention(RetentionProperties retention, MeterRegistry registry) {
        return new Retention(retention.batchSize(), registry);
    }

    /** Pause, resume, drain; the MBean monitoring.worker:type=Worker,name="<worker name>". */
    @Bean(destroyMethod = "close")
    WorkerControl workerControl(WorkerIdentity identity, InFlightJobs inFlight, ProducerTemplate producer,
                                ApplicationEventPublisher events, WorkerProperties worker, MeterRegistry meters) throws JMException {
        return new WorkerControl(identity, inFlight, producer, events, Duration.ofSeconds(worker.drainSeconds()), meters).registered();
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

    /** Runs (connection x query) work items; separate from the job threads so jobs and their items cannot starve each other. */
    @Bean(destroyMethod = "")
    ExecutorService workPool(CamelContext camel, WorkerProperties worker) {
        return camel.getExecutorServiceManager().newFixedThreadPool(this, "work", worker.workThreads());
    }
}

package dev.monitoringworker.metrics;

import dev.monitoringworker.job.InFlightJobs;
import dev.monitoringworker.notify.NotificationDelivery;
import dev.monitoringworker.worker.WorkerIdentity;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The product's own meters and the snapshot written to WorkerMetrics. */
@Configuration(proxyBeanMethods = false)
public class MetricsBeans {

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
    ResultGauges resultGauges(MeterRegistry registry, MetricsProperties metrics) {
        return new ResultGauges(registry, metrics.valueSeriesMax());
    }
}

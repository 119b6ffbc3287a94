package dev.monitoringworker.metrics;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The worker's own metrics in the store ({@code monitoring.metrics.*}).
 *
 * @param intervalMs how often this worker writes its metrics to WorkerMetrics and reads the queue depth
 */
@Validated
@ConfigurationProperties("monitoring.metrics")
public record MetricsProperties(@DefaultValue("60000") @Positive long intervalMs) {
}

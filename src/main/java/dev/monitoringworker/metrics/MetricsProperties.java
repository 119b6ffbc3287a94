package dev.monitoringworker.metrics;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The worker's own metrics in the store ({@code monitoring.metrics.*}).
 *
 * @param intervalMs       how often this worker writes its metrics to WorkerMetrics and reads the queue depth
 * @param valuesIntervalMs how often this worker reads the latest value and alert state of every enabled (connection, query) and key for the monitoring_result_* gauges
 * @param valueSeriesMax   the most (connection, query, key) series of monitoring_result_value and _status one worker exports
 */
@Validated
@ConfigurationProperties("monitoring.metrics")
public record MetricsProperties(
        @DefaultValue("60000") @Positive long intervalMs,
        @DefaultValue("15000") @Positive long valuesIntervalMs,
        @DefaultValue("10000") @PositiveOrZero int valueSeriesMax) {
}

package dev.monitoringworker.job;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Claiming ({@code monitoring.poll.*}).
 *
 * @param intervalMs claim tick
 * @param batchSize  most jobs per claim (and at most half of job-threads + batch-size, the most a worker holds from claim to write)
 */
@Validated
@ConfigurationProperties("monitoring.poll")
public record PollProperties(
        @DefaultValue("2000") @Positive long intervalMs,
        @DefaultValue("20") @Positive @Max(1000) int batchSize) {
}

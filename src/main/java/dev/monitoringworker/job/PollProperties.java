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
 * @param batchSize  jobs per claim; a worker holds at most job-threads + batch-size jobs, from claim to write
 */
@Validated
@ConfigurationProperties("monitoring.poll")
public record PollProperties(
        @DefaultValue("2000") @Positive long intervalMs,
        @DefaultValue("20") @Positive @Max(1000) int batchSize) {
}

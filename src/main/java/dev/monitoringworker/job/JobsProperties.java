package dev.monitoringworker.job;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Claimed jobs ({@code monitoring.jobs.*}).
 *
 * @param leaseSeconds     lease of a claimed job, extended by heartbeats
 * @param retryBaseSeconds wait before a failed job's next attempt, doubling with each attempt
 * @param retryMaxSeconds  cap of the wait before a failed job's next attempt
 */
@Validated
@ConfigurationProperties("monitoring.jobs")
public record JobsProperties(
        @DefaultValue("60") @Positive int leaseSeconds,
        @DefaultValue("10") @Positive int retryBaseSeconds,
        @DefaultValue("600") @Positive int retryMaxSeconds) {
}

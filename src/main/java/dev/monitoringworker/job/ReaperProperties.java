package dev.monitoringworker.job;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Expired leases and silent workers ({@code monitoring.reaper.*}).
 *
 * @param intervalMs       reaper tick
 * @param deadAfterSeconds heartbeat silence after which a worker is declared Dead and its pinned jobs freed
 */
@Validated
@ConfigurationProperties("monitoring.reaper")
public record ReaperProperties(
        @DefaultValue("15000") @Positive long intervalMs,
        @DefaultValue("60") @Positive int deadAfterSeconds) {
}

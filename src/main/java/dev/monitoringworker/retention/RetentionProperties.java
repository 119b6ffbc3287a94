package dev.monitoringworker.retention;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Removal of old rows ({@code monitoring.retention.*}); how old is the Config row MonitoringWorker.RetentionDays.
 *
 * @param cron      when results, worker metrics, alert events and finished jobs past retention are removed (Quartz cron)
 * @param batchSize rows one delete statement removes
 */
@Validated
@ConfigurationProperties("monitoring.retention")
public record RetentionProperties(
        @DefaultValue("0 30 3 * * ?") @NotBlank String cron,
        @DefaultValue("4000") @Positive @Max(Retention.MAX_BATCH) int batchSize) {
}

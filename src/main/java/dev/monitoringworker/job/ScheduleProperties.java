package dev.monitoringworker.job;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Scheduling ({@code monitoring.schedule.*}).
 *
 * @param intervalMs scheduler tick; also when the pools of disabled, deleted or changed connections close
 */
@Validated
@ConfigurationProperties("monitoring.schedule")
public record ScheduleProperties(@DefaultValue("5000") @Positive long intervalMs) {
}

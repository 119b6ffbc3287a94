package dev.monitoringworker.maintenance;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Maintenance windows and silences ({@code monitoring.maintenance.*}).
 *
 * @param intervalMs how often a worker reads the windows and hands over the held changes of those that ended; a window
 *                   made on another worker takes effect here within this
 */
@Validated
@ConfigurationProperties("monitoring.maintenance")
public record MaintenanceProperties(@DefaultValue("5000") @Positive long intervalMs) {
}

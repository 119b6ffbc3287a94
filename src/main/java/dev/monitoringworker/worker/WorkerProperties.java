package dev.monitoringworker.worker;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * This worker ({@code monitoring.worker.*}; its thread settings are {@code job.ThreadsProperties}).
 *
 * @param name         recorded in WorkerInstances; empty: MonitoringWorker- and the host name
 * @param environment  recorded in WorkerInstances
 * @param version      recorded in WorkerInstances when the jar carries no build information
 * @param drainSeconds on SIGTERM or the JMX drain operation, how long running jobs may take to finish before they are handed back to Pending
 */
@Validated
@ConfigurationProperties("monitoring.worker")
public record WorkerProperties(
        @DefaultValue("") String name,
        @DefaultValue("Default") @NotBlank String environment,
        @DefaultValue("dev") String version,
        @DefaultValue("30") @PositiveOrZero long drainSeconds) {
}

package dev.monitoringworker.job;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How much of the job pipeline runs at once: the {@code monitoring.worker.*} thread settings (the worker's identity and
 * drain are {@code worker.WorkerProperties}, under the same prefix).
 *
 * @param jobThreads  claimed batches run side by side; a worker holds at most job-threads + batch-size jobs
 * @param workThreads (connection, query) runs side by side
 */
@Validated
@ConfigurationProperties("monitoring.worker")
public record ThreadsProperties(
        @DefaultValue("4") @Positive @Max(256) int jobThreads,
        @DefaultValue("8") @Positive @Max(1024) int workThreads) {
}

package dev.monitoringworker.execution;

import java.util.UUID;

/** The attempt of a job a work item belongs to, as its result row names it. */
public record JobRun(UUID jobId, UUID workerInstanceId, int attempt) {
}

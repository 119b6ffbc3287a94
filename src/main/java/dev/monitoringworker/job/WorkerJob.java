package dev.monitoringworker.job;

import dev.monitoringworker.execution.JobRun;
import dev.monitoringworker.store.Row;

import java.util.UUID;

/** A claimed row of WorkerJobs: what to run, and the fence (runner + Attempt) its writes must carry. */
public record WorkerJob(UUID jobId, String jobName, String jobType, int priority, UUID connectionId, UUID queryId,
                        String environment, String parameters, UUID runnerId, int attempt, int maxAttempts) {

    public static WorkerJob from(Row row) {
        Integer priority = row.integer("Priority");
        Integer attempt = row.integer("Attempt");
        Integer maxAttempts = row.integer("MaxAttempts");
        return new WorkerJob(row.uuid("JobId"), row.string("JobName"), row.string("JobType"),
                priority == null ? 5 : priority, row.uuid("ConnectionId"), row.uuid("QueryId"),
                row.string("Environment"), row.string("Parameters"), row.uuid("WorkerInstanceId"),
                attempt == null ? 1 : attempt, maxAttempts == null ? 3 : maxAttempts);
    }

    public String label() {
        return (jobName == null || jobName.isBlank() ? "job" : "job '" + jobName + "'") + " (" + jobId + ")";
    }

    /** This attempt, as the work items it runs carry it. */
    public JobRun run() {
        return new JobRun(jobId, runnerId, attempt);
    }
}

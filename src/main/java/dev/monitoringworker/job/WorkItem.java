package dev.monitoringworker.job;

import dev.monitoringworker.target.TargetConnection;

/** One (connection, query) run of a job: the unit that yields exactly one result row. */
public record WorkItem(WorkerJob job, TargetConnection connection, MonitoringQuery query) {
}

package dev.monitoringworker.execution;

/** One (connection, query) run of a job's attempt: the unit that yields exactly one result row. */
public record WorkItem(JobRun run, TargetConnection connection, MonitoringQuery query) {
}

package dev.monitoringworker.execution;

import dev.monitoringworker.threshold.CounterSample;

import java.util.Map;

/**
 * One (connection, query) run of a job's attempt: the unit that yields exactly one result row. A counter query's item
 * carries the pair's last readings ({@code counters}, by RowKey), from which its run takes its rate.
 */
public record WorkItem(JobRun run, TargetConnection connection, MonitoringQuery query, Map<String, CounterSample> counters) {

    public WorkItem(JobRun run, TargetConnection connection, MonitoringQuery query) {
        this(run, connection, query, Map.of());
    }

    /** The same run with the pair's last counter readings. */
    public WorkItem withCounters(Map<String, CounterSample> readings) {
        return new WorkItem(run, connection, query, Map.copyOf(readings));
    }
}

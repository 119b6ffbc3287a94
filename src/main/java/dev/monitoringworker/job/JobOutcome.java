package dev.monitoringworker.job;

import java.util.List;
import java.util.Map;

/**
 * A job that ran: its result rows and the parameters of its fenced completion. Outcomes are written in
 * one transaction per claimed batch (write-batch): a batch of jobs costs a few statements, not a few per job.
 */
public record JobOutcome(WorkerJob job, List<Map<String, Object>> results, Map<String, Object> completion) {

    /** Identity: Camel keys its method caches by the objects a route calls into; hashing every result row per call is waste. */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}

package dev.monitoringworker.job;

import java.util.List;
import java.util.Map;

/**
 * A claimed batch after its run, as its one store transaction writes it: the result rows of the jobs that ran and
 * their fenced completions, and the failed attempts of the jobs that could not run (each with its reason).
 */
public record JobBatch(List<WorkerJob> jobs, List<JobOutcome> outcomes, List<Map<String, Object>> results,
                       List<Map<String, Object>> completions, List<WorkerJob> failedJobs, List<Map<String, Object>> failures) {

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

package dev.monitoringworker.job;

import java.util.List;
import java.util.Map;

/**
 * A claimed batch after its run, as its one store transaction writes it: the result rows of the jobs that ran and
 * their fenced completions, and the failed attempts of the jobs that could not run (each with its reason). A class,
 * not a record: Camel keys its method caches by the objects a route calls into, and this one hashes by identity.
 */
public final class JobBatch {

    private final List<JobOutcome> outcomes;
    private final List<Map<String, Object>> results;
    private final List<Map<String, Object>> completions;
    private final List<WorkerJob> failedJobs;
    private final List<Map<String, Object>> failures;

    public JobBatch(List<JobOutcome> outcomes, List<Map<String, Object>> results,
                    List<Map<String, Object>> completions, List<WorkerJob> failedJobs, List<Map<String, Object>> failures) {
        this.outcomes = outcomes;
        this.results = results;
        this.completions = completions;
        this.failedJobs = failedJobs;
        this.failures = failures;
    }

    /** The jobs that ran, each with its result rows and completion parameters. */
    public List<JobOutcome> outcomes() {
        return outcomes;
    }

    /** Parameters of insert-result.sql, in JobId order. */
    public List<Map<String, Object>> results() {
        return results;
    }

    /** Parameters of complete-job.sql, in JobId order. */
    public List<Map<String, Object>> completions() {
        return completions;
    }

    /** The jobs that could not run. */
    public List<WorkerJob> failedJobs() {
        return failedJobs;
    }

    /** Parameters of fail-job.sql for {@link #failedJobs()}, in the same order. */
    public List<Map<String, Object>> failures() {
        return failures;
    }
}

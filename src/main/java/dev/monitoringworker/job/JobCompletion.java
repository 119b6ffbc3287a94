package dev.monitoringworker.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringworker.security.Secrets;
import dev.monitoringworker.threshold.ResultStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the fenced completion and failure statements' parameters for a job and logs one line per outcome.
 * Every statement carries JobId, runner and Attempt: a worker whose lease was taken over changes nothing.
 */
public class JobCompletion {

    private static final Logger LOG = LoggerFactory.getLogger(JobCompletion.class);

    private final ObjectMapper json;
    private final RetryPolicy retry;

    public JobCompletion(ObjectMapper json, RetryPolicy retry) {
        this.json = json;
        this.retry = retry;
    }

    /** The start of a job's run, for its DurationMs. */
    public long clock() {
        return System.nanoTime();
    }

    /** Parameters of complete-job.sql for a job whose work items all produced result rows. */
    public Map<String, Object> succeeded(WorkerJob job, List<Map<String, Object>> results, long startedNanos) throws JsonProcessingException {
        Map<ResultStatus, Integer> counts = new EnumMap<>(ResultStatus.class);
        for (Map<String, Object> r : results) {
            counts.merge(ResultStatus.valueOf((String) r.get("Status")), 1, Integer::sum);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("results", results.size());
        counts.forEach((status, n) -> summary.put(status.name(), n));
        Map<String, Object> params = fence(job);
        params.put("ResultSummary", json.writeValueAsString(summary));
        params.put("DurationMs", elapsedMs(startedNanos));
        return params;
    }

    /** Parameters of fail-job.sql: back to Pending after a backoff, or Failed once MaxAttempts is reached. */
    public Map<String, Object> failed(WorkerJob job, String error, long startedNanos) {
        Map<String, Object> params = fence(job);
        params.put("LastError", truncate("attempt " + job.attempt() + " of " + job.maxAttempts() + ": " + Secrets.redact(error), 4000));
        params.put("BackoffSeconds", retry.backoffSeconds(job.attempt()));
        params.put("DurationMs", elapsedMs(startedNanos));
        return params;
    }

    /**
     * Logs the outcome once the fenced update ran. Zero rows updated means the lease was lost meanwhile, or,
     * when the store write had to be retried, that an earlier try was committed although its answer was lost.
     */
    public void logged(WorkerJob job, Map<String, Object> params, int updated, Boolean retried) {
        if (updated == 0 && Boolean.TRUE.equals(retried)) {
            LOG.info("{} attempt {}: outcome written by an earlier try whose answer was lost (or the lease was taken over meanwhile)",
                    job.label(), job.attempt());
        } else if (updated == 0) {
            LOG.warn("{} attempt {}: outcome not recorded, the job is no longer Running under this worker: its lease was taken over",
                    job.label(), job.attempt());
        } else if (params.containsKey("LastError")) {
            boolean last = job.attempt() >= job.maxAttempts();
            LOG.warn("{} {} after {} ms, {}: {}", job.label(), last ? "Failed" : "will be retried in " + params.get("BackoffSeconds") + " s",
                    params.get("DurationMs"), "attempt " + job.attempt() + "/" + job.maxAttempts(), params.get("LastError"));
        } else {
            LOG.info("{} Succeeded in {} ms, attempt {}: {}", job.label(), params.get("DurationMs"), job.attempt(), params.get("ResultSummary"));
        }
    }

    private static Map<String, Object> fence(WorkerJob job) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("JobId", job.jobId());
        params.put("WorkerInstanceId", job.runnerId());
        params.put("Attempt", job.attempt());
        return params;
    }

    private static long elapsedMs(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000L;
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}

package dev.monitoringworker.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringworker.security.Secrets;
import dev.monitoringworker.store.Row;
import dev.monitoringworker.execution.TargetExecution;
import dev.monitoringworker.threshold.ResultStatus;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.apache.camel.Variables;
import org.apache.camel.component.sql.SqlConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    /**
     * Sorts a batch's results (one list per lane of work items) back to their jobs: each runnable job's rows and
     * fenced completion, each unrunnable job's failed attempt. Sets the variables the batch's transaction writes:
     * {@code batch}, {@code results}, {@code completions} and {@code failures}, each in JobId order, so that two
     * overlapping writes cannot deadlock, and {@code counterSamples}, the counters' new readings.
     */
    public JobBatch batch(@Variable("plans") List<JobPlan> plans,
                          @Body List<List<Map<String, Object>>> lanes, @Variable("startedNanos") long startedNanos,
                          @Variables Map<String, Object> variables) throws JsonProcessingException {
        Map<UUID, List<Map<String, Object>>> byJob = new HashMap<>();
        for (List<Map<String, Object>> lane : lanes) {
            for (Map<String, Object> r : lane) {
                byJob.computeIfAbsent((UUID) r.get("JobId"), id -> new ArrayList<>()).add(r);
            }
        }
        List<JobOutcome> outcomes = new ArrayList<>();
        List<WorkerJob> failedJobs = new ArrayList<>();
        List<Map<String, Object>> failures = new ArrayList<>();
        long elapsedMs = elapsedMs(startedNanos);
        for (JobPlan plan : plans.stream().sorted(Comparator.comparing(p -> p.job().jobId())).toList()) {
            if (plan.runnable()) {
                outcomes.add(succeeded(plan.job(), byJob.getOrDefault(plan.job().jobId(), List.of())));
            } else {
                failedJobs.add(plan.job());
                failures.add(failure(plan.job(), plan.error(), elapsedMs));
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        outcomes.forEach(o -> rows.addAll(o.results()));
        JobBatch batch = new JobBatch(outcomes, rows, outcomes.stream().map(JobOutcome::completion).toList(), failedJobs, failures);
        variables.put("batch", batch);
        variables.put("results", batch.results());
        variables.put("completions", batch.completions());
        variables.put("failures", batch.failures());
        variables.put("counterSamples", counterSamples(rows));
        return batch;
    }

    /** The counter readings of a batch's results (update-counter-sample.sql's parameters), in key order: two overlapping writes cannot deadlock. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> counterSamples(List<Map<String, Object>> results) {
        List<Map<String, Object>> samples = new ArrayList<>();
        for (Map<String, Object> r : results) {
            if (r.get(TargetExecution.COUNTER_SAMPLES) instanceof List<?> readings) {
                readings.forEach(reading -> samples.add((Map<String, Object>) reading));
            }
        }
        samples.sort(Comparator.comparing((Map<String, Object> m) -> (UUID) m.get("ConnectionId"))
                .thenComparing(m -> (UUID) m.get("QueryId")).thenComparing(m -> (String) m.get("RowKey")));
        return samples;
    }

    /** A job whose work items all produced result rows, with the parameters of its complete-job.sql; it took as long as its longest item. */
    private JobOutcome succeeded(WorkerJob job, List<Map<String, Object>> results) throws JsonProcessingException {
        Map<ResultStatus, Integer> counts = new EnumMap<>(ResultStatus.class);
        long durationMs = 0;
        for (Map<String, Object> r : results) {
            counts.merge(ResultStatus.valueOf((String) r.get("Status")), 1, Integer::sum);
            durationMs = Math.max(durationMs, r.get("DurationMs") instanceof Number n ? n.longValue() : 0L);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("results", results.size());
        counts.forEach((status, n) -> summary.put(status.name(), n));
        Map<String, Object> params = fence(job);
        params.put("ResultSummary", json.writeValueAsString(summary));
        params.put("DurationMs", durationMs);
        return new JobOutcome(job, results, params);
    }

    /**
     * Parameters of fail-job.sql for every job of a batch whose transaction could not be written (or, for a batch
     * that failed before it had outcomes, its jobs as claimed); sets the variable {@code failures}.
     */
    public List<Map<String, Object>> unwritten(@Variable("jobs") List<WorkerJob> jobs, @Variable("startedNanos") long startedNanos,
                                               @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable error,
                                               @Variables Map<String, Object> variables) {
        long elapsedMs = elapsedMs(startedNanos);
        List<Map<String, Object>> failures = jobs.stream().sorted(Comparator.comparing(WorkerJob::jobId))
                .map(j -> failure(j, "outcome not written: " + (error == null ? "" : error.getMessage()), elapsedMs)).toList();
        variables.put("failures", failures);
        return failures;
    }

    /** Logs a batch whose outcomes could not be written, once its attempts' failures are recorded (or not). */
    public void unwrittenLogged(@Variable("failures") List<Map<String, Object>> failures, @Header(SqlConstants.SQL_UPDATE_COUNT) Integer updated) {
        LOG.warn("The outcomes of {} job(s) could not be written; {} of them recorded as failed attempts (retried with backoff), "
                        + "the others are reclaimed when their leases run out: {}", failures.size(), updated == null ? 0 : updated,
                failures.isEmpty() ? "" : failures.get(0).get("LastError"));
    }

    /** Parameters of select-jobs.sql: the batch's jobs, read back when fewer completions took than were sent. */
    public Map<String, Object> readBack(@Variable("batch") JobBatch batch) {
        return Map.of("JobIds", batch.outcomes().stream().map(o -> o.job().jobId()).toList());
    }

    /**
     * Logs a batch's completions: each job at DEBUG, and at WARN every job the read-back shows is not completed
     * by this run (its lease was taken over). A completion written by an earlier, retried try reads back as
     * completed. {@code jobRows} is null when all completions took.
     */
    public void recorded(@Variable("batch") JobBatch batch, @Variable("readBack") List<Map<String, Object>> jobRows) {
        Map<UUID, Row> byId = new HashMap<>();
        if (jobRows != null) {
            jobRows.forEach(r -> byId.put(Row.of(r).uuid("JobId"), Row.of(r)));
        }
        for (JobOutcome o : batch.outcomes()) {
            Row row = byId.get(o.job().jobId());
            boolean took = jobRows == null || row != null && "Succeeded".equals(row.string("Status"))
                    && o.job().runnerId().equals(row.uuid("WorkerInstanceId")) && Integer.valueOf(o.job().attempt()).equals(row.integer("Attempt"));
            logged(o.job(), o.completion(), took ? 1 : 0, null);
        }
        for (int i = 0; i < batch.failedJobs().size(); i++) {
            logged(batch.failedJobs().get(i), batch.failures().get(i), 1, null);
        }
    }

    /** Parameters of fail-job.sql: back to Pending after a backoff, or Failed once MaxAttempts is reached. */
    private Map<String, Object> failure(WorkerJob job, String error, long durationMs) {
        Map<String, Object> params = fence(job);
        params.put("LastError", truncate("attempt " + job.attempt() + " of " + job.maxAttempts() + ": " + Secrets.redact(error), 4000));
        params.put("BackoffSeconds", retry.backoffSeconds(job.attempt()));
        params.put("DurationMs", durationMs);
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
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("{} Succeeded in {} ms, attempt {}: {}", job.label(), params.get("DurationMs"), job.attempt(), params.get("ResultSummary"));
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

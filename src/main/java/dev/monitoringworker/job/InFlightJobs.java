package dev.monitoringworker.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The jobs this worker is running right now. Heartbeats extend the leases of these jobs only: a job that was
 * claimed but never started here (its claim's answer was lost, or the route failed after the claim) keeps
 * its lease running out and is reclaimed, instead of being kept alive by a worker that forgot it.
 */
public class InFlightJobs {

    private final Set<UUID> running = ConcurrentHashMap.newKeySet();

    public void started(WorkerJob job) {
        running.add(job.jobId());
    }

    public void finished(WorkerJob job) {
        running.remove(job.jobId());
    }

    /** Parameters of extend-leases.sql. */
    public Map<String, Object> leaseParameters(UUID workerId, int leaseSeconds) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("WorkerInstanceId", workerId);
        p.put("LeaseSeconds", leaseSeconds);
        p.put("JobIds", new ArrayList<>(running));
        return p;
    }

    public static boolean any(Map<String, Object> leaseParameters) {
        return !((List<?>) leaseParameters.get("JobIds")).isEmpty();
    }
}

package dev.monitoringworker.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringworker.store.Row;
import dev.monitoringworker.target.TargetConnection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Expands claimed jobs into (connection x query) work items (DESIGN section 4): a job names a connection, a
 * query, both, or neither; what it leaves out expands to every enabled connection (of its Environment) and
 * every enabled query that applies to the connection's provider.
 */
public class WorkPlanner {

    static final String JOB_TYPE = "DatabaseMonitoring";

    private final ObjectMapper json;

    public WorkPlanner(ObjectMapper json) {
        this.json = json;
    }

    public List<WorkerJob> jobs(List<Map<String, Object>> claimedRows) {
        return claimedRows.stream().map(Row::of).map(WorkerJob::from).toList();
    }

    public List<JobPlan> plan(List<WorkerJob> jobs, List<Map<String, Object>> connectionRows, List<Map<String, Object>> queryRows) {
        Catalog catalog = Catalog.of(connectionRows, queryRows);
        return jobs.stream().map(job -> plan(job, catalog)).toList();
    }

    /** The work items of a runnable plan. @throws JobPlanException with the plan's error otherwise */
    public List<WorkItem> workItems(JobPlan plan) {
        if (!plan.runnable()) {
            throw new JobPlanException(plan.error());
        }
        return plan.items();
    }

    JobPlan plan(WorkerJob job, Catalog catalog) {
        if (job.jobType() != null && !job.jobType().equalsIgnoreCase(JOB_TYPE)) {
            return JobPlan.failed(job, "JobType '" + job.jobType() + "' is not run by this worker; use " + JOB_TYPE);
        }
        String parametersError = checkParameters(job.parameters());
        if (parametersError != null) {
            return JobPlan.failed(job, parametersError);
        }
        List<TargetConnection> connections;
        if (job.connectionId() != null) {
            TargetConnection c = catalog.connections().get(job.connectionId());
            if (c == null) {
                return JobPlan.failed(job, "ConnectionId " + job.connectionId() + " does not exist in DatabaseConnections");
            }
            if (!c.enabled()) {
                return JobPlan.failed(job, "connection " + c.label() + " is disabled (IsEnabled = 0)");
            }
            connections = List.of(c);
        } else {
            connections = catalog.connections().values().stream()
                    .filter(TargetConnection::enabled)
                    .filter(c -> job.environment() == null || job.environment().equalsIgnoreCase(c.environment()))
                    .toList();
        }
        MonitoringQuery named = null;
        if (job.queryId() != null) {
            named = catalog.queries().get(job.queryId());
            if (named == null) {
                return JobPlan.failed(job, "QueryId " + job.queryId() + " does not exist in DatabaseQueries");
            }
            if (!named.enabled()) {
                return JobPlan.failed(job, "query " + named.label() + " is disabled (IsEnabled = 0)");
            }
        }
        List<WorkItem> items = new ArrayList<>();
        for (TargetConnection c : connections) {
            List<MonitoringQuery> candidates = named != null ? List.of(named)
                    : catalog.queries().values().stream().filter(MonitoringQuery::enabled).toList();
            for (MonitoringQuery q : candidates) {
                if (q.appliesTo(c)) {
                    items.add(new WorkItem(job, c, q));
                }
            }
        }
        if (items.isEmpty()) {
            if (named != null && job.connectionId() != null) {
                return JobPlan.failed(job, "query " + named.label() + " is for Provider " + named.provider()
                        + " but connection " + connections.get(0).label() + " is " + connections.get(0).provider());
            }
            return JobPlan.failed(job, "nothing to run: no enabled connection"
                    + (job.environment() == null ? "" : " in Environment '" + job.environment() + "'")
                    + " with an enabled query that applies to it");
        }
        return new JobPlan(job, List.copyOf(items), null);
    }

    private String checkParameters(String parameters) {
        if (parameters == null || parameters.isBlank()) {
            return null;
        }
        try {
            json.readTree(parameters);
            return null;
        } catch (JsonProcessingException e) {
            return "Parameters is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage();
        }
    }
}

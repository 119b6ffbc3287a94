package dev.monitoringworker.job;

import dev.monitoringworker.execution.MonitoringQuery;
import dev.monitoringworker.execution.WorkItem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringworker.store.Row;
import dev.monitoringworker.execution.TargetConnection;
import dev.monitoringworker.threshold.CounterSample;
import org.apache.camel.Body;
import org.apache.camel.Variable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Expands claimed jobs into (connection x query) work items (DESIGN section 4): a job names a connection, a
 * query, both, or neither; what it leaves out expands to every enabled connection (of its Environment) and
 * every enabled query that applies to the connection's provider.
 */
public class WorkPlanner {

    static final String JOB_TYPE = "DatabaseMonitoring";
    /** Stands in for an empty id list: an IN list needs one value, and no row has this id. */
    private static final UUID NONE = new UUID(0, 0);

    private final ObjectMapper json;

    public WorkPlanner(ObjectMapper json) {
        this.json = json;
    }

    public List<WorkerJob> jobs(List<Map<String, Object>> claimedRows) {
        return claimedRows.stream().map(Row::of).map(WorkerJob::from).toList();
    }

    /**
     * Parameters of select-batch-connections.sql and select-batch-queries.sql: only what the batch's jobs name, and
     * everything only when a job leaves its connection or query out (it then runs on all of them).
     */
    public Map<String, Object> catalogKeys(List<WorkerJob> jobs) {
        Set<UUID> connections = new LinkedHashSet<>();
        Set<UUID> queries = new LinkedHashSet<>();
        boolean allConnections = false;
        boolean allQueries = false;
        for (WorkerJob job : jobs) {
            allConnections |= job.connectionId() == null;
            allQueries |= job.queryId() == null;
            if (job.connectionId() != null) {
                connections.add(job.connectionId());
            }
            if (job.queryId() != null) {
                queries.add(job.queryId());
            }
        }
        Map<String, Object> keys = new HashMap<>();
        keys.put("ConnectionIds", connections.isEmpty() ? List.of(NONE) : new ArrayList<>(connections));
        keys.put("QueryIds", queries.isEmpty() ? List.of(NONE) : new ArrayList<>(queries));
        keys.put("AllConnections", allConnections ? 1 : 0);
        keys.put("AllQueries", allQueries ? 1 : 0);
        return keys;
    }

    /** Plans a batch's jobs against the connections and queries read for it. */
    public List<JobPlan> plan(@Variable("jobs") List<WorkerJob> jobs, @Variable("connections") List<Map<String, Object>> connectionRows,
                              @Variable("queries") List<Map<String, Object>> queryRows) {
        Catalog catalog = Catalog.of(connectionRows, queryRows);
        return jobs.stream().map(job -> plan(job, catalog)).toList();
    }

    /**
     * Parameters of select-counter-samples.sql for the counter queries (ValueKind Counter) a batch's plans run, or
     * null when they run none: most batches read nothing more.
     */
    public Map<String, Object> counterKeys(List<JobPlan> plans) {
        Set<UUID> connections = new LinkedHashSet<>();
        Set<UUID> queries = new LinkedHashSet<>();
        for (JobPlan plan : plans) {
            for (WorkItem item : plan.items()) {
                if (item.query().counter()) {
                    connections.add(item.connection().connectionId());
                    queries.add(item.query().queryId());
                }
            }
        }
        if (queries.isEmpty()) {
            return null;
        }
        Map<String, Object> keys = new HashMap<>();
        keys.put("ConnectionIds", new ArrayList<>(connections));
        keys.put("QueryIds", new ArrayList<>(queries));
        return keys;
    }

    /** The plans with each counter query's work item carrying its pair's last readings (select-counter-samples.sql's rows). */
    public List<JobPlan> withCounters(@Body List<JobPlan> plans, @Variable("storedCounterReadings") List<Map<String, Object>> sampleRows) {
        Map<String, Map<String, CounterSample>> byPair = new HashMap<>();
        for (Map<String, Object> r : sampleRows) {
            Row row = Row.of(r);
            String rowKey = row.string("RowKey") == null ? "" : row.string("RowKey");
            Number at = (Number) row.get("SampledAtMs");
            byPair.computeIfAbsent(row.uuid("ConnectionId") + "/" + row.uuid("QueryId"), k -> new HashMap<>())
                    .put(rowKey, new CounterSample(rowKey, row.decimal("CounterValue"), at.longValue()));
        }
        return plans.stream().map(plan -> new JobPlan(plan.job(), plan.items().stream()
                .map(item -> item.query().counter()
                        ? item.withCounters(byPair.getOrDefault(item.connection().connectionId() + "/" + item.query().queryId(), Map.of()))
                        : item)
                .toList(), plan.error())).toList();
    }

    /**
     * The work items of a batch's runnable plans in lanes, for one parallel split over the lanes: a lane's items run
     * one after another, and a connection's items are dealt over at most MaxConcurrency lanes, so one target (a slow
     * one, a dead one) holds at most that many work threads of the batch and the other targets' lanes go on.
     */
    public List<List<WorkItem>> workItems(List<JobPlan> plans) {
        Map<UUID, List<List<WorkItem>>> lanesByConnection = new LinkedHashMap<>();
        for (JobPlan plan : plans) {
            if (!plan.runnable()) {
                continue;
            }
            for (WorkItem item : plan.items()) {
                List<List<WorkItem>> lanes = lanesByConnection.computeIfAbsent(item.connection().connectionId(), id -> new ArrayList<>());
                int width = Math.max(1, item.connection().maxConcurrency());
                if (lanes.size() < width) {
                    lanes.add(new ArrayList<>());
                }
                // dealt round-robin: the lane with the fewest items takes the next
                lanes.stream().min(Comparator.comparingInt(List::size)).orElseThrow().add(item);
            }
        }
        List<List<WorkItem>> all = new ArrayList<>();
        lanesByConnection.values().forEach(all::addAll);
        return all;
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
                    items.add(new WorkItem(job.run(), c, q));
                }
            }
        }
        if (items.isEmpty()) {
            if (named != null && job.connectionId() != null) {
                TargetConnection c = connections.get(0);
                if (!named.scopedTo(c)) {
                    return JobPlan.failed(job, "query " + named.label() + " is for Environment '" + named.environment() + "' but connection "
                            + c.label() + " is in '" + c.environment() + "'");
                }
                return JobPlan.failed(job, "query " + named.label() + " is for Provider " + named.provider()
                        + " but connection " + c.label() + " is " + c.provider());
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

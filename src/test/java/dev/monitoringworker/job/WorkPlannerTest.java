package dev.monitoringworker.job;

import dev.monitoringworker.execution.MonitoringQuery;
import dev.monitoringworker.execution.WorkItem;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringworker.execution.TargetConnection;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class WorkPlannerTest {

    private final WorkPlanner planner = new WorkPlanner(new ObjectMapper());
    private final UUID pgProd = UUID.randomUUID();
    private final UUID myProd = UUID.randomUUID();
    private final UUID pgTest = UUID.randomUUID();
    private final UUID disabled = UUID.randomUUID();
    private final UUID anyQuery = UUID.randomUUID();
    private final UUID pgQuery = UUID.randomUUID();
    private final UUID offQuery = UUID.randomUUID();

    private final List<Map<String, Object>> connections = List.of(
            connection(pgProd, "pg-prod", "PostgreSQL", "Production", true),
            connection(myProd, "my-prod", "MariaDB", "Production", true),
            connection(pgTest, "pg-test", "postgres", "Test", true),
            connection(disabled, "old", "PostgreSQL", "Production", false));
    private final List<Map<String, Object>> queries = List.of(
            query(anyQuery, "Connection Test", null, true),
            query(pgQuery, "PG sessions", "PostgreSQL", true),
            query(offQuery, "Retired", null, false));

    private static Map<String, Object> connection(UUID id, String name, String provider, String env, boolean enabled) {
        // upper-case labels, as H2 returns them: the planner must not care
        return Map.of("CONNECTIONID", id, "CONNECTIONNAME", name, "PROVIDER", provider, "CONNECTIONSTRING", "x",
                "ENVIRONMENT", env, "ISENABLED", enabled);
    }

    private static Map<String, Object> query(UUID id, String name, String provider, boolean enabled) {
        Map<String, Object> q = new HashMap<>(Map.of("queryid", id, "queryname", name, "sqlquery", "SELECT 1",
                "resulttype", "Scalar", "isenabled", enabled));
        q.put("provider", provider);
        return q;
    }

    private JobPlan plan(UUID connection, UUID query, String environment, String parameters) {
        Map<String, Object> row = new HashMap<>();
        row.put("JobId", UUID.randomUUID());
        row.put("JobName", "test");
        row.put("JobType", "DatabaseMonitoring");
        row.put("ConnectionId", connection);
        row.put("QueryId", query);
        row.put("Environment", environment);
        row.put("Parameters", parameters);
        row.put("Attempt", 1);
        row.put("MaxAttempts", 3);
        return planner.plan(planner.jobs(List.of(row)), connections, queries).get(0);
    }

    private static List<String> pairs(JobPlan plan) {
        return plan.items().stream().map(i -> i.connection().name() + "/" + i.query().name()).toList();
    }

    @Test
    void neitherConnectionNorQueryExpandsToEveryEnabledPairThatApplies() {
        assertThat(pairs(plan(null, null, null, null))).containsExactlyInAnyOrder(
                "pg-prod/Connection Test", "pg-prod/PG sessions", "my-prod/Connection Test",
                "pg-test/Connection Test", "pg-test/PG sessions");
    }

    @Test
    void environmentFiltersConnections() {
        assertThat(pairs(plan(null, null, "production", null))).containsExactlyInAnyOrder(
                "pg-prod/Connection Test", "pg-prod/PG sessions", "my-prod/Connection Test");
    }

    @Test
    void aNamedQueryRunsOnConnectionsOfItsProvider() {
        assertThat(pairs(plan(null, pgQuery, null, null))).containsExactlyInAnyOrder("pg-prod/PG sessions", "pg-test/PG sessions");
    }

    @Test
    void aNamedConnectionGetsEveryApplicableQuery() {
        assertThat(pairs(plan(myProd, null, null, null))).containsExactly("my-prod/Connection Test");
    }

    @Test
    void aQueryWithAnEnvironmentRunsOnlyOnThatEnvironmentsConnections() {
        UUID testOnly = UUID.randomUUID();
        Map<String, Object> scoped = query(testOnly, "Test sessions", "PostgreSQL", true);
        scoped.put("environment", "Test");
        List<Map<String, Object>> withScoped = new java.util.ArrayList<>(queries);
        withScoped.add(scoped);
        Map<String, Object> row = new HashMap<>();
        row.put("JobId", UUID.randomUUID());
        row.put("JobName", "test");
        row.put("Attempt", 1);
        row.put("MaxAttempts", 3);
        assertThat(pairs(planner.plan(planner.jobs(List.of(row)), connections, withScoped).get(0))).containsExactlyInAnyOrder(
                "pg-prod/Connection Test", "pg-prod/PG sessions", "my-prod/Connection Test",
                "pg-test/Connection Test", "pg-test/PG sessions", "pg-test/Test sessions");
        row.put("ConnectionId", pgProd);
        row.put("QueryId", testOnly);
        assertThat(planner.plan(planner.jobs(List.of(row)), connections, withScoped).get(0).error())
                .isEqualTo("query 'Test sessions' is for Environment 'Test' but connection 'pg-prod' is in 'Production'");
    }

    @Test
    void bothNamedIsOnePair() {
        assertThat(pairs(plan(pgProd, anyQuery, null, null))).containsExactly("pg-prod/Connection Test");
    }

    @Test
    void unknownOrDisabledRowsAreClearErrors() {
        UUID missing = UUID.randomUUID();
        assertThat(plan(missing, null, null, null).error()).isEqualTo("ConnectionId " + missing + " does not exist in DatabaseConnections");
        assertThat(plan(disabled, null, null, null).error()).isEqualTo("connection 'old' is disabled (IsEnabled = 0)");
        assertThat(plan(null, offQuery, null, null).error()).isEqualTo("query 'Retired' is disabled (IsEnabled = 0)");
        assertThat(plan(myProd, pgQuery, null, null).error()).isEqualTo("query 'PG sessions' is for Provider PostgreSQL but connection 'my-prod' is MariaDB");
        assertThat(plan(null, null, "Staging", null).error()).contains("no enabled connection in Environment 'Staging'");
    }

    @Test
    void malformedParametersNameThePosition() {
        assertThat(plan(null, null, null, "{\"a\": ").error()).startsWith("Parameters is not valid JSON (line 1, column");
        assertThat(plan(null, null, null, "{\"a\": 1}").runnable()).isTrue();
    }

    @Test
    void aBatchsWorkItemsAreThoseOfItsRunnablePlans() {
        JobPlan failed = plan(UUID.randomUUID(), null, null, null);
        JobPlan runnable = plan(null, null, null, null);
        assertThat(failed.runnable()).isFalse();
        assertThat(planner.workItems(List.of(failed, runnable)).stream().flatMap(List::stream).toList())
                .isNotEmpty().containsExactlyInAnyOrderElementsOf(runnable.items());
    }

    @Test
    void aConnectionsItemsAreDealtOverAtMostMaxConcurrencyLanes() {
        WorkerJob job = new WorkerJob(UUID.randomUUID(), "j", null, 5, null, null, null, null, UUID.randomUUID(), 1, 3);
        TargetConnection narrow = new TargetConnection(UUID.randomUUID(), "narrow", "PostgreSQL", "x", "it", true, 5, 5, 2);
        TargetConnection single = new TargetConnection(UUID.randomUUID(), "single", "PostgreSQL", "x", "it", true, 5, 5, 1);
        List<WorkItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            MonitoringQuery q = new MonitoringQuery(UUID.randomUUID(), "q" + i, "SELECT 1", "Scalar", null, null, null, null, null, null, null, 10, false, true);
            items.add(new WorkItem(job.run(), narrow, q));
            items.add(new WorkItem(job.run(), single, q));
        }
        List<List<WorkItem>> lanes = planner.workItems(List.of(new JobPlan(job, items, null)));
        assertThat(lanes).hasSize(3);
        assertThat(lanes).filteredOn(l -> l.get(0).connection() == narrow).extracting(List::size).containsExactlyInAnyOrder(3, 2);
        assertThat(lanes).filteredOn(l -> l.get(0).connection() == single).singleElement().satisfies(l -> assertThat(l).hasSize(5));
        assertThat(lanes).allSatisfy(l -> assertThat(l).extracting(WorkItem::connection).containsOnly(l.get(0).connection()));
    }

    @Test
    void aBatchReadsOnlyWhatItsJobsNameUnlessOneNamesNothing() {
        UUID connection = UUID.randomUUID();
        UUID query = UUID.randomUUID();
        WorkerJob named = new WorkerJob(UUID.randomUUID(), "n", null, 5, connection, query, null, null, UUID.randomUUID(), 1, 3);
        Map<String, Object> keys = planner.catalogKeys(List.of(named));
        assertThat(keys).containsEntry("ConnectionIds", List.of(connection)).containsEntry("QueryIds", List.of(query))
                .containsEntry("AllConnections", 0).containsEntry("AllQueries", 0);
        WorkerJob everywhere = new WorkerJob(UUID.randomUUID(), "e", null, 5, null, query, null, null, UUID.randomUUID(), 1, 3);
        assertThat(planner.catalogKeys(List.of(everywhere))).containsEntry("AllConnections", 1).containsEntry("AllQueries", 0)
                .containsEntry("ConnectionIds", List.of(new UUID(0, 0)));
    }
}

package dev.monitoringworker.routes;

import dev.monitoringworker.MonitoringWorkerApplication;
import dev.monitoringworker.job.InFlightJobs;
import dev.monitoringworker.job.JobBatch;
import dev.monitoringworker.job.JobOutcome;
import dev.monitoringworker.job.JobPlan;
import dev.monitoringworker.execution.MonitoringQuery;
import dev.monitoringworker.execution.WorkItem;
import dev.monitoringworker.job.WorkerJob;
import dev.monitoringworker.execution.TargetConnection;
import org.apache.camel.CamelContext;
import org.apache.camel.EndpointInject;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real run-batch / execute-work / run-h2 routes from routes/*.camel.yaml, with the batch's plan given by the
 * test and its store write replaced by a mock: every work item is one result row, whatever goes wrong, and a job
 * that cannot run is one failed attempt with its reason, all in the batch's one message.
 */
@CamelSpringBootTest
@UseAdviceWith
@SpringBootTest(classes = MonitoringWorkerApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:route-test;DB_CLOSE_DELAY=-1",
        "spring.h2.console.enabled=false",
        "server.port=0", "management.server.port=0",
        "camel.main.name=route-test",
        "monitoring.demo.enabled=false"})
class RunBatchRouteTest {

    private static final String TARGET = "jdbc:h2:mem:route-test-target;DB_CLOSE_DELAY=-1";

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    InFlightJobs inFlight;
    @EndpointInject("mock:record-batch")
    MockEndpoint recorded;

    private final AtomicReference<List<JobPlan>> plans = new AtomicReference<>();

    @BeforeEach
    void adviseOnce() throws Exception {
        if (camel.getStatus().isStarted()) {
            MockEndpoint.resetMocks(camel);
            return;
        }
        AdviceWith.adviceWith(camel, "run-batch", route -> {
            route.replaceFromWith("direct:run-batch");
            route.weaveByToUri("direct:plan-batch").replace().process(e -> e.getIn().setBody(plans.get()));
            route.weaveByToUri("direct:record-batch").replace().to("mock:record-batch");
        });
        camel.start();
    }

    /** A job as the poll route hands it on: claimed, so held by this worker. */
    private WorkerJob job() {
        WorkerJob job = new WorkerJob(UUID.randomUUID(), "route test", "DatabaseMonitoring", 5, null, null, null, null, UUID.randomUUID(), 1, 3);
        inFlight.held(List.of(job));
        return job;
    }

    private static TargetConnection connection(String name, String provider) {
        return new TargetConnection(UUID.randomUUID(), name, provider, TARGET, "it", true, 5, 5, 2);
    }

    private static MonitoringQuery query(String name, String sql, String type, Double warning, Double critical, String op) {
        return new MonitoringQuery(UUID.randomUUID(), name, sql, type, null, null, warning, critical, op, null, null, 100, false, true);
    }

    @Test
    void everyWorkItemBecomesOneResultRowAndAnUnrunnableJobOneFailedAttempt() throws Exception {
        WorkerJob job = job();
        WorkerJob unrunnable = job();
        TargetConnection h2 = connection("h2-target", "H2");
        List<WorkItem> items = List.of(
                new WorkItem(job.run(), h2, query("forty-two", "SELECT 42", "Scalar", 10.0, 40.0, ">")),
                new WorkItem(job.run(), connection("db2-box", "DB2"), query("any", "SELECT 1", "Scalar", null, null, null)),
                new WorkItem(job.run(), h2, query("bad type", "SELECT 1", "Table", null, null, null)),
                new WorkItem(job.run(), h2, query("backwards", "SELECT 1", "Scalar", 90.0, 80.0, "GreaterThan")),
                new WorkItem(job.run(), h2, query("blank", "   ", "Scalar", null, null, null)));
        plans.set(List.of(new JobPlan(job, items, null), JobPlan.failed(unrunnable, "ConnectionId x does not exist in DatabaseConnections")));
        recorded.expectedMessageCount(1);

        producer.sendBody("direct:run-batch", List.of(job, unrunnable));

        recorded.assertIsSatisfied();
        JobBatch batch = recorded.getReceivedExchanges().get(0).getVariable("batch", JobBatch.class);
        assertThat(batch.outcomes()).hasSize(1);
        JobOutcome outcome = batch.outcomes().get(0);
        assertThat(outcome.job()).isEqualTo(job);
        assertThat(outcome.completion()).containsEntry("JobId", job.jobId()).containsEntry("Attempt", 1)
                .containsEntry("ResultSummary", "{\"results\":5,\"Critical\":1,\"Error\":4}");
        assertThat(batch.failedJobs()).containsExactly(unrunnable);
        assertThat(batch.failures()).singleElement().satisfies(f -> assertThat(f).containsEntry("JobId", unrunnable.jobId())
                .containsEntry("LastError", "attempt 1 of 3: ConnectionId x does not exist in DatabaseConnections"));
        assertThat(inFlight.size()).as("the batch is let go once its outcomes are recorded").isZero();

        List<Map<String, Object>> rows = batch.results();
        Map<UUID, Map<String, Object>> byQuery = rows.stream().collect(Collectors.toMap(r -> (UUID) r.get("QueryId"), r -> r));
        assertThat(rows).hasSize(5).allSatisfy(r -> assertThat(r.get("JobId")).isEqualTo(job.jobId()));
        Map<String, Object> fortyTwo = byQuery.get(items.get(0).query().queryId());
        assertThat(fortyTwo).containsEntry("Status", "Critical").containsEntry("ResultValue", 42.0).containsEntry("Provider", "H2");
        assertThat(byQuery.get(items.get(1).query().queryId())).containsEntry("Status", "Error")
                .containsEntry("ErrorMessage", "connection 'db2-box': unknown Provider 'DB2'; use SqlServer, PostgreSQL, MySQL, Oracle or H2");
        assertThat(byQuery.get(items.get(2).query().queryId()))
                .containsEntry("ErrorMessage", "query 'bad type': unknown ResultType 'Table'; use Scalar, NonQuery or DataSet");
        assertThat((String) byQuery.get(items.get(3).query().queryId()).get("ErrorMessage"))
                .startsWith("query 'backwards': WarningThreshold 90.0 and CriticalThreshold 80.0 contradict");
        assertThat(byQuery.get(items.get(4).query().queryId())).containsEntry("ErrorMessage", "query 'blank': SqlQuery is empty");
    }

    @Test
    void aBatchReleasedWhileQueuedIsNotRun() throws Exception {
        WorkerJob job = job();
        assertThat(inFlight.releaseQueued()).extracting(WorkerJob::jobId).contains(job.jobId());
        plans.set(List.of(JobPlan.failed(job, "never looked at")));
        recorded.expectedMessageCount(0);

        producer.sendBody("direct:run-batch", List.of(job));

        recorded.assertIsSatisfied();
        assertThat(inFlight.size()).isZero();
    }
}

package dev.monitoringworker.routes;

import dev.monitoringworker.MonitoringWorkerApplication;
import dev.monitoringworker.job.InFlightJobs;
import dev.monitoringworker.job.JobOutcome;
import dev.monitoringworker.job.JobPlan;
import dev.monitoringworker.job.MonitoringQuery;
import dev.monitoringworker.job.WorkItem;
import dev.monitoringworker.job.WorkerJob;
import dev.monitoringworker.target.TargetConnection;
import org.apache.camel.CamelContext;
import org.apache.camel.EndpointInject;
import org.apache.camel.Exchange;
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
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real run-job / execute-work / run-h2 routes from routes/*.camel.yaml, with only the store writes at
 * the edge replaced by mocks: one bad target or query is a result row, never a failed job.
 */
@CamelSpringBootTest
@UseAdviceWith
@SpringBootTest(classes = MonitoringWorkerApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:route-test;DB_CLOSE_DELAY=-1",
        "spring.h2.console.enabled=false",
        "server.port=0", "management.server.port=0",
        "camel.main.name=route-test",
        "monitoring.demo.enabled=false"})
class RunJobRouteTest {

    private static final String TARGET = "jdbc:h2:mem:route-test-target;DB_CLOSE_DELAY=-1";

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    InFlightJobs inFlight;
    @EndpointInject("mock:record-outcome")
    MockEndpoint persisted;
    @EndpointInject("mock:fail-job")
    MockEndpoint failed;

    @BeforeEach
    void adviseOnce() throws Exception {
        if (camel.getStatus().isStarted()) {
            MockEndpoint.resetMocks(camel);
            return;
        }
        AdviceWith.adviceWith(camel, "run-job", route -> {
            route.weaveByToUri("direct:record-outcome").replace().to("mock:record-outcome");
            route.weaveByToUri("direct:fail-job").replace().to("mock:fail-job");
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
        return new MonitoringQuery(UUID.randomUUID(), name, sql, type, null, warning, critical, op, null, null, 100, false, true);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyWorkItemBecomesOneResultRowWhateverGoesWrong() throws Exception {
        WorkerJob job = job();
        TargetConnection h2 = connection("h2-target", "H2");
        List<WorkItem> items = List.of(
                new WorkItem(job, h2, query("forty-two", "SELECT 42", "Scalar", 10.0, 40.0, ">")),
                new WorkItem(job, connection("db2-box", "DB2"), query("any", "SELECT 1", "Scalar", null, null, null)),
                new WorkItem(job, h2, query("bad type", "SELECT 1", "Table", null, null, null)),
                new WorkItem(job, h2, query("backwards", "SELECT 1", "Scalar", 90.0, 80.0, "GreaterThan")),
                new WorkItem(job, h2, query("blank", "   ", "Scalar", null, null, null)));
        persisted.expectedMessageCount(1);
        failed.expectedMessageCount(0);

        producer.sendBody("direct:run-job", new JobPlan(job, items, null));

        persisted.assertIsSatisfied();
        failed.assertIsSatisfied();
        JobOutcome outcome = persisted.getReceivedExchanges().get(0).getIn().getBody(JobOutcome.class);
        assertThat(outcome.job()).isEqualTo(job);
        assertThat(outcome.completion()).containsEntry("JobId", job.jobId()).containsEntry("Attempt", 1)
                .containsEntry("ResultSummary", "{\"results\":5,\"Critical\":1,\"Error\":4}");
        assertThat(inFlight.runningCount()).as("the thread is free").isZero();
        assertThat(inFlight.size()).as("the job is held until its outcome is written").isEqualTo(1);
        inFlight.recorded(List.of(outcome));
        List<Map<String, Object>> rows = outcome.results();
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
    void aJobReleasedWhileQueuedIsNotRun() throws Exception {
        WorkerJob job = job();
        assertThat(inFlight.releaseQueued()).extracting(WorkerJob::jobId).contains(job.jobId());
        persisted.expectedMessageCount(0);
        failed.expectedMessageCount(0);

        producer.sendBody("direct:run-job", JobPlan.failed(job, "never looked at"));

        persisted.assertIsSatisfied();
        failed.assertIsSatisfied();
    }

    @Test
    void aJobThatCannotBePlannedGoesToFailJobWithItsReason() throws Exception {
        failed.expectedMessageCount(1);
        persisted.expectedMessageCount(0);

        WorkerJob job = job();
        producer.sendBody("direct:run-job", JobPlan.failed(job, "ConnectionId x does not exist in DatabaseConnections"));

        failed.assertIsSatisfied();
        persisted.assertIsSatisfied();
        assertThat(inFlight.size()).as("the job is let go once its outcome is recorded").isZero();
        Exception caught = failed.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        assertThat(caught).hasMessage("ConnectionId x does not exist in DatabaseConnections");
    }
}

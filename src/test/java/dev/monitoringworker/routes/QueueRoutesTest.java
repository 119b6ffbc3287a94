package dev.monitoringworker.routes;

import dev.monitoringworker.MonitoringWorkerApplication;
import dev.monitoringworker.job.InFlightJobs;
import dev.monitoringworker.job.JobPlan;
import dev.monitoringworker.job.WorkerJob;
import dev.monitoringworker.store.Row;
import dev.monitoringworker.support.Store;
import dev.monitoringworker.worker.WorkerIdentity;
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

import javax.sql.DataSource;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real poll-worker-jobs and schedule-due-jobs routes on an H2 store, started by hand instead of by their
 * Quartz timers, with run-batch replaced by a mock: what is claimed, in which batches and order, and what is enqueued.
 */
@CamelSpringBootTest
@UseAdviceWith
@SpringBootTest(classes = MonitoringWorkerApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:queue-routes-test;DB_CLOSE_DELAY=-1",
        "spring.h2.console.enabled=false",
        "server.port=0", "management.server.port=0",
        "camel.main.name=queue-routes-test",
        "monitoring.demo.enabled=false",
        "monitoring.poll.batch-size=2", "monitoring.poll.interval-ms=300"})
class QueueRoutesTest {

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    DataSource dataSource;
    @Autowired
    WorkerIdentity worker;
    @Autowired
    InFlightJobs inFlight;
    @EndpointInject("mock:run-batch")
    MockEndpoint runJob;

    private final java.util.concurrent.atomic.AtomicBoolean loseNextClaimAnswer = new java.util.concurrent.atomic.AtomicBoolean();
    private Store store;

    @BeforeEach
    void advise() throws Exception {
        store = new Store(dataSource);
        if (camel.getStatus().isStarted()) {
            // the mock runs nothing: what the previous test handed it is finished here
            runJob.getReceivedExchanges().forEach(e -> inFlight.finished(batch(e)));
            MockEndpoint.resetMocks(camel);
            return;
        }
        AdviceWith.adviceWith(camel, "poll-worker-jobs", route -> route.replaceFromWith("direct:poll-now"));
        AdviceWith.adviceWith(camel, "claim-batch", route -> {
            route.weaveByToUri("seda:claimed-batches*").replace().to("mock:run-batch");
            // the claim commits, then its answer is lost on the way back, when a test asks for it
            route.weaveById("claim-jobs").after().process(e -> {
                if (loseNextClaimAnswer.getAndSet(false)) {
                    throw new java.sql.SQLException("injected: connection lost after commit", "08006");
                }
            });
        });
        AdviceWith.adviceWith(camel, "schedule-due-jobs", route -> route.replaceFromWith("direct:schedule-now"));
        AdviceWith.adviceWith(camel, "heartbeat-worker", route -> route.replaceFromWith("direct:heartbeat-now"));
        camel.start();
        // claims need this worker's row (WorkerJobs.WorkerInstanceId references it)
        await().atMost(Duration.ofSeconds(10)).until(worker::registered);
    }

    @Test
    void pollClaimsDueJobsMostUrgentFirstInBatchesAndLeasesThem() throws Exception {
        store.jdbc().update("DELETE FROM monitoring.WorkerJobs");
        UUID connection = store.connection("c-" + UUID.randomUUID(), "H2", "jdbc:h2:mem:x", "q", 5);
        UUID low = insertJob("low", 9, connection, "DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP)");
        UUID urgent = insertJob("urgent", 1, connection, "DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP)");
        UUID middle = insertJob("middle", 5, connection, "DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP)");
        UUID future = insertJob("future", 1, connection, "DATEADD(HOUR, 1, DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP))");
        UUID otherWorkers = UUID.randomUUID();
        store.jdbc().update("INSERT INTO monitoring.WorkerInstances (WorkerInstanceId, WorkerName, MachineName, Status, LastHeartbeatAt) "
                + "VALUES (?, 'other', 'm', 'Running', DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP))", otherWorkers);
        UUID pinnedElsewhere = insertJob("pinned elsewhere", 1, connection, "DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP)");
        store.jdbc().update("UPDATE monitoring.WorkerJobs SET WorkerInstanceId = ? WHERE JobId = ?", otherWorkers, pinnedElsewhere);
        runJob.expectedMessageCount(2);

        producer.sendBody("direct:poll-now", null);

        runJob.assertIsSatisfied();
        // batches of 2, each one message: the two most urgent first, then the rest
        assertThat(batch(runJob.getReceivedExchanges().get(0))).extracting(WorkerJob::jobName).containsExactlyInAnyOrder("urgent", "middle");
        assertThat(batch(runJob.getReceivedExchanges().get(1))).extracting(WorkerJob::jobName).containsExactly("low");
        for (UUID claimed : List.of(low, urgent, middle)) {
            Row job = store.jobRow(claimed);
            assertThat(job.string("Status")).isEqualTo("Running");
            assertThat(job.uuid("WorkerInstanceId")).isEqualTo(worker.id());
            assertThat(job.integer("Attempt")).isEqualTo(1);
            assertThat(job.time("LeaseExpiresAt")).isAfter(job.time("StartedAt"));
        }
        assertThat(store.jobRow(future).string("Status")).isEqualTo("Pending");
        assertThat(store.jobRow(pinnedElsewhere).string("Status")).isEqualTo("Pending");
    }

    @Test
    void heartbeatsExtendOnlyTheLeasesOfJobsThisWorkerHolds() throws Exception {
        store.jdbc().update("DELETE FROM monitoring.WorkerJobs");
        UUID connection = store.connection("h-" + UUID.randomUUID(), "H2", "jdbc:h2:mem:x", "h", 5);
        UUID held = insertJob("claimed and queued", 1, connection, "DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP)");
        runJob.expectedMessageCount(1);
        producer.sendBody("direct:poll-now", null);
        runJob.assertIsSatisfied();
        // a claim whose answer never reached this worker: Running under its id, but held by nobody
        UUID forgotten = insertJob("claimed, answer lost", 2, connection, "DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP)");
        store.jdbc().update("UPDATE monitoring.WorkerJobs SET Status = 'Running', WorkerInstanceId = ?, Attempt = 1, "
                + "StartedAt = DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP), "
                + "LeaseExpiresAt = DATEADD(SECOND, 60, DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP)) WHERE JobId = ?",
                worker.id(), forgotten);
        LocalDateTime heldLease = store.jobRow(held).time("LeaseExpiresAt");
        LocalDateTime forgottenLease = store.jobRow(forgotten).time("LeaseExpiresAt");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            producer.sendBody("direct:heartbeat-now", null);
            assertThat(store.jobRow(held).time("LeaseExpiresAt")).isAfter(heldLease);
        });
        assertThat(store.jobRow(forgotten).time("LeaseExpiresAt")).as("nobody runs it: its lease runs out").isEqualTo(forgottenLease);
    }

    @Test
    void jobsLeasedByAClaimWhoseAnswerWasLostAreTakenUpAtOnce() {
        store.jdbc().update("DELETE FROM monitoring.WorkerJobs");
        UUID connection = store.connection("lost-" + UUID.randomUUID(), "H2", "jdbc:h2:mem:x", "lost", 5);
        UUID first = insertJob("first", 1, connection, "DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP)");
        UUID second = insertJob("second", 2, connection, "DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP)");
        loseNextClaimAnswer.set(true);

        producer.sendBody("direct:poll-now", null);

        assertThat(runJob.getReceivedExchanges()).hasSize(1);
        assertThat(batch(runJob.getReceivedExchanges().get(0))).extracting(WorkerJob::jobId).containsExactlyInAnyOrder(first, second);
        for (UUID id : List.of(first, second)) {
            assertThat(store.jobRow(id).integer("Attempt")).as("run under the attempt the lost claim gave it").isEqualTo(1);
        }
        assertThat(inFlight.size()).isEqualTo(2);
    }

    @Test
    void pollHoldsAtMostTheJobThreadsPlusOneBatchAndClaimsMoreAsBatchesAreWritten() throws Exception {
        store.jdbc().update("DELETE FROM monitoring.WorkerJobs");
        UUID connection = store.connection("cap-" + UUID.randomUUID(), "H2", "jdbc:h2:mem:x", "cap", 5);
        for (int i = 0; i < 10; i++) {
            insertJob("job " + i, 5, connection, "DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP)");
        }
        // 4 job threads + a batch of 2: six held, none of them written, so the claim loop stops there
        producer.sendBody("direct:poll-now", null);
        assertThat(runJob.getReceivedCounter()).as("three batches").isEqualTo(3);
        assertThat(inFlight.size()).isEqualTo(6);
        assertThat(store.jdbc().queryForObject("SELECT COUNT(*) FROM monitoring.WorkerJobs WHERE Status = 'Pending'", Integer.class))
                .isEqualTo(4);

        // one batch written and one job of another: room for three more, claimed as a batch of 2 and then 1
        inFlight.finished(batch(runJob.getReceivedExchanges().get(0)));
        inFlight.finished(batch(runJob.getReceivedExchanges().get(1)).subList(0, 1));
        producer.sendBody("direct:poll-now", null);
        assertThat(runJob.getReceivedCounter()).isEqualTo(5);
        assertThat(inFlight.size()).isEqualTo(6);
        assertThat(store.jdbc().queryForObject("SELECT COUNT(*) FROM monitoring.WorkerJobs WHERE Status = 'Pending'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBatchIsWrittenInOneTransactionAndAJobTakenOverMeanwhileKeepsItsNewRunner() throws Exception {
        UUID connection = store.connection("w-" + UUID.randomUUID(), "H2", "jdbc:h2:mem:x", "w", 5);
        UUID query = store.query("written-" + UUID.randomUUID(), "H2", "SELECT 1", "Scalar", null, null, null, null, 10, false);
        UUID other = UUID.randomUUID();
        store.jdbc().update("INSERT INTO monitoring.WorkerInstances (WorkerInstanceId, WorkerName, MachineName, Status, LastHeartbeatAt) "
                + "VALUES (?, 'taker', 'm', 'Running', DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP))", other);
        UUID ours = insertJob("ours", 5, connection, "DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP)");
        UUID takenOver = insertJob("taken over", 5, connection, "DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP)");
        store.jdbc().update("UPDATE monitoring.WorkerJobs SET Status = 'Running', WorkerInstanceId = ?, Attempt = 1 WHERE JobId = ?", worker.id(), ours);
        // this worker ran attempt 1 of it, but its lease ran out and another worker runs attempt 2 now
        store.jdbc().update("UPDATE monitoring.WorkerJobs SET Status = 'Running', WorkerInstanceId = ?, Attempt = 2 WHERE JobId = ?", other, takenOver);
        List<WorkerJob> jobs = List.of(job(ours, connection, query), job(takenOver, connection, query));
        List<JobPlan> plans = jobs.stream().map(j -> new JobPlan(j, List.of(), null)).toList();
        List<List<Map<String, Object>>> lanes = List.of(jobs.stream().map(j -> result(j, connection, query)).toList());

        org.apache.camel.Exchange written = producer.send("direct:write-batch", e -> {
            Map<String, Object> variables = new java.util.HashMap<>();
            camel.getRegistry().lookupByNameAndType("jobCompletion", dev.monitoringworker.job.JobCompletion.class)
                    .batch(plans, lanes, System.nanoTime(), variables);
            variables.forEach(e::setVariable);
        });

        assertThat(written.getException()).isNull();
        assertThat(store.jobRow(ours).string("Status")).isEqualTo("Succeeded");
        assertThat(store.jobRow(takenOver).string("Status")).isEqualTo("Running");
        assertThat(store.jobRow(takenOver).uuid("WorkerInstanceId")).isEqualTo(other);
        assertThat(store.jdbc().queryForList("SELECT JobId FROM monitoring.DatabaseMonitoringResults WHERE QueryId = ?", UUID.class, query))
                .as("the fence keeps the stale attempt's result out").containsExactly(ours);
        assertThat(written.getVariable("completed", Integer.class)).isEqualTo(1);
        assertThat((List<Map<String, Object>>) written.getVariable("readBack", List.class)).extracting(r -> Row.of(r).uuid("JobId"))
                .containsExactlyInAnyOrder(ours, takenOver);
    }

    private WorkerJob job(UUID id, UUID connection, UUID query) {
        return new WorkerJob(id, "job", "DatabaseMonitoring", 5, connection, query, null, null, worker.id(), 1, 3);
    }

    private Map<String, Object> result(WorkerJob job, UUID connection, UUID query) {
        Map<String, Object> row = new java.util.HashMap<>();
        for (String key : List.of("Environment", "ResultText", "ErrorMessage", "Details", "QueryHash")) {
            row.put(key, null);
        }
        row.putAll(Map.of("JobId", job.jobId(), "ConnectionId", connection, "QueryId", query, "WorkerInstanceId", worker.id(),
                "Attempt", 1, "Provider", "H2", "Status", "Ok", "ResultValue", 1.0, "ResultRowCount", 1, "DurationMs", 2L));
        return row;
    }

    @Test
    void scheduleEnqueuesEachSlotOnceHoweverOftenItRuns() {
        UUID connection = store.connection("s-" + UUID.randomUUID(), "H2", "jdbc:h2:mem:x", "s", 5);
        UUID query = store.query("hourly-" + UUID.randomUUID(), "H2", "SELECT 1", "Scalar", null, null, null, null, 10, false);
        store.jdbc().update("UPDATE monitoring.DatabaseQueries SET IntervalSeconds = 3600 WHERE QueryId = ?", query);

        producer.sendBody("direct:schedule-now", null);
        producer.sendBody("direct:schedule-now", null);

        List<String> keys = store.jdbc().queryForList(
                "SELECT DedupeKey FROM monitoring.WorkerJobs WHERE QueryId = ? AND ConnectionId = ?", String.class, query, connection);
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0)).startsWith(query + ":" + connection + ":");
    }

    @SuppressWarnings("unchecked")
    private static List<WorkerJob> batch(org.apache.camel.Exchange e) {
        return e.getIn().getBody(List.class);
    }

    private UUID insertJob(String name, int priority, UUID connection, String scheduledAt) {
        UUID id = UUID.randomUUID();
        store.jdbc().update("INSERT INTO monitoring.WorkerJobs (JobId, JobName, Priority, ConnectionId, ScheduledAt) VALUES (?, ?, ?, ?, "
                + scheduledAt + ")", id, name, priority, connection);
        return id;
    }
}

package dev.monitoringworker.job;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class InFlightJobsTest {

    static WorkerJob job() {
        return new WorkerJob(UUID.randomUUID(), "j", "DatabaseMonitoring", 5, null, null, null, null, UUID.randomUUID(), 1, 3);
    }

    static List<WorkerJob> jobs(int n) {
        List<WorkerJob> jobs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            jobs.add(job());
        }
        return jobs;
    }

    @Test
    void aJobThatRanFreesItsThreadButStaysHeldUntilItsOutcomeIsWritten() throws Exception {
        InFlightJobs inFlight = new InFlightJobs(2, 10);
        WorkerJob job = job();
        inFlight.held(List.of(job));
        assertThat(inFlight.start(job)).isTrue();
        assertThat(inFlight.runningCount()).isEqualTo(1);

        inFlight.ran(job);
        assertThat(inFlight.runningCount()).isZero();
        assertThat(inFlight.size()).isEqualTo(1);
        assertThat(inFlight.leaseParameters(UUID.randomUUID(), 60).get("JobIds")).as("its lease is still extended")
                .asInstanceOf(InstanceOfAssertFactories.LIST).containsExactly(job.jobId());
        assertThat(inFlight.releaseQueued()).as("a drain does not hand back a job that already ran").isEmpty();

        inFlight.recorded(List.of(new JobOutcome(job, List.of(), Map.of())));
        assertThat(inFlight.size()).isZero();
    }

    @Test
    void jobsWaitingForTheirBatchWriteTakeNoClaimRoom() throws Exception {
        InFlightJobs inFlight = new InFlightJobs(2, 10);
        List<WorkerJob> batch = jobs(10);
        inFlight.held(batch);
        assertThat(inFlight.claimSize()).isEqualTo(2);
        for (WorkerJob j : batch) {
            inFlight.start(j);
            inFlight.ran(j);
        }
        assertThat(inFlight.size()).isEqualTo(10);
        assertThat(inFlight.claimSize()).isEqualTo(10);
    }

    @Test
    void theNextClaimComesOnceHalfABatchHasStarted() throws Exception {
        InFlightJobs inFlight = new InFlightJobs(2, 10);
        List<WorkerJob> held = jobs(12);
        inFlight.held(held);
        assertThat(inFlight.nextClaimSize(20)).as("12 queued or running: more than 2 threads + half a batch").isZero();
        for (WorkerJob j : held.subList(0, 5)) {
            inFlight.start(j);
            inFlight.ran(j);
        }
        assertThat(inFlight.nextClaimSize(20)).as("7 left: room for 5").isEqualTo(5);
    }

    @Test
    void aFailedJobIsLetGoAtOnce() throws Exception {
        InFlightJobs inFlight = new InFlightJobs(2, 10);
        WorkerJob job = job();
        inFlight.held(List.of(job));
        inFlight.start(job);
        inFlight.finished(job);
        assertThat(inFlight.size()).isZero();
        assertThat(inFlight.runningCount()).isZero();
    }
}

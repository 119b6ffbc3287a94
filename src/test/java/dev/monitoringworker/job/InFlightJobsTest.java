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
    void everythingHeldFromClaimToWriteCountsAgainstOneBound() {
        InFlightJobs inFlight = new InFlightJobs(2, 10, 0);
        assertThat(inFlight.bound()).isEqualTo(12);
        assertThat(inFlight.claimSize()).isEqualTo(10);
        List<WorkerJob> first = jobs(10);
        inFlight.held(first);
        assertThat(inFlight.claimSize()).as("two left under the bound").isEqualTo(2);
        inFlight.start(first);
        assertThat(inFlight.claimSize()).as("a running batch, or one being written, still holds its room").isEqualTo(2);
        List<WorkerJob> second = jobs(2);
        inFlight.held(second);
        assertThat(inFlight.claimSize()).isZero();

        inFlight.finished(first);
        assertThat(inFlight.size()).isEqualTo(2);
        assertThat(inFlight.claimSize()).isEqualTo(10);
    }

    @Test
    void aShortClaimEndsThePollAndAFullOneWaitsForRoomForHalfABatch() throws Exception {
        InFlightJobs inFlight = new InFlightJobs(2, 10, 50);
        assertThat(inFlight.nextClaimSize(10, 7)).as("nothing more due").isZero();
        List<WorkerJob> batch = jobs(10);
        inFlight.held(batch);
        assertThat(inFlight.nextClaimSize(10, 10)).as("room for 2 only, under half a batch: the wait runs out, 2 it is").isEqualTo(2);
        inFlight.finished(batch.subList(0, 4));
        assertThat(inFlight.nextClaimSize(10, 10)).isEqualTo(6);
    }

    @Test
    void aBatchReleasedWhileItWaitedIsNotStarted() {
        InFlightJobs inFlight = new InFlightJobs(2, 10, 0);
        List<WorkerJob> running = jobs(3);
        List<WorkerJob> queued = jobs(3);
        inFlight.held(running);
        inFlight.held(queued);
        inFlight.start(running);

        assertThat(inFlight.releaseQueued()).containsExactlyInAnyOrderElementsOf(queued);
        assertThat(inFlight.start(queued)).isEmpty();
        assertThat(inFlight.size()).isEqualTo(3);
        assertThat(inFlight.runningCount()).isEqualTo(3);
    }

    @Test
    void pausedOrStoppedClaimsNothingAndLeasesCoverEveryHeldJob() {
        InFlightJobs inFlight = new InFlightJobs(2, 10, 0);
        List<WorkerJob> held = jobs(3);
        inFlight.held(held);
        inFlight.pauseClaiming();
        assertThat(inFlight.claimSize()).isZero();
        inFlight.resumeClaiming();
        assertThat(inFlight.claimSize()).isEqualTo(9);
        UUID worker = UUID.randomUUID();
        Map<String, Object> p = inFlight.leaseParameters(worker, 60);
        assertThat(p).containsEntry("WorkerInstanceId", worker).containsEntry("LeaseSeconds", 60);
        assertThat(p.get("JobIds")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrderElementsOf(held.stream().map(WorkerJob::jobId).toList());
        assertThat(InFlightJobs.any(p)).isTrue();
        inFlight.stopClaiming();
        inFlight.resumeClaiming();
        assertThat(inFlight.claimSize()).as("stopped for good").isZero();
        assertThat(inFlight.releaseAll()).hasSize(3);
        assertThat(InFlightJobs.any(inFlight.leaseParameters(worker, 60))).isFalse();
    }
}

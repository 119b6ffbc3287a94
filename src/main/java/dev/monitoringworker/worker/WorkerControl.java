package dev.monitoringworker.worker;

import dev.monitoringworker.job.InFlightJobs;
import dev.monitoringworker.job.WorkerJob;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pause, resume and drain, for JMX and for shutdown. A drain stops claiming for good, takes readiness down,
 * marks the worker Draining, hands the jobs still waiting for a thread back to Pending (their attempt not
 * counted), waits up to the drain bound for running jobs to finish, hands back whatever still runs (its late
 * writes then find the fence closed) and marks the worker Stopped. Heartbeats go on throughout.
 */
public class WorkerControl implements WorkerControlMXBean, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerControl.class);

    private enum State { Running, Paused, Draining, Drained }

    private final WorkerIdentity identity;
    private final InFlightJobs inFlight;
    private final ProducerTemplate producer;
    private final ApplicationEventPublisher events;
    private final Duration drainBound;
    private final AtomicLong jobsClaimed = new AtomicLong();
    private final Timer claimDuration;
    private volatile Instant lastPoll;
    private volatile State state = State.Running;
    private ObjectName registeredAs;

    public WorkerControl(WorkerIdentity identity, InFlightJobs inFlight, ProducerTemplate producer,
                         ApplicationEventPublisher events, Duration drainBound, MeterRegistry meters) {
        this.identity = identity;
        this.inFlight = inFlight;
        this.producer = producer;
        this.events = events;
        this.drainBound = drainBound;
        FunctionCounter.builder("monitoring.jobs.claimed", jobsClaimed, AtomicLong::doubleValue)
                .description("Jobs this worker claimed").register(meters);
        this.claimDuration = Timer.builder("monitoring.claim.duration").description("Claim statement latency")
                .publishPercentileHistogram().register(meters);
    }

    /** Registers the MBean on the platform MBean server (remote JMX and Jolokia read that one). */
    public WorkerControl registered() throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        registeredAs = new ObjectName("monitoring.worker:type=Worker,name=" + ObjectName.quote(identity.name()));
        if (server.isRegistered(registeredAs)) {
            server.unregisterMBean(registeredAs);
        }
        server.registerMBean(this, registeredAs);
        return this;
    }

    /** Called by the claim loop after each claim, with the clock reading taken before it. */
    public void polled(@Variable("claimed") int claimed, @Variable("claimStartedNanos") long startedNanos) {
        claimDuration.record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
        lastPoll = Instant.now();
        jobsClaimed.addAndGet(claimed);
    }

    @Override
    public String getStatus() {
        return state.name();
    }

    @Override
    public String getWorkerId() {
        return identity.id().toString();
    }

    @Override
    public String getWorkerName() {
        return identity.name();
    }

    @Override
    public int getInFlightJobs() {
        return inFlight.size();
    }

    @Override
    public int getRunningJobs() {
        return inFlight.runningCount();
    }

    @Override
    public long getJobsClaimed() {
        return jobsClaimed.get();
    }

    @Override
    public String getLastPollTime() {
        Instant at = lastPoll;
        return at == null ? "" : at.toString();
    }

    @Override
    public synchronized String pauseClaiming() {
        if (state != State.Running) {
            return "not paused: the worker is " + state;
        }
        inFlight.pauseClaiming();
        state = State.Paused;
        LOG.info("Claiming paused by an operator; {} job(s) in flight run on", inFlight.size());
        return "claiming paused; " + inFlight.size() + " job(s) in flight";
    }

    @Override
    public synchronized String resumeClaiming() {
        if (state != State.Paused) {
            return "not resumed: the worker is " + state;
        }
        inFlight.resumeClaiming();
        state = State.Running;
        LOG.info("Claiming resumed by an operator");
        return "claiming resumed";
    }

    @Override
    public String drain() {
        synchronized (this) {
            if (state == State.Draining || state == State.Drained) {
                return "already " + state;
            }
            state = State.Draining;
        }
        String answer = "draining " + inFlight.size() + " job(s) in flight, at most " + drainBound.toSeconds() + " s";
        Thread drainer = new Thread(this::drainNow, "worker-drain");
        drainer.setDaemon(true);
        drainer.start();
        return answer;
    }

    /** The drain itself; blocks until the worker is Drained. Shutdown calls it directly. */
    public void drainNow() {
        synchronized (this) {
            if (state == State.Drained) {
                return;
            }
            state = State.Draining;
        }
        inFlight.stopClaiming();
        List<WorkerJob> queued = inFlight.releaseQueued();
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        send("direct:drain-worker", identity.self(0));
        release(queued, 1);
        LOG.info("Draining: claiming stopped, {} queued job(s) handed back, waiting up to {} s for {} running",
                queued.size(), drainBound.toSeconds(), inFlight.runningCount());
        boolean idle;
        try {
            idle = inFlight.awaitIdle(drainBound.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            idle = false;
        }
        if (!idle) {
            List<WorkerJob> unfinished = inFlight.releaseAll();
            release(unfinished, 0);
            LOG.warn("Drain bound of {} s reached: {} running job(s) handed back to Pending", drainBound.toSeconds(), unfinished.size());
        }
        send("direct:stop-worker", null);
        state = State.Drained;
        LOG.info("Drained");
    }

    private void release(List<WorkerJob> jobs, int attemptsBack) {
        if (jobs.isEmpty()) {
            return;
        }
        Map<String, Object> p = new LinkedHashMap<>(identity.self(0));
        p.put("JobIds", jobs.stream().map(WorkerJob::jobId).toList());
        p.put("AttemptsBack", attemptsBack);
        send("direct:release-jobs", p);
    }

    private void send(String endpoint, Object body) {
        try {
            producer.sendBody(endpoint, body);
        } catch (RuntimeException e) {
            // the jobs' leases run out and the reaper hands them on: slower, not lost
            LOG.warn("Drain step {} failed: {}", endpoint, e.getMessage());
        }
    }

    @Override
    public void close() throws JMException {
        if (registeredAs != null && ManagementFactory.getPlatformMBeanServer().isRegistered(registeredAs)) {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(registeredAs);
        }
    }
}

package dev.monitoringworker.worker;

import dev.monitoringworker.job.InFlightJobs;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Ends claiming and marks this worker Stopped through the {@code stop-worker} route at shutdown. Its lifecycle phase is above
 * the Camel context's, so it stops first, while routes and the store are still up.
 */
public class WorkerShutdown implements SmartLifecycle {

    /** Camel's SpringCamelContext stops in phase {@code Integer.MAX_VALUE - 2049}; this must come earlier. */
    static final int PHASE = Integer.MAX_VALUE - 1024;
    private static final Logger LOG = LoggerFactory.getLogger(WorkerShutdown.class);

    private final ProducerTemplate producer;
    private final InFlightJobs inFlight;
    private volatile boolean running;

    public WorkerShutdown(ProducerTemplate producer, InFlightJobs inFlight) {
        this.producer = producer;
        this.inFlight = inFlight;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        inFlight.stopClaiming();
        try {
            producer.sendBody("direct:stop-worker", null);
        } catch (RuntimeException e) {
            LOG.warn("Could not mark this worker Stopped in the store: {}", e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}

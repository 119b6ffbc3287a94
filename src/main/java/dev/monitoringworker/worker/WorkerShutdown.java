package dev.monitoringworker.worker;

import org.springframework.context.SmartLifecycle;

/**
 * Drains the worker at shutdown (SIGTERM): no more claims, readiness down, queued jobs handed back, running
 * jobs finished within the drain bound, then Stopped. Its lifecycle phase is above the Camel context's, so it
 * stops first, while routes, heartbeats and the store are still up.
 */
public class WorkerShutdown implements SmartLifecycle {

    /** Camel's SpringCamelContext stops in phase {@code Integer.MAX_VALUE - 2049}; this must come earlier. */
    static final int PHASE = Integer.MAX_VALUE - 1024;

    private final WorkerControl control;
    private volatile boolean running;

    public WorkerShutdown(WorkerControl control) {
        this.control = control;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        control.drainNow();
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

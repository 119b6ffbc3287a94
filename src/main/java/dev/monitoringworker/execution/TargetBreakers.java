package dev.monitoringworker.execution;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A Resilience4j circuit breaker per monitored connection, so one broken target cannot cost the fleet threads,
 * connection storms or a locked account. After {@code failures} consecutive target faults (see
 * {@link TargetFaults}) the breaker opens: runs on that connection end at once as Error results saying so, and
 * its pool is dropped. After the open interval one run probes the target; success closes the breaker, failure
 * opens it again for twice as long, up to the maximum. A refused login opens it at once: the password will
 * not get better by being tried again.
 * <p>
 * Each breaker is one meter, {@code monitoring.target.circuit.state{connection}} (0 closed, 1 half-open, 2 open),
 * removed with the breaker when its connection is disabled, deleted or changed ({@link #forget}): a changed row
 * (a corrected password, a new host) starts with a closed breaker.
 */
public class TargetBreakers {

    private static final Logger LOG = LoggerFactory.getLogger(TargetBreakers.class);

    private final CircuitBreakerRegistry registry;
    private final int failures;
    private final Map<String, String> lastFault = new ConcurrentHashMap<>();
    private final Map<String, Meter> stateMeters = new ConcurrentHashMap<>();
    private final MeterRegistry meters;

    public TargetBreakers(TargetPools pools, int failures, Duration open, Duration maxOpen, MeterRegistry meters) {
        this.meters = meters;
        this.failures = failures;
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindow(failures, failures, SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(100)
                .permittedNumberOfCallsInHalfOpenState(1)
                .waitIntervalFunctionInOpenState(IntervalFunction.ofExponentialBackoff(open, 2.0, maxOpen))
                // a probe whose outcome never came back must not keep the breaker half-open forever
                .maxWaitDurationInHalfOpenState(maxOpen)
                .build();
        this.registry = CircuitBreakerRegistry.of(config);
        registry.getEventPublisher().onEntryAdded(added -> {
            CircuitBreaker breaker = added.getAddedEntry();
            stateMeters.put(breaker.getName(), Gauge.builder("monitoring.target.circuit.state", breaker, TargetBreakers::stateValue)
                    .description("A target's circuit breaker: 0 closed, 1 half-open (a probe is out), 2 open (runs skipped)")
                    .tag("connection", breaker.getName()).strongReference(true).register(meters));
            breaker.getEventPublisher().onStateTransition(event -> {
                CircuitBreaker.State to = event.getStateTransition().getToState();
                if (to == CircuitBreaker.State.OPEN) {
                    LOG.warn("Connection {}: circuit opened ({}); runs on it are skipped until the next probe",
                            breaker.getName(), lastFault.getOrDefault(breaker.getName(), "target faults"));
                    pools.evict(UUID.fromString(breaker.getName()));
                } else if (to == CircuitBreaker.State.CLOSED) {
                    LOG.info("Connection {}: circuit closed, the target answers again", breaker.getName());
                }
            });
        });
    }

    public CircuitBreakerRegistry registry() {
        return registry;
    }

    /**
     * Lets a run on the connection go ahead, or refuses it while the breaker is open (or its probe is out).
     *
     * @throws TargetException naming the connection, the state and the last fault
     */
    public void admit(TargetConnection connection) {
        CircuitBreaker breaker = breaker(connection.connectionId());
        if (!breaker.tryAcquirePermission()) {
            String why = breaker.getState() == CircuitBreaker.State.HALF_OPEN ? "a probe of the target is under way"
                    : "the target failed " + failures + " runs in a row or refused the login; a run after the open interval probes it again";
            throw new TargetException("connection " + connection.label() + ": not run, circuit " + breaker.getState() + ": " + why
                    + " (last fault: " + lastFault.getOrDefault(breaker.getName(), "unknown") + ")");
        }
    }

    /** Records an admitted run's outcome: {@code fault} null or a query's own error counts as the target answering. */
    public void record(TargetConnection connection, long durationNanos, Throwable fault, String description) {
        CircuitBreaker breaker = breaker(connection.connectionId());
        if (fault == null || !TargetFaults.ofTarget(fault)) {
            breaker.onSuccess(durationNanos, TimeUnit.NANOSECONDS);
            return;
        }
        lastFault.put(breaker.getName(), description);
        breaker.onError(durationNanos, TimeUnit.NANOSECONDS, fault);
        if (TargetFaults.loginRefused(fault) && breaker.getState() == CircuitBreaker.State.CLOSED) {
            breaker.transitionToOpenState();
        }
    }

    /** Drops the breakers (and their meters) of connections disabled, deleted or changed. */
    public void forget(Collection<UUID> connectionIds) {
        for (UUID id : connectionIds) {
            String name = id.toString();
            registry.remove(name);
            lastFault.remove(name);
            Meter meter = stateMeters.remove(name);
            if (meter != null) {
                meters.remove(meter);
            }
        }
    }

    /** Drops the breakers of every connection not among {@code enabled}. */
    public void retainOnly(Collection<UUID> enabled) {
        forget(registry.getAllCircuitBreakers().stream().map(b -> UUID.fromString(b.getName())).filter(id -> !enabled.contains(id)).toList());
    }

    static double stateValue(CircuitBreaker breaker) {
        return switch (breaker.getState()) {
            case CLOSED, DISABLED, METRICS_ONLY -> 0;
            case HALF_OPEN -> 1;
            case OPEN, FORCED_OPEN -> 2;
        };
    }

    /** The breaker's state as results record it: CLOSED, OPEN or HALF_OPEN. */
    public String state(TargetConnection connection) {
        return breaker(connection.connectionId()).getState().name();
    }

    private CircuitBreaker breaker(UUID connectionId) {
        return registry.circuitBreaker(connectionId.toString());
    }
}

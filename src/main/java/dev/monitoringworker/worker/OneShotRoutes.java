package dev.monitoringworker.worker;

import org.apache.camel.Exchange;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routes that run once at start (a timer with {@code repeatCount: 1}) start again when their file is reloaded; their
 * work sits behind {@link #firstRun}, which says yes once per route for the life of the worker.
 */
public class OneShotRoutes {

    private final Set<String> ran = ConcurrentHashMap.newKeySet();

    /** True the first time the exchange's route asks, false ever after. */
    public boolean firstRun(Exchange exchange) {
        return ran.add(exchange.getFromRouteId());
    }
}

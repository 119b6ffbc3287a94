package dev.monitoringworker.notify;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which sinks an alert change goes to ({@code monitoring.notify.routing.<sink>.*}): a sink with routing gets only the
 * changes that enter or leave at least its least severe state (Warning: every problem; Critical: only Critical, and
 * its recovery) and, when it names environments, only those of its environments' connections. A sink without routing
 * gets every change.
 */
final class SinkRouting {

    private final Map<String, NotifyProperties.Routing> routing;

    SinkRouting(Map<String, NotifyProperties.Routing> configured) {
        for (Map.Entry<String, NotifyProperties.Routing> e : configured.entrySet()) {
            String sink = e.getKey().toLowerCase(Locale.ROOT);
            if (!NotificationDelivery.SINKS.contains(sink)) {
                throw new IllegalArgumentException("monitoring.notify.routing." + e.getKey() + ": unknown sink, expected one of "
                        + NotificationDelivery.SINKS);
            }
            String minState = e.getValue().minState();
            if (!minState.equalsIgnoreCase("Warning") && !minState.equalsIgnoreCase("Critical")) {
                throw new IllegalArgumentException("monitoring.notify.routing." + e.getKey() + ".min-state: '" + minState
                        + "' is not Warning or Critical");
            }
        }
        this.routing = configured.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
    }

    boolean routes(String sink, AlertNotice n) {
        NotifyProperties.Routing r = routing.get(sink);
        if (r == null) {
            return true;
        }
        boolean environment = r.environments().isEmpty()
                || r.environments().stream().anyMatch(e -> e.equalsIgnoreCase(n.environment() == null ? "" : n.environment()));
        return environment && Math.max(severity(n.from()), severity(n.to())) >= severity(r.minState());
    }

    /** Ok 0; Warning, Unknown, Stale and NoData 1; Critical 2. */
    static int severity(String state) {
        if (state == null || state.equalsIgnoreCase("Ok")) {
            return 0;
        }
        return state.equalsIgnoreCase("Critical") ? 2 : 1;
    }
}

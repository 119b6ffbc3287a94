package dev.monitoringworker.notify;

import org.apache.camel.Message;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Decides the delivery of alert notifications; the routes claim, send and record. Sinks are configured by name
 * (the HTTP ones are {@link HttpSinks}); a failed notification is tried again as {@link NotificationBackoff} says.
 * Once a sink failed in a round, the rest of that round's notifications wait for the next try without being sent,
 * so a dead sink costs one timeout per round, not one per notification.
 * Not thread-safe by design: the delivering route runs one round at a time per worker.
 */
public class NotificationDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationDelivery.class);
    public static final List<String> SINKS = List.of("log", "webhook", "alertmanager", "slack", "teams", "pagerduty", "email");

    private final List<String> sinks;
    private final HttpSinks http;
    private final SinkRouting routing;
    private final NotificationBackoff backoff;
    private final int batchSize;
    private final int leaseSeconds;
    private boolean failedThisRound;
    /** The sink the current notification is being sent to (the delivery route runs on one thread). */
    private String sending;

    /** @param http the HTTP sinks by name; their URLs are never written anywhere (they may carry a token) */
    public NotificationDelivery(List<String> sinks, Map<String, HttpSink> http, Map<String, NotifyProperties.Routing> routing, int batchSize,
                                int leaseSeconds, int retryBaseSeconds, int retryMaxSeconds, long giveUpSeconds) {
        for (String sink : sinks) {
            if (!SINKS.contains(sink)) {
                throw new IllegalArgumentException("monitoring.notify.sinks: unknown sink '" + sink + "', expected some of " + SINKS);
            }
            if (http.containsKey(sink) && http.get(sink).url().isBlank()) {
                throw new IllegalArgumentException("monitoring.notify." + sink + ".url: required when monitoring.notify.sinks names " + sink);
            }
        }
        this.routing = new SinkRouting(routing);
        this.sinks = List.copyOf(sinks);
        this.http = new HttpSinks(http);
        this.backoff = new NotificationBackoff(retryBaseSeconds, retryMaxSeconds, giveUpSeconds);
        this.batchSize = batchSize;
        this.leaseSeconds = leaseSeconds;
    }

    public boolean enabled() {
        return !sinks.isEmpty();
    }

    /** Starts a round: the parameters of claim-alert-events.sql. */
    public Map<String, Object> claim() {
        failedThisRound = false;
        Map<String, Object> p = new HashMap<>();
        p.put("BatchSize", batchSize);
        p.put("LeaseSeconds", leaseSeconds);
        return p;
    }

    public AlertNotice notice(Map<String, Object> claimed) {
        sending = sinks.isEmpty() ? null : sinks.get(0);
        return AlertNotice.of(claimed);
    }

    /** The configured sinks, in order. */
    public List<String> sinks() {
        return sinks;
    }

    /** After a failed send: the sink it failed on (the HTTP sink being prepared last, else the first sink). */
    public String failingSink() {
        return sending;
    }

    /** The sinks a change goes to under their routing, in the configured order. */
    public List<String> routedSinks(AlertNotice n) {
        return sinks.stream().filter(s -> routing.routes(s, n)).toList();
    }

    /** The routes of the sinks a change goes to, in the configured order. */
    public String recipients(@Variable("notice") AlertNotice n) {
        return routedSinks(n).stream().map(s -> "direct:notify-" + s).collect(Collectors.joining(","));
    }

    /** Makes the message a JSON POST to the sink's URL, with its Authorization header when one is configured. */
    public void prepareHttp(String sink, Message message) {
        sending = sink;
        http.prepare(sink, message);
    }

    /** Whether to claim again at once: the round was full (more may be due) and no sink failed in it. */
    public boolean fullRound(int claimed) {
        return claimed >= batchSize && !failedThisRound;
    }

    public boolean sinkFailedThisRound() {
        return failedThisRound;
    }

    public Map<String, Object> sent(AlertNotice n) {
        LOG.debug("Notified {} (event {}, attempt {})", n.title(), n.eventId(), n.attempt());
        return fence(n);
    }

    /** The error of a failed send as it is recorded: the sink's own failure, without any sink URL in it. */
    String describe(Exception error) {
        return http.describe(error);
    }

    /** A send that failed: when to try again (null: given up), and the error without any sink URL in it. */
    public Map<String, Object> failed(AlertNotice n, Exception error) {
        failedThisRound = true;
        return backoff.retryLater(n, http.describe(error));
    }

    /** Not sent because a sink failed earlier in the round. */
    public Map<String, Object> deferred(AlertNotice n) {
        return backoff.retryLater(n, "not sent: a sink failed earlier in the same round");
    }

    static Map<String, Object> fence(AlertNotice n) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("EventId", n.eventId());
        p.put("NotifyAttempts", n.attempt());
        return p;
    }
}

package dev.monitoringworker.notify;

import dev.monitoringworker.security.Secrets;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Decides the delivery of alert notifications; the routes claim, send and record. Sinks are configured by name;
 * a failed notification is tried again after a doubling delay and given up (kept with its error) when it is older
 * than the give-up age. Once a sink failed in a round, the rest of that round's notifications wait for the next
 * try without being sent, so a dead sink costs one timeout per round, not one per notification.
 * Not thread-safe by design: the delivering route runs one round at a time per worker.
 */
public class NotificationDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationDelivery.class);
    public static final List<String> SINKS = List.of("log", "webhook", "alertmanager");

    private final List<String> sinks;
    private final Map<String, HttpSink> http;
    private final int batchSize;
    private final int leaseSeconds;
    private final int retryBaseSeconds;
    private final int retryMaxSeconds;
    private final long giveUpSeconds;
    private boolean failedThisRound;
    /** The sink the current notification is being sent to (the delivery route runs on one thread). */
    private String sending;

    /** @param http the HTTP sinks by name; their URLs are never written anywhere (they may carry a token) */
    public NotificationDelivery(List<String> sinks, Map<String, HttpSink> http, int batchSize, int leaseSeconds, int retryBaseSeconds,
                                int retryMaxSeconds, long giveUpSeconds) {
        for (String sink : sinks) {
            if (!SINKS.contains(sink)) {
                throw new IllegalArgumentException("monitoring.notify.sinks: unknown sink '" + sink + "', expected some of " + SINKS);
            }
            if (!sink.equals("log") && (http.get(sink) == null || http.get(sink).url().isBlank())) {
                throw new IllegalArgumentException("monitoring.notify." + sink + ".url: required when monitoring.notify.sinks names " + sink);
            }
        }
        http.values().forEach(NotificationDelivery::keepOutOfLogs);
        this.sinks = List.copyOf(sinks);
        this.http = Map.copyOf(http.entrySet().stream().filter(e -> !e.getValue().url().isBlank())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        this.batchSize = batchSize;
        this.leaseSeconds = leaseSeconds;
        this.retryBaseSeconds = retryBaseSeconds;
        this.retryMaxSeconds = retryMaxSeconds;
        this.giveUpSeconds = giveUpSeconds;
    }

    /**
     * A sink's URL (whole, and its path and query, which HTTP client logs show on their own; short paths are no
     * secret and would mask ordinary text) and its Authorization
     * value (whole, and its credentials) are masked in every log line, whichever library writes it.
     */
    private static void keepOutOfLogs(HttpSink sink) {
        if (!sink.url().isBlank()) {
            Secrets.register(sink.url());
            int path = sink.url().indexOf('/', sink.url().indexOf("//") + 2);
            int query = sink.url().indexOf('?');
            if (path > 0 && sink.url().length() - path >= 8) {
                Secrets.register(sink.url().substring(path));
            }
            // Camel masks some query values (token=xxxxxx) before logging the rest: the path and the query on their own
            if (path > 0 && query > path && query - path >= 8) {
                Secrets.register(sink.url().substring(path, query));
            }
            if (query > 0) {
                Secrets.register(sink.url().substring(query + 1));
            }
        }
        if (!sink.authorization().isBlank()) {
            Secrets.register(sink.authorization());
            int space = sink.authorization().indexOf(' ');
            if (space > 0) {
                Secrets.register(sink.authorization().substring(space + 1).trim());
            }
        }
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

    /** The sink routes, in the configured order. */
    public String recipients() {
        return sinks.stream().map(s -> "direct:notify-" + s).collect(Collectors.joining(","));
    }

    /** Makes the message a JSON POST to the sink's URL, with its Authorization header when one is configured. */
    public void prepareHttp(String sink, Message message) {
        sending = sink;
        HttpSink target = http.get(sink);
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_URI, target.url());
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        if (!target.authorization().isBlank()) {
            message.setHeader("Authorization", target.authorization());
        }
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

    /** A send that failed: when to try again (null: given up), and the error without any sink URL in it. */
    public Map<String, Object> failed(AlertNotice n, Exception error) {
        failedThisRound = true;
        return retryLater(n, describe(error));
    }

    /** Not sent because a sink failed earlier in the round. */
    public Map<String, Object> deferred(AlertNotice n) {
        return retryLater(n, "not sent: a sink failed earlier in the same round");
    }

    private Map<String, Object> retryLater(AlertNotice n, String error) {
        long delay = Math.min((long) retryBaseSeconds << Math.min(Math.max(n.attempt() - 1, 0), 20), retryMaxSeconds);
        boolean giveUp = n.ageSeconds() + delay > giveUpSeconds;
        if (giveUp) {
            LOG.error("Notification of {} given up after {} attempt(s) over {} s (event {}): {}", n.title(), n.attempt(), n.ageSeconds(),
                    n.eventId(), error);
        } else {
            LOG.warn("Notification of {} not delivered (attempt {}), next try in {} s: {}", n.title(), n.attempt(), delay, error);
        }
        Map<String, Object> p = fence(n);
        p.put("RetryInSeconds", giveUp ? null : (int) delay);
        p.put("NotifyError", error.length() > 4000 ? error.substring(0, 3997) + "..." : error);
        return p;
    }

    private static Map<String, Object> fence(AlertNotice n) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("EventId", n.eventId());
        p.put("NotifyAttempts", n.attempt());
        return p;
    }

    /** The sink's own failure (not Camel's wrapping of it), with no sink URL in it. */
    String describe(Exception error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof HttpOperationFailedException refused) {
            return sinkOf(refused.getUri()) + " answered HTTP " + refused.getStatusCode()
                    + (refused.getStatusText() == null ? "" : " " + refused.getStatusText());
        }
        String text = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        for (Map.Entry<String, HttpSink> sink : http.entrySet()) {
            text = text.replace(sink.getValue().url(), "<" + sink.getKey() + " url>");
        }
        // what is left of a URL (a connection error names scheme, host and port) loses any path or query
        return text.replaceAll("(https?://[^/\\s?]+)[^\\s]*", "$1");
    }

    private String sinkOf(String uri) {
        return http.entrySet().stream().filter(s -> uri != null && uri.startsWith(s.getValue().url().split("\\?")[0]))
                .map(s -> "sink '" + s.getKey() + "'").findFirst().orElse("the sink");
    }
}

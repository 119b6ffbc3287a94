package dev.monitoringworker.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What each sink receives for one alert change: a log line, a generic JSON document, or the JSON Alertmanager's
 * webhook receiver sends (version 4), so receivers written for Alertmanager take ours unchanged.
 */
public class NotificationPayloads {

    private static final Set<String> PROBLEMS = Set.of("Warning", "Critical", "Unknown", "Stale", "NoData");

    private final ObjectMapper json;
    private final String sender;
    private final String receiver;

    public NotificationPayloads(ObjectMapper json, String sender, String receiver) {
        this.json = json;
        this.sender = sender;
        this.receiver = receiver;
    }

    public String line(AlertNotice n) {
        String what = switch (n.kind()) {
            case "FlappingStarted" -> "started flapping (notifications paused)";
            case "FlappingStopped" -> "stopped flapping, now " + n.to();
            default -> n.from() + " -> " + n.to();
        };
        return "Alert " + n.title() + ": " + what + (n.reason() == null ? "" : ": " + n.reason());
    }

    public String webhook(AlertNotice n) throws JsonProcessingException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", n.eventId());
        body.put("kind", n.kind());
        body.put("from", n.from());
        body.put("to", n.to());
        body.put("summary", line(n));
        body.put("reason", n.reason());
        body.put("value", n.value());
        body.put("occurredAt", n.occurredAt());
        body.put("sequence", n.sequence());
        body.put("connection", ordered("id", n.connectionId(), "name", n.connectionName(), "environment", n.environment(), "provider", n.provider()));
        body.put("query", ordered("id", n.queryId(), "name", n.queryName()));
        body.put("rowKey", n.rowKey());
        body.put("attempt", n.attempt());
        body.put("sender", sender);
        return json.writeValueAsString(body);
    }

    /**
     * Alertmanager's model: an alert is its label set, severity among them. A state change resolves the alert of
     * the state left (if it was a problem) and fires the one of the state entered (if it is one). Flapping's start
     * and end are not alerts there: null, and the route sends nothing for them.
     */
    public String alertmanager(AlertNotice n) throws JsonProcessingException {
        if (!n.stateChanged()) {
            return null;
        }
        List<Map<String, Object>> alerts = new ArrayList<>();
        if (PROBLEMS.contains(n.from())) {
            alerts.add(alert(n, n.from(), "resolved", n.previousChangeAt() != null ? n.previousChangeAt() : n.occurredAt(), n.occurredAt()));
        }
        if (PROBLEMS.contains(n.to())) {
            alerts.add(alert(n, n.to(), "firing", n.occurredAt(), null));
        }
        if (alerts.isEmpty()) {
            return null;
        }
        Map<String, Object> groupLabels = ordered("alertname", n.queryName());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", "4");
        body.put("groupKey", "{}:{alertname=\"" + n.queryName() + "\"}");
        body.put("truncatedAlerts", 0);
        body.put("status", alerts.stream().anyMatch(a -> a.get("status").equals("firing")) ? "firing" : "resolved");
        body.put("receiver", receiver);
        body.put("groupLabels", groupLabels);
        body.put("commonLabels", common(alerts, "labels"));
        body.put("commonAnnotations", common(alerts, "annotations"));
        body.put("externalURL", "");
        body.put("alerts", alerts);
        return json.writeValueAsString(body);
    }

    private Map<String, Object> alert(AlertNotice n, String state, String status, Object startsAt, Object endsAt) {
        Map<String, Object> labels = ordered("alertname", n.queryName(), "severity", state.toLowerCase(Locale.ROOT),
                "connection", n.connectionName(), "environment", n.environment(), "provider", n.provider());
        if (!n.rowKey().isEmpty()) {
            labels.put("key", n.rowKey());
        }
        Map<String, Object> annotations = ordered("summary", line(n), "description", n.reason() == null ? "" : n.reason(),
                "value", n.value() == null ? "" : String.valueOf(n.value()), "eventId", String.valueOf(n.eventId()));
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("status", status);
        a.put("labels", labels);
        a.put("annotations", annotations);
        a.put("startsAt", startsAt);
        a.put("endsAt", endsAt == null ? "0001-01-01T00:00:00Z" : endsAt);
        a.put("generatorURL", "");
        a.put("fingerprint", fingerprint(labels));
        return a;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> common(List<Map<String, Object>> alerts, String part) {
        Map<String, Object> common = new LinkedHashMap<>((Map<String, Object>) alerts.get(0).get(part));
        for (Map<String, Object> a : alerts) {
            Map<String, Object> other = (Map<String, Object>) a.get(part);
            common.entrySet().removeIf(e -> !e.getValue().equals(other.get(e.getKey())));
        }
        return common;
    }

    /** Alertmanager fingerprints an alert by its labels: the same labels, the same fingerprint. */
    private static String fingerprint(Map<String, Object> labels) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(labels).forEach((k, v) -> sha.update((k + "\u0000" + v + "\u0000").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Name/value pairs in order, nulls dropped (Alertmanager labels are never null). */
    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                m.put((String) pairs[i], String.valueOf(pairs[i + 1]));
            }
        }
        return m;
    }
}

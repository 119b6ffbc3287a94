package dev.monitoringworker.notify;

import dev.monitoringworker.security.Secrets;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Message;

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
 * What each sink receives for one alert change: a log line, a generic JSON document, the JSON Alertmanager's
 * webhook receiver sends (version 4), so receivers written for Alertmanager take ours unchanged, Slack's, Teams',
 * PagerDuty's, or an e-mail.
 */
public class NotificationPayloads {

    private static final Set<String> PROBLEMS = Set.of("Warning", "Critical", "Unknown", "Stale", "NoData");

    private static final Map<String, String> COLORS = Map.of("Ok", "#2e7d32", "Warning", "#f9a825", "Critical", "#c62828");

    private final ObjectMapper json;
    private final String sender;
    private final String receiver;
    private final String routingKey;
    private final String subjectPrefix;

    /**
     * @param routingKey    PagerDuty's routing key: a secret, kept out of every log line
     * @param subjectPrefix put before each e-mail's subject
     */
    public NotificationPayloads(ObjectMapper json, String sender, String receiver, String routingKey, String subjectPrefix) {
        this.json = json;
        this.sender = sender;
        this.receiver = receiver;
        this.routingKey = routingKey == null ? "" : routingKey;
        this.subjectPrefix = subjectPrefix == null ? "" : subjectPrefix;
        if (!this.routingKey.isBlank()) {
            Secrets.register(this.routingKey);
        }
    }

    /** A Slack incoming webhook's message: the line, and an attachment coloured by the state entered. */
    public String slack(AlertNotice n) throws JsonProcessingException {
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("color", COLORS.getOrDefault(n.to(), "#6d4c41"));
        attachment.put("fields", List.of(field("Connection", n.connectionName() + " (" + n.environment() + ")"), field("State", n.from() + " → " + n.to()),
                field("Value", n.value() == null ? "–" : String.valueOf(n.value()))));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", line(n));
        body.put("attachments", List.of(attachment));
        return json.writeValueAsString(body);
    }

    /** A Microsoft Teams (Workflows) message: one Adaptive Card with the line and the alert's facts. */
    public String teams(AlertNotice n) throws JsonProcessingException {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        card.put("body", List.of(
                Map.of("type", "TextBlock", "size", "Medium", "weight", "Bolder", "wrap", true, "text", n.title() + ": " + n.to(),
                        "color", n.to().equals("Ok") ? "Good" : n.to().equals("Critical") ? "Attention" : "Warning"),
                Map.of("type", "TextBlock", "wrap", true, "text", line(n)),
                Map.of("type", "FactSet", "facts", List.of(fact("Connection", n.connectionName()), fact("Environment", n.environment()),
                        fact("State", n.from() + " → " + n.to()), fact("Value", n.value() == null ? "–" : String.valueOf(n.value()))))));
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.put("content", card);
        return json.writeValueAsString(Map.of("type", "message", "attachments", List.of(attachment)));
    }

    /**
     * A PagerDuty Events API v2 event: a state change into a problem triggers, a change to Ok resolves, under one dedup
     * key per alert (connection, query, key). Flapping's start and end are no incidents: null, nothing is sent.
     */
    public String pagerduty(AlertNotice n) throws JsonProcessingException {
        if (!n.stateChanged()) {
            return null;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("routing_key", routingKey);
        body.put("event_action", PROBLEMS.contains(n.to()) ? "trigger" : "resolve");
        body.put("dedup_key", n.connectionId() + "/" + n.queryId() + "/" + n.rowKey());
        Map<String, Object> payload = new LinkedHashMap<>();
        String summary = line(n);
        payload.put("summary", summary.length() > 1024 ? summary.substring(0, 1021) + "..." : summary);
        payload.put("source", n.connectionName());
        payload.put("severity", n.to().equals("Critical") ? "critical" : n.to().equals("Warning") ? "warning" : n.to().equals("Ok") ? "info" : "error");
        payload.put("timestamp", String.valueOf(n.occurredAt()));
        payload.put("component", n.queryName());
        payload.put("group", n.environment());
        payload.put("class", n.provider());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", n.from());
        details.put("to", n.to());
        details.put("value", n.value());
        details.put("key", n.rowKey());
        details.put("reason", n.reason());
        payload.put("custom_details", details);
        body.put("payload", payload);
        return json.writeValueAsString(body);
    }

    /**
     * An e-mail: the subject names the state entered and the alert ({@code [MonitoringWorker] Critical: Replication lag
     * (s) on orders-replica-2}); the body is plain text, one fact per line.
     */
    public void email(AlertNotice n, Message message) {
        String state = switch (n.kind()) {
            case "FlappingStarted" -> "Flapping";
            case "FlappingStopped" -> "Stopped flapping, " + n.to();
            default -> n.to();
        };
        String subject = (subjectPrefix.isBlank() ? "" : subjectPrefix + " ") + state + ": " + n.title();
        StringBuilder body = new StringBuilder(line(n)).append("\n\n");
        appendLine(body, "State", n.from() + " -> " + n.to());
        appendLine(body, "Value", n.value() == null ? null : String.valueOf(n.value()));
        appendLine(body, "Reason", n.reason());
        appendLine(body, "Connection", n.connectionName() + " (" + n.environment() + ", " + n.provider() + ")");
        appendLine(body, "Query", n.queryName());
        appendLine(body, "Key", n.rowKey().isEmpty() ? null : n.rowKey());
        appendLine(body, "Occurred at", String.valueOf(n.occurredAt()));
        appendLine(body, "Event", n.eventId() + " (sequence " + n.sequence() + ")");
        appendLine(body, "Sent by", sender);
        message.setHeader("Subject", subject.replaceAll("[\r\n]+", " "));
        message.setBody(body.toString());
    }

    private static void appendLine(StringBuilder body, String name, String value) {
        if (value != null && !value.isBlank()) {
            body.append(name).append(": ").append(value).append('\n');
        }
    }

    private static Map<String, Object> field(String title, String value) {
        return Map.of("title", title, "value", value == null ? "" : value, "short", true);
    }

    private static Map<String, Object> fact(String title, String value) {
        return Map.of("title", title, "value", value == null ? "" : value);
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

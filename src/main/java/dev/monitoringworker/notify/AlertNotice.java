package dev.monitoringworker.notify;

import dev.monitoringworker.store.Row;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/** One claimed alert change to notify, as claim-alert-events.sql returns it (store times are UTC). */
public record AlertNotice(UUID eventId, long sequence, String kind, String from, String to, Instant occurredAt, Instant previousChangeAt,
                          String reason, Double value, int attempt, long ageSeconds, UUID connectionId, String connectionName,
                          String environment, String provider, UUID queryId, String queryName, String rowKey) {

    public static AlertNotice of(Map<String, Object> claimed) {
        Row r = Row.of(claimed);
        Number sequence = (Number) r.get("Sequence");
        Number age = (Number) r.get("AgeSeconds");
        return new AlertNotice(r.uuid("EventId"), sequence.longValue(), r.string("Kind"), r.string("FromState"), r.string("ToState"),
                utc(r.time("OccurredAt")), utc(r.time("PreviousChangeAt")), r.string("Reason"), r.decimal("ResultValue"),
                r.integer("NotifyAttempts"), age == null ? 0 : age.longValue(), r.uuid("ConnectionId"), r.string("ConnectionName"),
                r.string("Environment"), r.string("Provider"), r.uuid("QueryId"), r.string("QueryName"),
                r.string("RowKey") == null ? "" : r.string("RowKey"));
    }

    public boolean stateChanged() {
        return "StateChanged".equals(kind);
    }

    /** The alert's name as people read it: query, key for per-key alerts, connection. */
    public String title() {
        String name = queryName != null ? queryName : String.valueOf(queryId);
        String where = connectionName != null ? connectionName : String.valueOf(connectionId);
        return rowKey.isEmpty() ? name + " on " + where : name + " [" + rowKey + "] on " + where;
    }

    private static Instant utc(LocalDateTime t) {
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
}

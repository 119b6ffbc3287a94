package dev.monitoringworker.maintenance;

import dev.monitoringworker.store.Row;
import org.quartz.CronExpression;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.TimeZone;
import java.util.UUID;

/**
 * A maintenance window or a silence (a row of MaintenanceWindows): which alerts it covers, and when. A one-off window
 * runs from {@code startsAt} to {@code endsAt}; a recurring one for {@code duration} from each time its Quartz cron
 * fires in its zone, from {@code startsAt} until {@code endsAt} if set. Cancelling ends it (and the occurrence under
 * way) at once.
 */
public record MaintenanceWindow(UUID id, String kind, String environment, UUID connectionId, UUID queryId, String rowKey,
                                Instant startsAt, Instant endsAt, String cron, Duration duration, ZoneId zone, String reason,
                                String createdBy, Instant cancelledAt, Instant lastEndHandledAt) {

    public static final String MAINTENANCE = "Maintenance";
    public static final String SILENCE = "Silence";
    /** Occurrences looked through for the last one that ended: a fleet stopped for long still hands over the latest. */
    private static final int MAX_OCCURRENCES = 100_000;

    public MaintenanceWindow {
        if (startsAt == null) {
            throw new IllegalArgumentException("StartsAt is required");
        }
        if (cron != null) {
            parse(cron, zone);
            if (duration == null || duration.isZero() || duration.isNegative()) {
                throw new IllegalArgumentException("DurationMinutes (at least 1) is required with Cron '" + cron + "'");
            }
        }
    }

    /** @throws IllegalArgumentException naming the column whose value cannot be used */
    public static MaintenanceWindow from(Row row) {
        Integer minutes = row.integer("DurationMinutes");
        String zone = row.string("TimeZone");
        return new MaintenanceWindow(row.uuid("WindowId"), row.string("Kind"), blankAsNull(row.string("Environment")), row.uuid("ConnectionId"),
                row.uuid("QueryId"), row.string("RowKey"), instant(row.time("StartsAt")), instant(row.time("EndsAt")),
                blankAsNull(row.string("Cron")), minutes == null ? null : Duration.ofMinutes(minutes), zone(zone),
                row.string("Reason"), row.string("CreatedBy"), instant(row.time("CancelledAt")), instant(row.time("LastEndHandledAt")));
    }

    /** A time zone by its IANA name (NULL: UTC). @throws IllegalArgumentException naming the value */
    public static ZoneId zone(String name) {
        if (name == null || name.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(name.trim());
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("TimeZone '" + name + "' is not a time zone name such as Europe/Berlin or UTC");
        }
    }

    /** A Quartz cron expression in a zone. @throws IllegalArgumentException with the parser's reason */
    public static CronExpression parse(String cron, ZoneId zone) {
        try {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(TimeZone.getTimeZone(zone == null ? ZoneOffset.UTC : zone));
            return expression;
        } catch (ParseException e) {
            throw new IllegalArgumentException("Cron '" + cron + "' is not a Quartz cron expression (seconds minutes hours day-of-month month "
                    + "day-of-week, e.g. '0 0 2 ? * SUN'): " + e.getMessage());
        }
    }

    public boolean silence() {
        return SILENCE.equals(kind);
    }

    /** When it stops for good: its end or its cancellation, whichever is first; null while open-ended. */
    public Instant closesAt() {
        if (endsAt == null) {
            return cancelledAt;
        }
        return cancelledAt == null || endsAt.isBefore(cancelledAt) ? endsAt : cancelledAt;
    }

    /** Whether it covers the alert of (connection, query, key) on a connection of {@code environment}. */
    public boolean covers(UUID connection, String connectionEnvironment, UUID query, String key) {
        return (environment == null || environment.equalsIgnoreCase(connectionEnvironment))
                && (connectionId == null || connectionId.equals(connection))
                && (queryId == null || queryId.equals(query))
                && (rowKey == null || rowKey.equals(key == null ? "" : key));
    }

    /** Whether it holds notifications back at {@code t}. */
    public boolean activeAt(Instant t) {
        Instant closes = closesAt();
        if (t.isBefore(startsAt) || closes != null && !t.isBefore(closes)) {
            return false;
        }
        if (cron == null) {
            return true;
        }
        // the occurrence under way, if any, fired after t - duration and not after t
        Date fired = parse(cron, zone).getNextValidTimeAfter(Date.from(t.minus(duration)));
        return fired != null && !fired.toInstant().isAfter(t);
    }

    /** When its current occurrence began (a one-off window: its start), or null when it is not active at {@code t}. */
    public Instant occurrenceStart(Instant t) {
        if (!activeAt(t)) {
            return null;
        }
        return cron == null ? startsAt : parse(cron, zone).getNextValidTimeAfter(Date.from(t.minus(duration))).toInstant();
    }

    /** When it next starts after {@code t} (null: never again). */
    public Instant nextStart(Instant t) {
        Instant closes = closesAt();
        Instant next;
        if (cron == null) {
            next = startsAt.isAfter(t) ? startsAt : null;
        } else {
            Date fired = parse(cron, zone).getNextValidTimeAfter(Date.from(t.isBefore(startsAt) ? startsAt.minusMillis(1) : t));
            next = fired == null ? null : fired.toInstant();
        }
        return next == null || closes != null && !next.isBefore(closes) ? null : next;
    }

    /**
     * The end of its latest occurrence that is over at {@code now} and not handed over yet ({@code lastEndHandledAt}),
     * or null: the held changes of an ended window are sent once.
     */
    public Instant endedSinceHandled(Instant now) {
        Instant closes = closesAt();
        Instant latest = null;
        if (cron == null) {
            latest = closes != null && !closes.isAfter(now) && !closes.isBefore(startsAt) ? closes : null;
        } else {
            CronExpression expression = parse(cron, zone);
            Instant from = lastEndHandledAt != null && lastEndHandledAt.minus(duration).isAfter(startsAt) ? lastEndHandledAt.minus(duration) : startsAt;
            Date fired = expression.getNextValidTimeAfter(Date.from(from.minusMillis(1)));
            for (int i = 0; fired != null && fired.toInstant().isBefore(now) && i < MAX_OCCURRENCES; i++) {
                Instant start = fired.toInstant();
                if (closes != null && !start.isBefore(closes)) {
                    break;
                }
                Instant end = start.plus(duration);
                if (closes != null && closes.isBefore(end)) {
                    end = closes;
                }
                if (!end.isAfter(now)) {
                    latest = end;
                }
                fired = expression.getNextValidTimeAfter(fired);
            }
        }
        return latest != null && (lastEndHandledAt == null || latest.isAfter(lastEndHandledAt)) ? latest : null;
    }

    /** How people read it: its kind, scope and reason. */
    public String describe() {
        StringBuilder scope = new StringBuilder();
        if (environment != null) {
            scope.append(" environment ").append(environment);
        }
        if (connectionId != null) {
            scope.append(" connection ").append(connectionId);
        }
        if (queryId != null) {
            scope.append(" query ").append(queryId);
        }
        if (rowKey != null && !rowKey.isEmpty()) {
            scope.append(" key '").append(rowKey).append('\'');
        }
        return (silence() ? "silence" : "maintenance window") + " " + id + " (" + (scope.isEmpty() ? "everything" : scope.toString().trim())
                + "; " + reason + ", by " + createdBy + ")";
    }

    private static Instant instant(LocalDateTime t) {
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    private static String blankAsNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

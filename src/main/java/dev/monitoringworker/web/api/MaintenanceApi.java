package dev.monitoringworker.web.api;

import dev.monitoringworker.maintenance.MaintenanceWindow;
import dev.monitoringworker.maintenance.MaintenanceWindows;
import dev.monitoringworker.store.Row;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.monitoringworker.web.api.StoreApi.params;
import static dev.monitoringworker.web.api.StoreApi.user;

/**
 * Maintenance windows and silences: while one covers an alert its changes are kept, not sent; when it ends, each
 * alert still in the problem state a held change entered is sent once. Every change is in the audit log.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Maintenance", description = "Read: viewer. Create and end windows and silences, read the audit log: operator.")
public class MaintenanceApi {

    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceApi.class);
    static final String[] COLUMNS = {"WindowId", "Kind", "Environment", "ConnectionId", "QueryId", "RowKey", "StartsAt", "EndsAt", "Cron",
            "DurationMinutes", "TimeZone", "Reason", "CreatedBy", "CreatedAt", "CancelledAt", "CancelledBy"};
    private static final int AUDIT_LINES = 500;

    /**
     * A maintenance window: what it covers (any of environment, connection, query; at least one), and when: once from
     * {@code startsAt} (default now) to {@code endsAt}, or every time the Quartz {@code cron} fires in {@code timeZone}
     * (default UTC) for {@code durationMinutes}, until {@code endsAt} if given.
     */
    public record WindowInput(String environment, UUID connectionId, UUID queryId, Instant startsAt, Instant endsAt, String cron,
                              Integer durationMinutes, String timeZone, String reason) {
    }

    /** A silence: one alert (its connection, query, and key for a per-key alert), from now until {@code until}. */
    public record SilenceInput(UUID connectionId, UUID queryId, String rowKey, Instant until, String reason) {
    }

    private final StoreApi store;
    private final MaintenanceWindows windows;

    public MaintenanceApi(StoreApi store, MaintenanceWindows windows) {
        this.store = store;
        this.windows = windows;
    }

    @GetMapping("/maintenance")
    @Operation(summary = "Maintenance windows and silences, newest first, each with its state now (Active, Scheduled, Ended, Cancelled): "
            + "those not over and those over within 7 days, or all with ?all=true")
    public List<Map<String, Object>> list(@RequestParam(defaultValue = "false") boolean all) {
        Instant now = Instant.now();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> row : store.read("api-maintenance-windows", params("All", all ? 1 : 0), COLUMNS)) {
            Map<String, Object> shown = new LinkedHashMap<>(row);
            MaintenanceWindow w = window(row);
            shown.put("state", w == null ? "Invalid" : w.cancelledAt() != null && !w.cancelledAt().isAfter(now) ? "Cancelled"
                    : w.activeAt(now) ? "Active" : w.nextStart(now) != null ? "Scheduled" : "Ended");
            shown.put("nextStart", w == null || w.activeAt(now) ? null : w.nextStart(now));
            out.add(shown);
        }
        return out;
    }

    @PostMapping("/maintenance")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Creates a maintenance window (400 naming the field when its scope, times, cron or reason cannot be used)")
    public Map<String, Object> create(@RequestBody WindowInput in, Authentication who) {
        if (blank(in.environment()) && in.connectionId() == null && in.queryId() == null) {
            throw ApiException.invalid("environment", "a window names an environment, a connection or a query (or several of them); "
                    + "it never covers everything by accident");
        }
        Instant now = Instant.now();
        Instant starts = in.startsAt() == null ? now : in.startsAt();
        ZoneId zone;
        try {
            zone = MaintenanceWindow.zone(in.timeZone());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("timeZone", e.getMessage());
        }
        if (blank(in.cron())) {
            if (in.endsAt() == null) {
                throw ApiException.invalid("endsAt", "endsAt is required for a window without cron");
            }
            if (in.durationMinutes() != null) {
                throw ApiException.invalid("durationMinutes", "durationMinutes is for a recurring window (with cron)");
            }
        } else {
            try {
                MaintenanceWindow.parse(in.cron().trim(), zone);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("cron", e.getMessage());
            }
            if (in.durationMinutes() == null || in.durationMinutes() < 1) {
                throw ApiException.invalid("durationMinutes", "durationMinutes (at least 1) is required with cron");
            }
        }
        if (in.endsAt() != null && !in.endsAt().isAfter(starts)) {
            throw ApiException.invalid("endsAt", "endsAt " + in.endsAt() + " must be after startsAt " + starts);
        }
        if (in.endsAt() != null && !in.endsAt().isAfter(now)) {
            throw ApiException.invalid("endsAt", "endsAt " + in.endsAt() + " is in the past");
        }
        requireConnection(in.connectionId());
        requireQuery(in.queryId());
        return save(MaintenanceWindow.MAINTENANCE, blank(in.environment()) ? null : in.environment().trim(), in.connectionId(), in.queryId(),
                null, starts, in.endsAt(), blank(in.cron()) ? null : in.cron().trim(), in.durationMinutes(),
                blank(in.timeZone()) ? null : zone.getId(), reason(in.reason()), user(who));
    }

    @PostMapping("/silences")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Silences one alert until a time (400 naming the field when it cannot be used)")
    public Map<String, Object> silence(@RequestBody SilenceInput in, Authentication who) {
        if (in.connectionId() == null) {
            throw ApiException.invalid("connectionId", "connectionId is required: a silence names one alert");
        }
        if (in.queryId() == null) {
            throw ApiException.invalid("queryId", "queryId is required: a silence names one alert");
        }
        Instant now = Instant.now();
        if (in.until() == null || !in.until().isAfter(now)) {
            throw ApiException.invalid("until", "until must be a time in the future");
        }
        requireConnection(in.connectionId());
        requireQuery(in.queryId());
        return save(MaintenanceWindow.SILENCE, null, in.connectionId(), in.queryId(), in.rowKey() == null ? "" : in.rowKey(), now, in.until(),
                null, null, null, reason(in.reason()), user(who));
    }

    @DeleteMapping("/maintenance/{id}")
    @Operation(summary = "Ends a maintenance window or silence now (a recurring window for good); the changes it held go out as when it ends")
    public Map<String, Object> end(@PathVariable UUID id, Authentication who) {
        String user = user(who);
        if (store.audited("api-cancel-maintenance-window", params("WindowId", id, "UserName", user), user, "EndMaintenanceWindow",
                id.toString(), null) == 0) {
            throw ApiException.notFound("maintenance window or silence " + id + " that is not ended already");
        }
        LOG.info("Maintenance window or silence {} ended by {}", id, user);
        refresh();
        return one(id);
    }

    @GetMapping("/audit")
    @Operation(summary = "The audit log, newest first (the last 500 lines)")
    public List<Map<String, Object>> audit() {
        return store.read("api-audit", params("Limit", AUDIT_LINES), "AuditId", "OccurredAt", "UserName", "Action", "Subject", "Details");
    }

    private Map<String, Object> save(String kind, String environment, UUID connection, UUID query, String rowKey, Instant starts, Instant ends,
                                     String cron, Integer minutes, String zone, String reason, String user) {
        UUID id = UUID.randomUUID();
        Map<String, Object> p = params("WindowId", id, "Kind", kind, "Environment", environment, "ConnectionId", connection, "QueryId", query,
                "StartsAt", utc(starts), "EndsAt", utc(ends), "Cron", cron, "DurationMinutes", minutes, "TimeZone", zone, "Reason", reason,
                "UserName", user);
        p.put("RowKey", rowKey);                                   // '' is the (connection, query) alert itself
        String what = MaintenanceWindow.SILENCE.equals(kind) ? "CreateSilence" : "CreateMaintenanceWindow";
        List<String> scope = new ArrayList<>();
        if (environment != null) {
            scope.add("environment " + environment);
        }
        if (connection != null) {
            scope.add("connection " + connection);
        }
        if (query != null) {
            scope.add("query " + query);
        }
        if (rowKey != null && !rowKey.isEmpty()) {
            scope.add("key '" + rowKey + "'");
        }
        String details = "scope: " + String.join(", ", scope) + "; " + (cron == null ? starts + " to " + ends : "cron '" + cron + "' for "
                + minutes + " min in " + (zone == null ? "UTC" : zone) + " from " + starts + (ends == null ? "" : " until " + ends))
                + "; reason: " + reason;
        store.audited("api-insert-maintenance-window", p, user, what, id.toString(), details);
        LOG.info("{} {} by {}: {}", MaintenanceWindow.SILENCE.equals(kind) ? "Silence" : "Maintenance window", id, user, details);
        refresh();
        return one(id);
    }

    private Map<String, Object> one(UUID id) {
        return list(true).stream().filter(w -> id.equals(w.get("windowId"))).findFirst()
                .orElseThrow(() -> ApiException.notFound("maintenance window or silence " + id));
    }

    /** This worker holds changes back by the new window at once; the others within monitoring.maintenance.interval-ms. */
    private void refresh() {
        windows.refresh(store.rows("select-maintenance-windows", Map.of()));
    }

    private void requireConnection(UUID id) {
        if (id != null && store.read("api-connections", params("ConnectionId", id), "ConnectionId").isEmpty()) {
            throw ApiException.invalid("connectionId", "connection " + id + " does not exist");
        }
    }

    private void requireQuery(UUID id) {
        if (id != null && store.read("api-queries", params("QueryId", id), "QueryId").isEmpty()) {
            throw ApiException.invalid("queryId", "query " + id + " does not exist");
        }
    }

    private static String reason(String reason) {
        if (blank(reason)) {
            throw ApiException.invalid("reason", "reason is required: the next person to see the window needs to know why");
        }
        if (reason.length() > 1000) {
            throw ApiException.invalid("reason", "reason is longer than 1000 characters");
        }
        return reason.trim();
    }

    /** A row as the API shows it, back into a window to say its state; null for a row that cannot be used. */
    private static MaintenanceWindow window(Map<String, Object> shown) {
        Map<String, Object> raw = new LinkedHashMap<>();
        shown.forEach((k, v) -> raw.put(Character.toUpperCase(k.charAt(0)) + k.substring(1),
                v instanceof Instant i ? LocalDateTime.ofInstant(i, ZoneOffset.UTC) : v));
        try {
            return MaintenanceWindow.from(Row.of(raw));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDateTime utc(Instant t) {
        return t == null ? null : LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

package dev.monitoringworker.web.api;

import dev.monitoringworker.alert.AlertsProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import static dev.monitoringworker.web.api.StoreApi.params;

/** What the status page shows, in one answer: the grid, active alerts, workers, queue depth, recent errors, trends. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Status", description = "Read: viewer.")
public class StatusApi {

    static final String[] GRID_COLUMNS = {"ConnectionId", "ConnectionName", "Environment", "Provider", "QueryId", "QueryName", "State",
            "PendingState", "PendingCount", "HardAfter", "StateSince", "AgeSeconds", "IsFlapping", "LastValue", "LastMessage", "LastSeenAt", "AcknowledgedBy"};
    static final String[] QUEUE_COLUMNS = {"Status", "Priority", "JobCount", "OldestScheduledAt"};
    static final String[] SERIES_COLUMNS = {"ConnectionId", "QueryId", "ResultValue", "Status", "ExecutedAt"};

    private final StoreApi store;
    /** A query's HardAfter when its row leaves it NULL (monitoring.alerts.hard-after). */
    private final int defaultHardAfter;
    private final ResultsApi results;
    private final OperationsApi operations;

    public StatusApi(StoreApi store, ResultsApi results, OperationsApi operations,
                     AlertsProperties alerts) {
        this.defaultHardAfter = alerts.hardAfter();
        this.store = store;
        this.results = results;
        this.operations = operations;
    }

    @GetMapping("/status")
    @Operation(summary = "The status page's data, optionally for one environment and/or provider")
    public Map<String, Object> status(@RequestParam(required = false) String environment, @RequestParam(required = false) String provider) {
        Map<String, Object> out = new LinkedHashMap<>();
        LocalDateTime now = store.storeNow();
        out.put("storeNow", now.toInstant(ZoneOffset.UTC));
        // one read: the filter choices come from all of it, the grid is the part the filters keep
        List<Map<String, Object>> everything = store.read("api-status-grid", Map.of(), GRID_COLUMNS);
        // a NULL HardAfter is the configured default (putIfAbsent replaces a null too)
        everything.forEach(cell -> cell.putIfAbsent("hardAfter", defaultHardAfter));
        out.put("environments", distinct(everything, "environment"));
        out.put("providers", distinct(everything, "provider"));
        out.put("grid", everything.stream().filter(c -> matches(environment, c.get("environment")) && matches(provider, c.get("provider")))
                .toList());
        out.put("alerts", results.alerts(environment, provider, null, null, null, 200));
        out.put("workers", operations.workers());
        out.put("queue", store.read("api-queue", Map.of(), QUEUE_COLUMNS));
        List<Map<String, Object>> errors = new ArrayList<>(results.results(environment, provider, null, null, "Error", null, null, 10));
        errors.addAll(results.results(environment, provider, null, null, "Timeout", null, null, 10));
        errors.sort((a, b) -> String.valueOf(b.get("executedAt")).compareTo(String.valueOf(a.get("executedAt"))));
        out.put("recentErrors", errors.size() > 10 ? errors.subList(0, 10) : errors);
        out.put("series", series(null, 6, 30, now));
        return out;
    }

    @GetMapping("/series")
    @Operation(summary = "The last points values of each (connection, query) within the last hours, oldest first")
    public List<Map<String, Object>> series(@RequestParam(required = false) UUID connectionId, @RequestParam(defaultValue = "24") int hours,
                                            @RequestParam(defaultValue = "60") int points) {
        return series(connectionId, hours, points, store.storeNow());
    }

    private List<Map<String, Object>> series(UUID connectionId, int hours, int points, LocalDateTime now) {
        return store.read("api-series", params("ConnectionId", connectionId, "Since", now.minusHours(Math.max(1, Math.min(hours, 24 * 31))),
                "Points", Math.max(2, Math.min(points, 500))), SERIES_COLUMNS);
    }

    private static boolean matches(String filter, Object value) {
        return filter == null || filter.isBlank() || filter.equals(value);
    }

    private static List<String> distinct(List<Map<String, Object>> rows, String column) {
        TreeSet<String> values = new TreeSet<>();
        for (Map<String, Object> r : rows) {
            if (r.get(column) != null) {
                values.add(String.valueOf(r.get(column)));
            }
        }
        return List.copyOf(values);
    }
}

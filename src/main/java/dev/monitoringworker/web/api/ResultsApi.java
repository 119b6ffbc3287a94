package dev.monitoringworker.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.monitoringworker.web.api.StoreApi.params;

/** Results and alert states, filtered. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Results and alerts", description = "Read: viewer.")
public class ResultsApi {

    static final String[] RESULT_COLUMNS = {"ResultId", "JobId", "ConnectionId", "ConnectionName", "QueryId", "QueryName", "Environment",
            "Provider", "Status", "ResultValue", "ResultText", "ResultRowCount", "DurationMs", "ErrorMessage", "ExecutedAt"};
    static final String[] ALERT_COLUMNS = {"ConnectionId", "ConnectionName", "Environment", "Provider", "QueryId", "QueryName", "RowKey",
            "State", "StateSince", "AgeSeconds", "IsFlapping", "LastValue", "LastMessage", "LastSeenAt", "AcknowledgedBy", "AcknowledgedAt"};

    private final StoreApi store;

    public ResultsApi(StoreApi store) {
        this.store = store;
    }

    @GetMapping("/results")
    @Operation(summary = "Results, newest first; every filter optional; from/to are UTC instants (from inclusive, to exclusive)")
    public List<Map<String, Object>> results(@RequestParam(required = false) String environment, @RequestParam(required = false) String provider,
                                             @RequestParam(required = false) UUID connectionId, @RequestParam(required = false) UUID queryId,
                                             @RequestParam(required = false) String status,
                                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                             @RequestParam(defaultValue = "200") int limit) {
        return store.read("api-results", params("Environment", environment, "Provider", provider, "ConnectionId", connectionId,
                "QueryId", queryId, "Status", status, "From", utc(from), "To", utc(to), "Limit", Math.max(1, Math.min(limit, 5000))), RESULT_COLUMNS);
    }

    @GetMapping("/alerts")
    @Operation(summary = "Alerts not Ok (or in the given state), oldest change first; per-key alerts included")
    public List<Map<String, Object>> alerts(@RequestParam(required = false) String environment, @RequestParam(required = false) String provider,
                                            @RequestParam(required = false) UUID connectionId, @RequestParam(required = false) UUID queryId,
                                            @RequestParam(required = false) String state, @RequestParam(defaultValue = "500") int limit) {
        return store.read("api-alerts", params("Environment", environment, "Provider", provider, "ConnectionId", connectionId,
                "QueryId", queryId, "State", state, "Limit", Math.max(1, Math.min(limit, 5000))), ALERT_COLUMNS);
    }

    /** Store times are UTC wall-clock timestamps. */
    static LocalDateTime utc(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}

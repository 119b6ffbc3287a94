package dev.monitoringworker.web.api;

import dev.monitoringworker.security.KeyRing;
import dev.monitoringworker.security.KeyRingSource;
import dev.monitoringworker.worker.WorkerControl;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.monitoringworker.web.api.StoreApi.params;
import static dev.monitoringworker.web.api.StoreApi.user;

/** Workers, this worker's claiming, acknowledgements, and the key ring's state (never its keys). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Operations", description = "Workers: viewer. Pause/resume claiming, acknowledge alerts: operator. Keys: admin.")
public class OperationsApi {

    private static final Logger LOG = LoggerFactory.getLogger(OperationsApi.class);
    static final String[] WORKER_COLUMNS = {"WorkerInstanceId", "WorkerName", "MachineName", "Version", "Environment", "Status", "StartedAt",
            "LastHeartbeatAt", "StoppedAt", "HeartbeatAgeSeconds", "RunningJobs"};

    /** The alert to acknowledge: rowKey only for per-key alerts. */
    public record Acknowledgement(UUID connectionId, UUID queryId, String rowKey) {
    }

    private final StoreApi store;
    private final WorkerControl control;
    private final KeyRingSource keys;

    public OperationsApi(StoreApi store, WorkerControl control, KeyRingSource keys) {
        this.store = store;
        this.control = control;
        this.keys = keys;
    }

    @GetMapping("/workers")
    @Operation(summary = "Workers with heartbeat age (seconds) and running jobs")
    public List<Map<String, Object>> workers() {
        return store.read("api-workers", Map.of(), WORKER_COLUMNS);
    }

    @PostMapping("/worker/claiming/pause")
    @Operation(summary = "This worker stops claiming jobs; running jobs finish (as the JMX operation pauseClaiming)")
    public Map<String, Object> pause(Authentication who) {
        LOG.info("Claiming pause asked for by {}", user(who));
        return Map.of("worker", control.getWorkerName(), "result", control.pauseClaiming());
    }

    @PostMapping("/worker/claiming/resume")
    @Operation(summary = "This worker claims jobs again")
    public Map<String, Object> resume(Authentication who) {
        LOG.info("Claiming resume asked for by {}", user(who));
        return Map.of("worker", control.getWorkerName(), "result", control.resumeClaiming());
    }

    @PostMapping("/alerts/acknowledge")
    @Operation(summary = "Acknowledges an alert that is not Ok; a change of its state clears the acknowledgement")
    public Map<String, Object> acknowledge(@RequestBody Acknowledgement ack, Authentication who) {
        if (ack.connectionId() == null) {
            throw ApiException.invalid("connectionId", "connectionId is required");
        }
        if (ack.queryId() == null) {
            throw ApiException.invalid("queryId", "queryId is required");
        }
        String rowKey = ack.rowKey() == null ? "" : ack.rowKey();
        Map<String, Object> p = params("ConnectionId", ack.connectionId(), "QueryId", ack.queryId(), "UserName", user(who));
        p.put("RowKey", rowKey);                                   // '' is the (connection, query) alert itself, not an absent key
        if (store.write("api-acknowledge-alert", p) == 0) {
            throw new ApiException(HttpStatus.NOT_FOUND, null, "no alert that is not Ok for connection " + ack.connectionId() + ", query "
                    + ack.queryId() + (rowKey.isEmpty() ? "" : ", key '" + rowKey + "'"));
        }
        return Map.of("acknowledgedBy", user(who));
    }

    @GetMapping("/keys")
    @Operation(summary = "The key ring's key ids and the active one; never key material")
    public Map<String, Object> keys() {
        KeyRing ring = keys.get();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("configured", ring != null);
        out.put("active", ring == null ? null : ring.activeId());
        out.put("keyIds", ring == null ? List.of() : List.copyOf(ring.ids()));
        return out;
    }
}

package dev.monitoringworker.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.monitoringworker.web.api.StoreApi.params;
import static dev.monitoringworker.web.api.StoreApi.user;

/** The job queue: list by status, enqueue ad hoc work, cancel what has not started. */
@RestController
@RequestMapping("/api/v1/jobs")
@Tag(name = "Jobs", description = "Read: viewer. Enqueue and cancel: operator.")
public class JobsApi {

    static final String[] COLUMNS = {"JobId", "JobType", "JobName", "Priority", "Status", "ConnectionId", "QueryId", "Environment",
            "WorkerInstanceId", "ScheduledAt", "StartedAt", "CompletedAt", "Attempt", "MaxAttempts", "NextAttemptAt", "LastError", "DurationMs",
            "CreatedAt", "CreatedBy", "ModifiedAt", "ModifiedBy"};
    private static final Set<String> STATUSES = Set.of("Pending", "Running", "Succeeded", "Failed", "Cancelled");

    /** Ad hoc work: a connection and/or a query (absent: all that apply), priority 1 (most urgent) to 10. */
    public record JobInput(UUID connectionId, UUID queryId, Integer priority, String environment, String jobName, Integer maxAttempts) {
    }

    private final StoreApi store;
    private final ConnectionsApi connections;
    private final QueriesApi queries;

    public JobsApi(StoreApi store, ConnectionsApi connections, QueriesApi queries) {
        this.store = store;
        this.connections = connections;
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Jobs, newest first, optionally of one status (Pending, Running, Succeeded, Failed, Cancelled)")
    public List<Map<String, Object>> list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "100") int limit) {
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.invalid("status", "status '" + status + "' is not one of " + STATUSES);
        }
        return store.read("api-jobs", params("Status", status, "JobId", null, "Limit", Math.max(1, Math.min(limit, 1000))), COLUMNS);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One job (404 when there is none)")
    public Map<String, Object> one(@PathVariable UUID id) {
        return store.read("api-jobs", params("Status", null, "JobId", id, "Limit", 1), COLUMNS).stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("job " + id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Enqueues an ad hoc job, due now")
    public Map<String, Object> enqueue(@RequestBody JobInput in, Authentication who) {
        if (in.connectionId() != null) {
            known("connectionId", () -> connections.one(in.connectionId()));
        }
        if (in.queryId() != null) {
            known("queryId", () -> queries.one(in.queryId()));
        }
        int priority = in.priority() == null ? 3 : in.priority();
        if (priority < 1 || priority > 10) {
            throw ApiException.invalid("priority", "priority must be 1 (most urgent) to 10, not " + priority);
        }
        UUID id = UUID.randomUUID();
        store.write("api-enqueue-job", params("JobId", id, "JobName", in.jobName() == null ? "ad hoc by " + user(who) : in.jobName(),
                "Priority", priority, "ConnectionId", in.connectionId(), "QueryId", in.queryId(),
                "Environment", ConnectionsApi.limited("environment", in.environment(), 50),
                "MaxAttempts", ConnectionsApi.positive("maxAttempts", in.maxAttempts(), 3), "UserName", user(who)));
        return Map.of("jobId", id, "status", "Pending", "priority", priority);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancels a job that has not started (404 when there is none, 409 when it runs or ended)")
    public Map<String, Object> cancel(@PathVariable UUID id, Authentication who) {
        if (store.write("api-cancel-job", params("JobId", id, "UserName", user(who))) == 0) {
            Object status = one(id).get("status");
            throw new ApiException(HttpStatus.CONFLICT, null, "job " + id + " is " + status + ", not Pending");
        }
        return Map.of("jobId", id, "status", "Cancelled");
    }

    private static void known(String field, Runnable lookup) {
        try {
            lookup.run();
        } catch (ApiException notFound) {
            throw ApiException.invalid(field, notFound.getMessage());
        }
    }
}

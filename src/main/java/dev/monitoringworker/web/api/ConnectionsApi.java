package dev.monitoringworker.web.api;

import dev.monitoringworker.security.WorkerSecurityProperties;
import dev.monitoringworker.store.StoreProperties;
import dev.monitoringworker.execution.TargetsProperties;
import dev.monitoringworker.security.CipherException;
import dev.monitoringworker.security.ConnectionStringCipher;
import dev.monitoringworker.security.Secrets;
import dev.monitoringworker.execution.ConnectionStrings;
import dev.monitoringworker.execution.H2Targets;
import dev.monitoringworker.execution.Provider;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.monitoringworker.web.api.StoreApi.params;
import static dev.monitoringworker.web.api.StoreApi.user;

/** Monitored connections. A connection string is encrypted on write and never returned. */
@RestController
@RequestMapping("/api/v1/connections")
@Tag(name = "Connections", description = "Read: viewer. Create, change, enable, disable: admin.")
public class ConnectionsApi {

    static final String[] COLUMNS = {"ConnectionId", "ConnectionName", "Provider", "Environment", "IsEnabled", "ConnectionTimeoutSeconds",
            "CommandTimeoutSeconds", "MaxConcurrency", "Tags", "Description", "ConnectionStringEncrypted", "CreatedAt", "CreatedBy", "ModifiedAt",
            "ModifiedBy"};

    /** A connection as written: every field but connectionString keeps its default when absent; on change, an absent
     * connectionString keeps the stored one. */
    public record ConnectionInput(String connectionName, String provider, String connectionString, String environment, Boolean isEnabled,
                                  Integer connectionTimeoutSeconds, Integer commandTimeoutSeconds, Integer maxConcurrency, String tags,
                                  String description) {
    }

    private final StoreApi store;
    private final ConnectionStringCipher cipher;
    private final boolean plaintextAllowed;
    private final boolean h2Enabled;

    public ConnectionsApi(StoreApi store, ConnectionStringCipher cipher, WorkerSecurityProperties security, TargetsProperties targets,
                          StoreProperties storeProperties) {
        this.store = store;
        this.cipher = cipher;
        this.plaintextAllowed = security.allowPlaintext();
        this.h2Enabled = H2Targets.enabled(targets, storeProperties);
    }

    @GetMapping
    @Operation(summary = "All connections, without connection strings")
    public List<Map<String, Object>> list() {
        return store.read("api-connections", params("ConnectionId", null), COLUMNS);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One connection, without its connection string")
    public Map<String, Object> one(@PathVariable UUID id) {
        return store.read("api-connections", params("ConnectionId", id), COLUMNS).stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("connection " + id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Creates a connection; its connection string is encrypted for its new ConnectionId")
    public Map<String, Object> create(@RequestBody ConnectionInput in, Authentication who) {
        UUID id = UUID.randomUUID();
        if (in.connectionString() == null || in.connectionString().isBlank()) {
            throw ApiException.invalid("connectionString", "connectionString is required");
        }
        store.write("api-insert-connection", row(id, in, user(who)));
        return one(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Changes a connection; an absent connectionString keeps the stored one")
    public Map<String, Object> change(@PathVariable UUID id, @RequestBody ConnectionInput in, Authentication who) {
        one(id);
        store.write("api-update-connection", row(id, in, user(who)));
        return one(id);
    }

    @PostMapping("/{id}/disable")
    @Operation(summary = "Stops scheduling and running the connection's queries")
    public Map<String, Object> disable(@PathVariable UUID id, Authentication who) {
        return enabled(id, false, who);
    }

    @PostMapping("/{id}/enable")
    @Operation(summary = "Schedules and runs the connection's queries again")
    public Map<String, Object> enable(@PathVariable UUID id, Authentication who) {
        return enabled(id, true, who);
    }

    private Map<String, Object> enabled(UUID id, boolean enabled, Authentication who) {
        if (store.write("api-set-connection-enabled", params("ConnectionId", id, "IsEnabled", enabled, "UserName", user(who))) == 0) {
            throw ApiException.notFound("connection " + id);
        }
        return one(id);
    }

    private Map<String, Object> row(UUID id, ConnectionInput in, String user) {
        String name = required("connectionName", in.connectionName(), 200);
        Provider provider;
        try {
            provider = Provider.parse(required("provider", in.provider(), 50));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("provider", e.getMessage());
        }
        String stored = null;
        if (in.connectionString() != null && !in.connectionString().isBlank()) {
            try {
                ConnectionStrings.secretsIn(in.connectionString()).forEach(Secrets::register);
                ConnectionStrings.translate(provider, in.connectionString(), h2Enabled);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("connectionString", "connectionString cannot be used for " + provider.name() + ": "
                        + Secrets.redact(e.getMessage()));
            }
            stored = encrypted(id, in.connectionString());
        }
        return params("ConnectionId", id, "ConnectionName", name, "Provider", provider.name(), "ConnectionString", stored,
                "Environment", limited("environment", in.environment(), 50), "IsEnabled", in.isEnabled() == null || in.isEnabled(),
                "ConnectionTimeoutSeconds", positive("connectionTimeoutSeconds", in.connectionTimeoutSeconds(), 15),
                "CommandTimeoutSeconds", positive("commandTimeoutSeconds", in.commandTimeoutSeconds(), 30),
                "MaxConcurrency", positive("maxConcurrency", in.maxConcurrency(), 2), "Tags", limited("tags", in.tags(), 500),
                "Description", limited("description", in.description(), 1000), "UserName", user);
    }

    private String encrypted(UUID id, String plaintext) {
        try {
            return cipher.encrypt(id, plaintext);
        } catch (CipherException | IllegalStateException noKey) {
            if (plaintextAllowed) {
                return plaintext;
            }
            throw new ApiException(HttpStatus.CONFLICT, "connectionString",
                    "no active encryption key (monitoring.security.key-ring): connection strings are stored encrypted only");
        }
    }

    static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(field, field + " is required");
        }
        return limited(field, value, max);
    }

    static String limited(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw ApiException.invalid(field, field + " is longer than " + max + " characters");
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    static int positive(String field, Integer value, int absent) {
        if (value == null) {
            return absent;
        }
        if (value < 1) {
            throw ApiException.invalid(field, field + " must be at least 1, not " + value);
        }
        return value;
    }
}

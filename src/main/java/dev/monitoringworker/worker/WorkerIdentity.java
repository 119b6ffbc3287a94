package dev.monitoringworker.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * This process as a row of WorkerInstances. The Configuration column holds only settings that help an
 * operator compare replicas; never a URL with credentials or a password.
 */
public class WorkerIdentity {

    private final UUID id = UUID.randomUUID();
    private final String name;
    private final String machine;
    private final String version;
    private final String environment;
    private final Map<String, Object> configuration;
    private final ObjectMapper json;
    private volatile boolean registered;

    public WorkerIdentity(String name, String version, String environment, Map<String, Object> configuration, ObjectMapper json) {
        this.machine = machineName();
        this.name = name == null || name.isBlank() ? "MonitoringWorker-" + machine : name;
        this.version = version;
        this.environment = environment;
        this.configuration = configuration;
        this.json = json;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** Called once this worker's row is in the store: heartbeats and claims may begin. */
    public void markRegistered() {
        registered = true;
    }

    public boolean registered() {
        return registered;
    }

    public boolean unregistered() {
        return !registered;
    }

    /** Parameters of register-worker.sql. */
    public Map<String, Object> registration() throws JsonProcessingException {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("WorkerInstanceId", id);
        p.put("WorkerName", name);
        p.put("MachineName", machine);
        p.put("ProcessId", (int) ProcessHandle.current().pid());
        p.put("Version", version);
        p.put("Environment", environment);
        p.put("Configuration", json.writeValueAsString(configuration));
        return p;
    }

    /** Parameters of statements that concern this worker only. */
    public Map<String, Object> self(int leaseSeconds) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("WorkerInstanceId", id);
        p.put("LeaseSeconds", leaseSeconds);
        return p;
    }

    /** Parameters of claim-jobs.sql. */
    public Map<String, Object> claim(int batchSize, int leaseSeconds) {
        Map<String, Object> p = self(leaseSeconds);
        p.put("BatchSize", batchSize);
        return p;
    }

    private static String machineName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}

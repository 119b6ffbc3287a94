package dev.monitoringworker.support;

import dev.monitoringworker.MonitoringWorkerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Starts the whole application, routes from ./routes, on a given store, with fast timers for tests. */
public final class WorkerApp {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private WorkerApp() {
    }

    public static ConfigurableApplicationContext start(String storeUrl, String user, String password, Map<String, Object> overrides,
                                                       Class<?>... extraConfiguration) {
        Map<String, Object> p = new HashMap<>();
        p.put("spring.datasource.url", storeUrl);
        p.put("spring.datasource.username", user);
        p.put("spring.datasource.password", password);
        p.put("server.port", 0);
        p.put("management.server.port", 0);
        p.put("spring.h2.console.enabled", false);
        // one Camel context name per worker: camel-quartz and JMX key their schedulers and MBeans by it
        p.put("camel.main.name", "worker-" + SEQUENCE.incrementAndGet());
        p.put("monitoring.worker.name", "test-worker-" + SEQUENCE.get());
        p.put("monitoring.worker.environment", "it");
        p.put("monitoring.demo.enabled", false);
        // without configured users the worker makes an admin whose password it writes here
        p.put("monitoring.api.initial-password-file", "target/initial-admin-password-" + ProcessHandle.current().pid() + "-" + SEQUENCE.get());
        p.put("monitoring.poll.interval-ms", 200);
        p.put("monitoring.schedule.interval-ms", 1000);
        p.put("monitoring.heartbeat.interval-ms", 500);
        p.put("monitoring.reaper.interval-ms", 500);
        p.put("monitoring.reaper.dead-after-seconds", 3);
        p.put("monitoring.jobs.lease-seconds", 3);
        p.put("monitoring.jobs.retry-base-seconds", 1);
        p.put("monitoring.jobs.retry-max-seconds", 1);
        p.putAll(overrides);
        // command-line arguments outrank ./config/application.yaml, as an operator's would
        String[] args = p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(MonitoringWorkerApplication.class).sources(extraConfiguration).run(args);
    }
}

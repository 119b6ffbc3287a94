package dev.monitoringworker.routes;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every route file: route ids unique across files, every route with an id, a group and a description. */
class RouteFilesTest {

    @Test
    @SuppressWarnings("unchecked")
    void routeIdsAreUniqueAndEveryRouteIsNamedAndGrouped() throws IOException {
        List<String> ids = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("routes"))) {
            files = s.filter(p -> p.toString().endsWith(".camel.yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(4);
        for (Path file : files) {
            try (Reader r = Files.newBufferedReader(file)) {
                for (Object item : (List<Object>) new Yaml().load(r)) {
                    Map<String, Object> entry = (Map<String, Object>) item;
                    if (entry.get("route") instanceof Map<?, ?> route) {
                        String id = (String) route.get("id");
                        if (id == null || route.get("group") == null || route.get("description") == null) {
                            problems.add(file + ": route " + id + " lacks id, group or description");
                        }
                        ids.add(id);
                    } else if (entry.get("templatedRoute") instanceof Map<?, ?> templated) {
                        ids.add((String) templated.get("routeId"));
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        Set<String> seen = new HashSet<>();
        assertThat(ids.stream().filter(id -> !seen.add(id)).toList()).as("duplicate route ids").isEmpty();
        assertThat(ids).contains("register-worker", "heartbeat-worker", "stop-worker", "schedule-due-jobs", "poll-worker-jobs",
                "take-queued-job", "take-up-own-jobs", "plan-jobs", "record-worker-metrics", "purge-old-rows", "drain-worker", "release-jobs", "run-job", "execute-work", "run-on-provider", "record-outcome", "persist-results", "fail-job", "evaluate-alerts",
                "reap-expired-leases",
                "run-sqlserver", "run-postgresql", "run-mysql", "run-oracle", "run-h2");
    }
}

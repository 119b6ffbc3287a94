package dev.monitoringworker.routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
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

/**
 * Every route file: valid against Camel's YAML DSL schema (the one in camel-yaml-dsl, which Kaoto and IDEs use);
 * route ids unique across files, every route with an id, a group and a description.
 */
class RouteFilesTest {

    @Test
    void everyRouteFileIsValidAgainstCamelsYamlDslSchema() throws IOException {
        JsonSchema schema;
        try (InputStream in = RouteFilesTest.class.getClassLoader().getResourceAsStream("schema/camelYamlDsl.json")) {
            assertThat(in).as("camel-yaml-dsl's schema on the classpath").isNotNull();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<String> problems = new ArrayList<>();
        for (Path file : routeFiles()) {
            for (ValidationMessage m : schema.validate(yaml.readTree(file.toFile()))) {
                problems.add(file.getFileName() + ": " + m.getMessage());
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Endpoint options become URI text: numbers are written as strings, as a URI and Kaoto write them. */
    @Test
    void endpointOptionsAreNeverYamlNumbers() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<String> numbers = new ArrayList<>();
        for (Path file : routeFiles()) {
            yaml.readTree(file.toFile()).findValues("parameters").forEach(parameters -> parameters.fields().forEachRemaining(option -> {
                if (option.getValue().isNumber()) {
                    numbers.add(file.getFileName() + ": " + option.getKey() + ": " + option.getValue());
                }
            }));
        }
        assertThat(numbers).isEmpty();
    }

    private static List<Path> routeFiles() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("routes"))) {
            return s.filter(p -> p.toString().endsWith(".camel.yaml")).sorted().toList();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void routeIdsAreUniqueAndEveryRouteIsNamedAndGrouped() throws IOException {
        List<String> ids = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Path> files = routeFiles();
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
                "claim-batch", "take-up-own-jobs", "run-batch", "plan-batch", "read-catalog", "record-batch", "write-batch",
                "write-batch-transaction", "fail-unwritten-jobs", "record-worker-metrics", "purge-old-rows", "drain-worker", "release-jobs",
                "execute-work", "run-in-process", "evaluate-alerts", "write-alert-changes", "write-stale-alerts",
                "reap-expired-leases",
                "run-sqlserver", "run-postgresql", "run-mysql", "run-oracle", "run-h2");
    }
}

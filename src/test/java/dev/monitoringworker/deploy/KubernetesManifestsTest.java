package dev.monitoringworker.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes files as written (KustomizeRenderTest checks them as rendered): every file they name exists,
 * every route file is in the routes ConfigMap, the pod is probed on the management port, runs non-root on a
 * read-only root, outlives its drain, and production runs three spread replicas. The image's build context holds
 * what its Dockerfile copies and nothing of {@code data/}. The Grafana dashboard shows the product's meters.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("k8s");

    @Test
    void kustomizationsNameFilesThatExistAndShipEveryRouteFile() throws IOException {
        for (Path kustomization : List.of(K8S.resolve("base/kustomization.yaml"), K8S.resolve("overlays/dev/kustomization.yaml"),
                K8S.resolve("overlays/prod/kustomization.yaml"), Path.of("routes/kustomization.yaml"), Path.of("config/kustomization.yaml"))) {
            Map<String, Object> k = one(kustomization);
            Path dir = kustomization.getParent();
            for (String resource : list(k.get("resources"))) {
                assertThat(dir.resolve(resource)).as(kustomization + " names " + resource).exists();
            }
            for (Map<String, Object> patch : maps(k.get("patches"))) {
                assertThat(dir.resolve((String) patch.get("path"))).exists();
            }
            for (Map<String, Object> generator : maps(k.get("configMapGenerator"))) {
                for (String file : list(generator.get("files"))) {
                    assertThat(dir.resolve(file)).as(kustomization + " packs " + file).exists();
                }
            }
        }
        Map<String, Object> routesKustomization = one(Path.of("routes/kustomization.yaml"));
        List<String> packed = maps(routesKustomization.get("configMapGenerator")).stream()
                .filter(g -> g.get("name").equals("monitoring-worker-routes"))
                .flatMap(g -> list(g.get("files")).stream()).map(f -> Path.of(f).getFileName().toString()).toList();
        try (Stream<Path> routes = Files.list(Path.of("routes"))) {
            assertThat(packed).containsExactlyInAnyOrderElementsOf(routes.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".camel.yaml")).toList());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWorkerPodIsProbedOnTheManagementPortRunsLockedDownAndOutlivesItsDrain() throws IOException {
        Map<String, Object> spec = (Map<String, Object>) ((Map<String, Object>) one(K8S.resolve("base/deployment.yaml")).get("spec")).get("template");
        Map<String, Object> pod = (Map<String, Object>) spec.get("spec");
        Map<String, Object> container = maps(pod.get("containers")).get(0);
        assertThat(path(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
        assertThat(path(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
        assertThat(path(container, "readinessProbe", "httpGet", "port")).isEqualTo("management");
        assertThat(maps(container.get("ports"))).anySatisfy(p -> assertThat(p).containsEntry("name", "management").containsEntry("containerPort", 8081));
        assertThat(path(container, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(path(container, "securityContext", "allowPrivilegeEscalation")).isEqualTo(false);
        assertThat(path(pod, "securityContext", "runAsNonRoot")).isEqualTo(true);
        assertThat(path(container, "resources", "limits", "memory")).isNotNull();

        Map<String, String> env = new java.util.HashMap<>();
        maps(container.get("env")).forEach(e -> env.put((String) e.get("name"), String.valueOf(e.get("value"))));
        assertThat(env).containsEntry("MONITORING_ROUTES_RELOAD", "false");
        assertThat(env.get("SPRING_PROFILES_ACTIVE")).as("a store profile, which refuses plaintext connection strings").isIn("postgresql", "sqlserver");
        assertThat(one(Path.of("config/application-" + env.get("SPRING_PROFILES_ACTIVE") + ".yaml")).toString()).contains("allow-plaintext=false");

        Map<String, Object> config = one(Path.of("config/application.yaml"));
        int drainSeconds = (Integer) path(config, "monitoring", "worker", "drain-seconds");
        assertThat((Integer) pod.get("terminationGracePeriodSeconds")).isGreaterThan(drainSeconds + 15);
    }

    @Test
    void productionRunsThreeReplicasSpreadOverNodes() throws IOException {
        Map<String, Object> prod = one(K8S.resolve("overlays/prod/kustomization.yaml"));
        assertThat(maps(prod.get("replicas")).get(0)).containsEntry("count", 3);
        assertThat(Files.readString(K8S.resolve("overlays/prod/spread.yaml"))).contains("podAntiAffinity", "kubernetes.io/hostname");
        assertThat(one(K8S.resolve("overlays/prod/poddisruptionbudget.yaml")).toString()).contains("minAvailable=2");
    }

    @Test
    void theImageBuildContextHoldsWhatTheDockerfileCopiesAndNoStore() throws IOException {
        // .dockerignore as Docker reads it here: exclude everything, then let the listed patterns back in
        List<String> lines = Files.readAllLines(Path.of(".dockerignore")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(lines.get(0)).isEqualTo("*");
        List<java.nio.file.PathMatcher> allowed = lines.stream().skip(1)
                .peek(l -> assertThat(l).as("after '*' only exceptions").startsWith("!"))
                .map(l -> java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + l.substring(1))).toList();
        java.util.function.Predicate<String> inContext = f -> allowed.stream().anyMatch(m -> m.matches(Path.of(f)));

        List<String> copied = new ArrayList<>();
        for (String line : Files.readAllLines(K8S.resolve("Dockerfile"))) {
            if (line.startsWith("COPY ") && !line.contains("--from")) {
                copied.add(line.split("\\s+")[1]);
            }
        }
        assertThat(copied).containsExactlyInAnyOrder("target/monitoring-worker-*.jar", "routes/", "config/");
        assertThat(inContext).accepts("target/monitoring-worker-0.1.0.jar", "routes/jobs.camel.yaml", "config/application.yaml")
                .rejects("data/initial-admin-password", "data/monitoring.mv.db", "target/classes/application.yaml", ".git/config",
                        "routes/kustomization.yaml");
        try (Stream<Path> routes = Files.list(Path.of("routes"))) {
            routes.map(p -> "routes/" + p.getFileName()).filter(n -> n.endsWith(".camel.yaml")).forEach(n -> assertThat(inContext).accepts(n));
        }
    }

    @Test
    void theDashboardChartsEveryMeterOfTheProduct() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(K8S.resolve("grafana/monitoring-worker-dashboard.json").toFile());
        List<String> expressions = new ArrayList<>();
        dashboard.get("panels").forEach(p -> p.get("targets").forEach(t -> expressions.add(t.get("expr").asText())));
        for (String meter : List.of("monitoring_results_total", "monitoring_jobs_claimed_total", "monitoring_jobs_completed_total",
                "monitoring_query_duration_seconds_bucket", "monitoring_queue_pending", "monitoring_lease_expired_total",
                "monitoring_claim_duration_seconds_bucket", "monitoring_target_circuit_state")) {
            assertThat(expressions).as(meter).anyMatch(e -> e.contains(meter));
        }
    }

    private static Map<String, Object> one(Path file) throws IOException {
        Object doc = new Yaml().load(Files.readString(file));
        assertThat(doc).as(file.toString()).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) doc;
        return map;
    }

    @SuppressWarnings("unchecked")
    private static Object path(Map<String, Object> map, String... keys) {
        Object at = map;
        for (String key : keys) {
            at = at == null ? null : ((Map<String, Object>) at).get(key);
        }
        return at;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object o) {
        return o == null ? List.of() : (List<String>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object o) {
        return o == null ? List.of() : (List<Map<String, Object>>) o;
    }
}

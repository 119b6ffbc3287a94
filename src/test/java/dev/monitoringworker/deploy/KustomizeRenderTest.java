package dev.monitoringworker.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Both overlays as {@code kubectl apply -k} renders them, with the kustomize that kubectl carries (or a standalone
 * {@code kustomize}): they render without extra flags, the disruption budget and the Services select the
 * Deployment's pods, every Secret key the pod reads is in {@code secret.example.yaml}, every ConfigMap it mounts is
 * generated, and the routes ConfigMap carries every route file.
 */
class KustomizeRenderTest {

    private static List<String> kustomize;

    @BeforeAll
    static void findKustomize() {
        kustomize = onPath("kustomize") ? List.of("kustomize", "build") : onPath("kubectl") ? List.of("kubectl", "kustomize") : null;
        assumeTrue(kustomize != null, "neither kubectl nor kustomize on the PATH");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theDisruptionBudgetAndTheServicesSelectTheWorkerPods(String overlay) throws Exception {
        List<Map<String, Object>> docs = render(overlay);
        Map<String, Object> deployment = one(docs, "Deployment");
        Map<String, Object> podLabels = map(at(deployment, "spec", "template", "metadata", "labels"));
        assertThat(map(at(deployment, "spec", "selector", "matchLabels"))).isNotEmpty();
        assertThat(podLabels).containsAllEntriesOf(map(at(deployment, "spec", "selector", "matchLabels")));

        Map<String, Object> budget = one(docs, "PodDisruptionBudget");
        Map<String, Object> budgetSelector = map(at(budget, "spec", "selector", "matchLabels"));
        assertThat(budgetSelector).as("policy/v1: a budget without a selector protects no pod").isNotEmpty();
        assertThat(podLabels).containsAllEntriesOf(budgetSelector);
        if (overlay.equals("prod")) {
            assertThat(at(deployment, "spec", "replicas")).isEqualTo(3);
            assertThat(map(budget.get("spec"))).containsEntry("minAvailable", 2).doesNotContainKey("maxUnavailable");
        } else {
            assertThat(map(budget.get("spec"))).containsEntry("maxUnavailable", 1);
        }

        Set<String> containerPorts = new HashSet<>();
        maps(at(deployment, "spec", "template", "spec", "containers")).forEach(c -> maps(c.get("ports")).forEach(p -> containerPorts.add((String) p.get("name"))));
        List<Map<String, Object>> services = all(docs, "Service");
        assertThat(services).extracting(s -> at(s, "metadata", "name")).containsExactlyInAnyOrder("monitoring-worker", "monitoring-worker-metrics");
        for (Map<String, Object> service : services) {
            Map<String, Object> selector = map(at(service, "spec", "selector"));
            assertThat(selector).as("selector of " + at(service, "metadata", "name")).isNotEmpty();
            assertThat(podLabels).containsAllEntriesOf(selector);
            maps(at(service, "spec", "ports")).forEach(p -> assertThat(containerPorts).contains((String) p.get("targetPort")));
        }
        String namespace = overlay.equals("prod") ? "monitoring" : "monitoring-dev";
        assertThat(docs).allSatisfy(d -> assertThat(at(d, "metadata", "namespace")).isEqualTo(namespace));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everySecretKeyAndConfigMapThePodReadsExists(String overlay) throws Exception {
        List<Map<String, Object>> docs = render(overlay);
        Map<String, Set<String>> exampleSecrets = new HashMap<>();
        for (Object doc : new Yaml().loadAll(Files.readString(Path.of("k8s/base/secret.example.yaml")))) {
            Map<String, Object> secret = map(doc);
            exampleSecrets.put((String) at(secret, "metadata", "name"), map(secret.get("stringData")).keySet());
        }
        Map<String, Object> podSpec = map(at(one(docs, "Deployment"), "spec", "template", "spec"));
        List<String> references = new ArrayList<>();
        for (Map<String, Object> container : maps(podSpec.get("containers"))) {
            for (Map<String, Object> env : maps(container.get("env"))) {
                Map<String, Object> ref = map(at(env, "valueFrom", "secretKeyRef"));
                if (!ref.isEmpty()) {
                    references.add(ref.get("name") + "/" + ref.get("key"));
                    assertThat(exampleSecrets.get((String) ref.get("name"))).as(env.get("name") + " reads " + ref).contains((String) ref.get("key"));
                }
            }
        }
        assertThat(references).contains("monitoring-worker-notify/alertmanager-authorization", "monitoring-worker-store/password");

        Set<String> configMaps = new HashSet<>();
        all(docs, "ConfigMap").forEach(c -> configMaps.add((String) at(c, "metadata", "name")));
        for (Map<String, Object> volume : maps(podSpec.get("volumes"))) {
            if (volume.containsKey("secret")) {
                assertThat(exampleSecrets).as("volume " + volume.get("name")).containsKey((String) at(volume, "secret", "secretName"));
            }
            if (volume.containsKey("configMap")) {
                assertThat(configMaps).as("volume " + volume.get("name")).contains((String) at(volume, "configMap", "name"));
            }
        }

        Map<String, Object> routes = all(docs, "ConfigMap").stream()
                .filter(c -> ((String) at(c, "metadata", "name")).startsWith("monitoring-worker-routes-")).findFirst().orElseThrow();
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            assertThat(map(routes.get("data")).keySet()).containsExactlyInAnyOrderElementsOf(
                    files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".camel.yaml")).toList());
        }
    }

    private static List<Map<String, Object>> render(String overlay) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(kustomize);
        command.add("k8s/overlays/" + overlay);
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + err).isZero();
        List<Map<String, Object>> docs = new ArrayList<>();
        new Yaml().loadAll(new String(out, StandardCharsets.UTF_8)).forEach(d -> docs.add(map(d)));
        return docs;
    }

    private static boolean onPath(String binary) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, binary)));
    }

    private static Map<String, Object> one(List<Map<String, Object>> docs, String kind) {
        List<Map<String, Object>> found = all(docs, kind);
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    private static List<Map<String, Object>> all(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    private static Object at(Map<String, Object> map, String... keys) {
        Object at = map;
        for (String key : keys) {
            at = at instanceof Map<?, ?> m ? m.get(key) : null;
        }
        return at;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> ? (Map<String, Object>) o : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object o) {
        return o == null ? List.of() : (List<Map<String, Object>>) o;
    }
}

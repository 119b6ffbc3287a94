package dev.monitoringworker;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feature packages depend on each other one way only: no package reaches, through its imports, back to itself.
 * The application class and the command line ({@code cli}) put the features together and are left out.
 */
class PackageDependenciesTest {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^package dev\\.monitoringworker\\.(\\w+)");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?dev\\.monitoringworker\\.(\\w+)\\.");

    @Test
    void featurePackagesFormNoCycle() throws IOException {
        Map<String, Set<String>> uses = graph();
        assertThat(uses).containsKeys("job", "execution", "store", "alert", "notify", "worker", "web");
        List<String> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            findCycle(uses, start, start, new ArrayList<>(List.of(start)), cycles);
        }
        assertThat(cycles).as("package import cycles").isEmpty();
    }

    @Test
    void jobsPlanWorkThatExecutionRunsWithoutKnowingJobs() throws IOException {
        Map<String, Set<String>> uses = graph();
        assertThat(uses.get("job")).contains("execution");
        assertThat(uses.get("execution")).doesNotContain("job", "alert", "notify", "worker", "web");
        assertThat(uses.get("store")).isEmpty();
    }

    private static void findCycle(Map<String, Set<String>> uses, String start, String at, List<String> path, List<String> cycles) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                cycles.add(String.join(" -> ", path) + " -> " + start);
            } else if (!path.contains(next) && next.compareTo(start) > 0) {
                path.add(next);
                findCycle(uses, start, next, path, cycles);
                path.remove(path.size() - 1);
            }
        }
    }

    private static Map<String, Set<String>> graph() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/monitoringworker"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher pkg = PACKAGE.matcher(text);
                if (!pkg.find() || pkg.group(1).equals("cli")) {
                    continue;
                }
                Set<String> used = uses.computeIfAbsent(pkg.group(1), k -> new TreeSet<>());
                Matcher imports = IMPORT.matcher(text);
                while (imports.find()) {
                    if (!imports.group(1).equals(pkg.group(1)) && !imports.group(1).equals("cli")) {
                        used.add(imports.group(1));
                    }
                }
            }
        }
        return uses;
    }
}

package dev.monitoringworker.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code monitoring.*} properties as the jar describes them (META-INF/spring-configuration-metadata.json, written
 * by Spring Boot's configuration processor from the properties records): every key that config/application.yaml and
 * the route files use is one of them, the shipped values are their defaults, and the table in docs/configuration.md is the one
 * generated from them. {@code -Dconfiguration.table.update=true} writes the generated table into docs/configuration.md.
 */
class ConfigurationMetadataTest {

    static final String TABLE_START = "<!-- monitoring properties: generated from the configuration metadata by ConfigurationMetadataTest -->";
    static final String TABLE_END = "<!-- end of monitoring properties -->";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(monitoring\\.[a-z0-9.-]+)(?::[^}]*)?}}");

    private static final Map<String, JsonNode> properties = new TreeMap<>();

    @BeforeAll
    static void readMetadata() throws IOException {
        try (InputStream in = ConfigurationMetadataTest.class.getClassLoader().getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the configuration processor's metadata").isNotNull();
            new ObjectMapper().readTree(in).get("properties").forEach(p -> {
                if (p.get("name").asText().startsWith("monitoring.")) {
                    properties.put(p.get("name").asText(), p);
                }
            });
        }
    }

    @Test
    void everyPropertyIsDescribed() {
        assertThat(properties).hasSizeGreaterThan(50);
        assertThat(properties.values()).allSatisfy(p -> assertThat(p.path("description").asText()).as(p.get("name").asText()).isNotBlank());
    }

    @Test
    void theShippedConfigurationUsesOnlyKnownPropertiesAtTheirDefaults() throws IOException {
        Map<String, Object> shipped = new LinkedHashMap<>();
        flatten("", new Yaml().load(Files.readString(Path.of("config/application.yaml"))), shipped);
        Map<String, Object> monitoring = new TreeMap<>();
        shipped.forEach((k, v) -> {
            if (k.startsWith("monitoring.")) {
                monitoring.put(k, v);
            }
        });
        assertThat(monitoring).hasSizeGreaterThan(40);
        assertThat(properties.keySet()).containsAll(monitoring.keySet());
        List<String> differing = new ArrayList<>();
        monitoring.forEach((key, value) -> {
            String shippedValue = value instanceof List<?> list && list.isEmpty() ? null : String.valueOf(value);
            if (shippedValue != null && shippedValue.contains("${")) {
                return; // from the environment
            }
            JsonNode fallback = properties.get(key).get("defaultValue");
            String defaultValue = fallback == null || fallback.isNull() ? null : fallback.isArray() ? String.join(",", texts(fallback)) : fallback.asText();
            if (!java.util.Objects.equals(shippedValue, defaultValue)) {
                differing.add(key + ": shipped " + shippedValue + ", default " + defaultValue);
            }
        });
        assertThat(differing).as("config/application.yaml states the defaults; a different value belongs in a profile").isEmpty();
    }

    @Test
    void everyPropertyTheRoutesReadIsKnown() throws IOException {
        List<String> unknown = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".camel.yaml")).toList()) {
                Matcher m = PLACEHOLDER.matcher(Files.readString(file));
                while (m.find()) {
                    if (!properties.containsKey(m.group(1))) {
                        unknown.add(file.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void theConfigurationTableIsTheOneGeneratedFromTheMetadata() throws IOException {
        Path readme = Path.of("docs/configuration.md");
        String text = Files.readString(readme);
        int start = text.indexOf(TABLE_START);
        int end = text.indexOf(TABLE_END);
        assertThat(start).as("docs/configuration.md marker").isNotNegative();
        assertThat(end).as("docs/configuration.md marker").isGreaterThan(start);
        String generated = table();
        String current = text.substring(start + TABLE_START.length(), end);
        if (!current.equals(generated) && Boolean.getBoolean("configuration.table.update")) {
            Files.writeString(readme, text.substring(0, start + TABLE_START.length()) + generated + text.substring(end));
            current = generated;
        }
        assertThat(current).as("run the test with -Dconfiguration.table.update=true to write the generated table").isEqualTo(generated);
    }

    static String table() {
        StringBuilder table = new StringBuilder("\n| property | default | meaning |\n|---|---|---|\n");
        properties.values().forEach(p -> {
            JsonNode fallback = p.get("defaultValue");
            String shown = fallback == null || fallback.isNull() ? "—"
                    : fallback.isArray() ? "`" + String.join(",", texts(fallback)) + "`"
                    : fallback.asText().isEmpty() ? "(empty)" : "`" + fallback.asText() + "`";
            table.append("| `").append(p.get("name").asText()).append("` | ").append(shown).append(" | ")
                    .append(p.get("description").asText().replace("|", "\\|").replace("\n", " ")).append(" |\n");
        });
        return table.toString();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object node, Map<String, Object> out) {
        if (node instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((k, v) -> flatten(prefix.isEmpty() ? k : prefix + "." + k, v, out));
        } else {
            out.put(prefix, node);
        }
    }
}

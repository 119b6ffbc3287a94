package dev.monitoringworker.checks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.monitoringworker.execution.SqlVariant;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A pack of ready-made checks for one engine ({@code checks/<pack>.yaml} in the jar): each a monitoring query with its
 * thresholds, interval and what a breach means, installed into DatabaseQueries by {@link CheckInstaller}.
 */
public record CheckPack(String pack, String provider, String versions, List<Check> checks) {

    /** The packs the jar carries. */
    public static final List<String> NAMES = List.of("sqlserver", "postgresql", "mysql", "oracle");

    private static final YAMLMapper YAML = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /**
     * One check: a DatabaseQueries row to be. {@code variants} carry the SQL for server versions whose catalog
     * differs; {@code keyColumn}/{@code valueColumn} give one alert per key; {@code valueKind} Counter judges a rate.
     */
    public record Check(String name, String queryType, String resultType, String sql, List<SqlVariant> variants, Double warning,
                        Double critical, String operator, Double warningRecovery, Double criticalRecovery, Integer hardAfter,
                        Integer interval, Integer timeout, String valueKind, String keyColumn, String valueColumn, String description) {

        public List<SqlVariant> variants() {
            return variants == null ? List.of() : variants;
        }
    }

    /** @throws IllegalArgumentException naming the packs there are, for a name that is none of them */
    public static CheckPack load(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT);
        if (!NAMES.contains(key)) {
            throw new IllegalArgumentException("no check pack '" + name + "'; there are " + String.join(", ", NAMES));
        }
        try (InputStream in = CheckPack.class.getResourceAsStream("/checks/" + key + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("checks/" + key + ".yaml is missing from the jar");
            }
            return YAML.readValue(in, CheckPack.class);
        } catch (IOException e) {
            throw new IllegalStateException("checks/" + key + ".yaml cannot be read: " + e.getMessage(), e);
        }
    }
}

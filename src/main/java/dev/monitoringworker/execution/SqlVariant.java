package dev.monitoringworker.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL of a query for some server versions (DatabaseQueries.SqlVariants): where an engine's catalog changed, a
 * query carries one text per range of versions. {@code minVersion} and {@code maxVersion} are inclusive, compared
 * part by part as numbers, and a bound holds every version it is a prefix of: "12" holds 12.4, "8.0.22" holds neither
 * 8.0.21 nor 8.1. Either may be absent.
 */
public record SqlVariant(String minVersion, String maxVersion, String sql) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VERSION = Pattern.compile("(\\d+(?:\\.\\d+)*)");

    /** The variants of a SqlVariants value (NULL or blank: none). @throws IllegalArgumentException naming what is wrong */
    public static List<SqlVariant> parse(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        List<SqlVariant> variants;
        try {
            variants = JSON.readValue(json, new TypeReference<List<SqlVariant>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("SqlVariants is not a JSON list of {\"minVersion\", \"maxVersion\", \"sql\"} (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage());
        }
        for (int i = 0; i < variants.size(); i++) {
            SqlVariant v = variants.get(i);
            if (v == null || v.sql() == null || v.sql().isBlank()) {
                throw new IllegalArgumentException("SqlVariants[" + i + "] has no sql");
            }
            for (String bound : new String[]{v.minVersion(), v.maxVersion()}) {
                if (bound != null && !bound.isBlank() && !bound.trim().matches("\\d+(\\.\\d+)*")) {
                    throw new IllegalArgumentException("SqlVariants[" + i + "]: version '" + bound + "' is not a version such as 13 or 8.0.22");
                }
            }
        }
        return List.copyOf(variants);
    }

    /** Whether {@code version} lies within this variant's bounds. */
    public boolean holds(String version) {
        return (minVersion == null || minVersion.isBlank() || compare(version, minVersion, false) >= 0)
                && (maxVersion == null || maxVersion.isBlank() || compare(version, maxVersion, true) <= 0);
    }

    /** The version a server reports, as dotted numbers: "11.4.5-MariaDB" is 11.4.5; null when it holds none. */
    public static String versionOf(String reported) {
        if (reported == null) {
            return null;
        }
        // the first with the most parts: "Oracle Database 19c ... Release 19.0.0.0.0" is 19.0.0.0.0, not 19
        Matcher m = VERSION.matcher(reported);
        String best = null;
        while (m.find()) {
            if (best == null || m.group(1).split("\\.").length > best.split("\\.").length) {
                best = m.group(1);
            }
        }
        return best;
    }

    /** Compares part by part; with {@code prefixHolds}, a bound that runs out first holds the version ("12" vs 12.4: equal). */
    static int compare(String version, String bound, boolean prefixHolds) {
        String[] v = version.split("\\.");
        String[] b = bound.trim().split("\\.");
        for (int i = 0; i < b.length; i++) {
            long part = i < v.length ? Long.parseLong(v[i]) : 0;
            long limit = Long.parseLong(b[i]);
            if (part != limit) {
                return Long.compare(part, limit);
            }
        }
        return prefixHolds || v.length <= b.length ? 0 : 1;
    }
}

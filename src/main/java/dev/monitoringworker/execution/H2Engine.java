package dev.monitoringworker.execution;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.monitoringworker.execution.ConnectionProperties.lower;

/** H2, the embedded demo's own store: JDBC URLs only, settings after ';', in process (no socket, no connect timeout). */
final class H2Engine extends Engine {

    H2Engine() {
        super(0, Map.of(), lower("USER", "PASSWORD", "DB_CLOSE_ON_EXIT", "DB_CLOSE_DELAY", "MODE", "IFEXISTS", "ACCESS_MODE_DATA",
                "DATABASE_TO_UPPER", "DATABASE_TO_LOWER", "CASE_INSENSITIVE_IDENTIFIERS", "NON_KEYWORDS", "DEFAULT_NULL_ORDERING",
                "LOCK_TIMEOUT"));
    }

    @Override
    String expectedScheme(String scheme) {
        return "jdbc:h2";
    }

    @Override
    String url(String server, Integer port, String database) {
        throw new ConnectionStringException("an H2 ConnectionString must be a JDBC URL (jdbc:h2:...)");
    }

    @Override
    List<String> urlPropertyNames(String url) {
        String[] parts = url.split("(?<!\\\\);");
        return Arrays.stream(parts, 1, parts.length).filter(p -> !p.isBlank()).map(ConnectionProperties::key).toList();
    }

    @Override
    Map<String, String> connectTimeouts(int seconds) {
        return Map.of();
    }
}

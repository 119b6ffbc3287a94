package dev.monitoringworker.execution;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The driver properties a connection string may set, per provider. JDBC URLs are a door into the worker's host:
 * some properties make a driver instantiate a class named in the URL (PostgreSQL's {@code socketFactory},
 * {@code sslfactory}), write files ({@code loggerFile}, Oracle trace locations), read local files for the server
 * (MySQL's {@code allowLoadLocalInfile}), deserialize server data ({@code autoDeserialize}) or run SQL at connect
 * (H2's {@code INIT}). Only the properties each {@link Engine} lists pass; any other is refused by name before a driver
 * sees it.
 */
public final class ConnectionProperties {

    private ConnectionProperties() {
    }

    /** @throws ConnectionStringException naming the first property the provider does not allow */
    public static void check(Provider provider, JdbcTarget target) {
        List<String> names = new ArrayList<>(target.properties().keySet());
        names.addAll(provider.engine().urlPropertyNames(target.url()));
        for (String name : names) {
            if (!provider.engine().allows(name)) {
                throw new ConnectionStringException("ConnectionString property '" + name.trim() + "' is not allowed for Provider " + provider
                        + ": only the driver settings listed in docs/security.md (connection properties) are accepted, none that "
                        + "loads classes or touches files on the worker's host");
            }
        }
        provider.engine().checkUrl(target.url());
    }

    /** The names of a URL's query string ({@code ?a=1&b=2}), decoded. */
    static List<String> queryNames(String url) {
        int q = url.indexOf('?');
        return q < 0 ? List.of() : java.util.Arrays.stream(url.substring(q + 1).split("&")).filter(p -> !p.isBlank())
                .map(p -> URLDecoder.decode(key(p), StandardCharsets.UTF_8)).toList();
    }

    /** The name of {@code name=value}. */
    static String key(String assignment) {
        int eq = assignment.indexOf('=');
        return (eq < 0 ? assignment : assignment.substring(0, eq)).trim();
    }

    static Set<String> lower(String... names) {
        return java.util.Arrays.stream(names).map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new));
    }
}

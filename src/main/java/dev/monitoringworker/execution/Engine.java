package dev.monitoringworker.execution;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What differs between the database engines a connection may point at: the JDBC URLs of its connection strings, the
 * driver properties they may set, the driver's connect deadlines, and the read-only envelope around each run. One
 * small class per engine; {@link Provider} names them, and the shared code ({@link ConnectionStrings},
 * {@link ConnectionProperties}, {@link TargetPools}, {@link EnvelopedDataSource}) asks them instead of switching.
 */
abstract class Engine {

    private final int defaultPort;
    private final Map<String, String> options;
    private final Set<String> allowed;

    /**
     * @param options key=value connection string keys (lower case) and the driver properties they set
     * @param allowed the driver properties a connection string may set; any other is refused by name
     */
    Engine(int defaultPort, Map<String, String> options, Set<String> allowed) {
        this.defaultPort = defaultPort;
        this.options = options;
        this.allowed = allowed;
    }

    int defaultPort() {
        return defaultPort;
    }

    Map<String, String> options() {
        return options;
    }

    boolean allows(String property) {
        return allowed.contains(property.trim().toLowerCase(Locale.ROOT));
    }

    /** The JDBC scheme this engine's connection strings must have, given the one written. */
    abstract String expectedScheme(String scheme);

    /** A JDBC URL of its scheme as the driver takes it. */
    JdbcTarget fromJdbcUrl(String url) {
        return new JdbcTarget(url, null, null, Map.of());
    }

    /** The JDBC URL of a key=value connection string's server, port and database. */
    abstract String url(String server, Integer port, String database);

    /** The property names a JDBC URL sets, in the engine's own syntax. */
    abstract List<String> urlPropertyNames(String url);

    /** Refuses what a URL may name besides properties; nothing, unless an engine says otherwise. */
    void checkUrl(String url) {
    }

    /** A connect timeout of a key=value connection string, as its driver property's value. */
    String connectTimeout(int seconds) {
        return Integer.toString(seconds);
    }

    /** The driver properties that end a connect attempt after {@code seconds}, so an unreachable host holds no thread longer. */
    abstract Map<String, String> connectTimeouts(int seconds);

    /** The statement that makes the coming work read-only, or null where none is sent. */
    String readOnlyStatement() {
        return null;
    }

    /** What undoes {@link #readOnlyStatement} before the connection goes back to the pool, if anything. */
    String restoreStatement() {
        return null;
    }
}

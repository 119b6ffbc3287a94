package dev.monitoringworker.execution;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates a connection string, either a JDBC URL or an ADO.NET-style {@code key=value;} list, into a
 * {@link JdbcTarget} for the connection's provider. Error messages name keys, never secret values.
 */
public final class ConnectionStrings {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9._-]*[A-Za-z0-9_])?|\\[[0-9A-Fa-f:.]+]");
    private static final Set<String> SERVER = Set.of("server", "data source", "datasource", "host", "address", "addr", "network address");
    private static final Set<String> DATABASE = Set.of("database", "initial catalog", "dbname");
    private static final Set<String> USER = Set.of("user id", "userid", "uid", "user", "username", "user name");
    private static final Set<String> PASSWORD = Set.of("password", "pwd");
    /** ADO.NET pooling keys: the worker pools connections itself, so these are accepted and ignored. */
    private static final Set<String> IGNORED = Set.of("pooling", "min pool size", "max pool size", "provider");

    private static final Pattern ASSIGNED_PASSWORD = Pattern.compile(
            "(?i)(?:^|[;?&\\s(])\\s*(password|pwd|sslpassword|keyStorePassword|trustStorePassword)\\s*=\\s*(\\{[^}]*}|'[^']*'|\"[^\"]*\"|[^;&)]*)");
    private static final Pattern AUTHORITY_PASSWORD = Pattern.compile("//[^/@?;:\\s]*:([^/@?;\\s]+)@");
    private static final Pattern ORACLE_PASSWORD = Pattern.compile("(?i)^jdbc:oracle:[a-z0-9]+:[^/@:]*/([^@]+)@");

    private ConnectionStrings() {
    }

    /**
     * @param h2Enabled whether H2 may be a target here (the embedded demo's own store); otherwise Provider H2 is refused
     * @throws ConnectionStringException saying what is wrong, naming keys but never secret values
     */
    public static JdbcTarget translate(Provider provider, String connectionString, boolean h2Enabled) {
        if (provider == Provider.H2 && !h2Enabled) {
            throw new ConnectionStringException("Provider H2 is for the embedded demo only and is not enabled on this worker "
                    + "(monitoring.targets.h2-enabled)");
        }
        String raw = connectionString == null ? "" : connectionString.trim();
        if (raw.isEmpty()) {
            throw new ConnectionStringException("ConnectionString is empty");
        }
        JdbcTarget target;
        if (raw.regionMatches(true, 0, "jdbc:", 0, 5)) {
            target = fromJdbcUrl(provider, raw);
        } else if (provider == Provider.H2) {
            throw new ConnectionStringException("an H2 ConnectionString must be a JDBC URL (jdbc:h2:...)");
        } else {
            target = fromKeyValues(provider, parse(raw));
        }
        ConnectionProperties.check(provider, target);
        return target;
    }

    /**
     * The secrets a connection string holds, in every form a driver may echo in a message: a password assigned to a
     * key ({@code Password=...}, {@code password={...}}, {@code ?password=...}, quoted or URL-encoded) and credentials
     * in a URL's authority ({@code //user:secret@host}, Oracle's {@code user/secret@host}).
     */
    public static List<String> secretsIn(String connectionString) {
        List<String> secrets = new ArrayList<>();
        if (connectionString == null) {
            return secrets;
        }
        Matcher assigned = ASSIGNED_PASSWORD.matcher(connectionString);
        while (assigned.find()) {
            String value = assigned.group(2);
            if (value.length() > 1 && (value.startsWith("{") && value.endsWith("}") || value.startsWith("'") && value.endsWith("'")
                    || value.startsWith("\"") && value.endsWith("\""))) {
                value = value.substring(1, value.length() - 1);
            }
            secrets.add(value);
        }
        Matcher authority = AUTHORITY_PASSWORD.matcher(connectionString);
        while (authority.find()) {
            secrets.add(authority.group(1));
        }
        Matcher oracle = ORACLE_PASSWORD.matcher(connectionString);
        if (oracle.find()) {
            secrets.add(oracle.group(1));
        }
        List<String> decoded = new ArrayList<>();
        for (String secret : secrets) {
            try {
                decoded.add(URLDecoder.decode(secret, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException notEncoded) {
                // the value as written is registered already
            }
        }
        secrets.addAll(decoded);
        return secrets;
    }

    private static JdbcTarget fromJdbcUrl(Provider provider, String url) {
        String scheme = url.substring(0, Math.max(url.indexOf(':', 5), 5)).toLowerCase(Locale.ROOT);
        String expected = provider.engine().expectedScheme(scheme);
        if (!scheme.equals(expected)) {
            throw new ConnectionStringException("ConnectionString is a JDBC URL for '" + scheme + "' but Provider is "
                    + provider + " (expected " + expected + ":...)");
        }
        return provider.engine().fromJdbcUrl(url);
    }

    /** Splits {@code key=value;key='va;lue'} into lower-case keys; quotes protect ';' and doubled quotes escape. */
    static Map<String, String> parse(String text) {
        Map<String, String> pairs = new LinkedHashMap<>();
        int i = 0;
        int segment = 0;
        while (i < text.length()) {
            segment++;
            int eq = text.indexOf('=', i);
            int semi = text.indexOf(';', i);
            if (eq < 0 || (semi >= 0 && semi < eq)) {
                String rest = (semi < 0 ? text.substring(i) : text.substring(i, semi)).trim();
                if (!rest.isEmpty()) {
                    throw new ConnectionStringException("ConnectionString part " + segment
                            + " has no '=': expected key=value pairs separated by ';'");
                }
                i = semi < 0 ? text.length() : semi + 1;
                continue;
            }
            String key = text.substring(i, eq).trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (key.isEmpty()) {
                throw new ConnectionStringException("ConnectionString part " + segment + " has an empty key");
            }
            StringBuilder value = new StringBuilder();
            int j = eq + 1;
            while (j < text.length() && text.charAt(j) == ' ') {
                j++;
            }
            if (j < text.length() && (text.charAt(j) == '\'' || text.charAt(j) == '"')) {
                char quote = text.charAt(j++);
                boolean closed = false;
                while (j < text.length()) {
                    char c = text.charAt(j++);
                    if (c == quote) {
                        if (j < text.length() && text.charAt(j) == quote) {
                            value.append(quote);
                            j++;
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        value.append(c);
                    }
                }
                if (!closed) {
                    throw new ConnectionStringException("ConnectionString value of '" + key + "' has an unclosed quote");
                }
                int end = text.indexOf(';', j);
                j = end < 0 ? text.length() : end;
            } else {
                int end = text.indexOf(';', j);
                value.append(text, j, end < 0 ? text.length() : end);
                j = end < 0 ? text.length() : end;
            }
            if (pairs.put(key, value.toString().trim()) != null) {
                throw new ConnectionStringException("ConnectionString names '" + key + "' twice");
            }
            i = j + 1;
        }
        return pairs;
    }

    private static JdbcTarget fromKeyValues(Provider provider, Map<String, String> pairs) {
        String server = null;
        String database = null;
        String user = null;
        String password = null;
        Integer port = null;
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, String> known = provider.engine().options();
        for (Map.Entry<String, String> e : pairs.entrySet()) {
            String key = e.getKey();
            String value = e.getValue();
            if (SERVER.contains(key)) {
                server = value;
            } else if (DATABASE.contains(key)) {
                database = value;
            } else if (USER.contains(key)) {
                user = value;
            } else if (PASSWORD.contains(key)) {
                password = value;
            } else if (key.equals("port")) {
                port = port(value);
            } else if (known.containsKey(key)) {
                options.put(known.get(key), option(provider, known.get(key), value));
            } else if (!IGNORED.contains(key)) {
                throw new ConnectionStringException("ConnectionString key '" + key + "' is not understood for Provider "
                        + provider + "; use Server, Port, Database, User Id, Password"
                        + (known.isEmpty() ? "" : " or one of " + String.join(", ", known.keySet().stream().sorted().toList())));
            }
        }
        if (server == null || server.isBlank()) {
            throw new ConnectionStringException("ConnectionString has no Server (or Host / Data Source)");
        }
        String url = provider.engine().url(server, port, database);
        return new JdbcTarget(url, blankToNull(user), password, Map.copyOf(options));
    }

    /** {@code prefix}host:port/database, the port from the server ({@code host:port}, {@code host,port}) or the port key. */
    static String hostPortUrl(String prefix, int defaultPort, String server, Integer port, String database) {
        String s = server;
        int sep = s.startsWith("[") ? s.indexOf("]:") + 1 : Math.max(s.lastIndexOf(','), s.lastIndexOf(':'));
        if (sep > 0) {
            port = port(s.substring(sep + 1));
            s = s.substring(0, sep);
        }
        String url = prefix + host(s) + ":" + (port == null ? defaultPort : port);
        return url + "/" + (database == null ? "" : database);
    }

    private static String option(Provider provider, String property, String value) {
        String v = value.trim();
        String lower = v.toLowerCase(Locale.ROOT);
        return switch (property) {
            case "integratedSecurity" -> Boolean.toString(lower.equals("sspi") || lower.equals("true") || lower.equals("yes"));
            case "sslmode" -> switch (lower.replace("-", "")) {
                case "verifyca" -> "verify-ca";
                case "verifyfull" -> "verify-full";
                default -> lower;
            };
            case "sslMode" -> switch (lower.replace("-", "")) {
                case "none", "disabled", "disable" -> "disable";
                case "required", "require", "preferred" -> "trust";
                case "verifyca" -> "verify-ca";
                case "verifyfull", "verifyidentity" -> "verify-full";
                default -> throw new ConnectionStringException("ConnectionString SslMode '" + v + "' is not understood for Provider "
                        + provider + "; use None, Required, VerifyCA or VerifyFull");
            };
            case "connectTimeout" -> provider.engine().connectTimeout(seconds(property, v));
            case "loginTimeout" -> Integer.toString(seconds(property, v));
            default -> v;
        };
    }

    private static int seconds(String key, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ConnectionStringException("ConnectionString timeout '" + key + "' must be a whole number of seconds");
        }
    }

    static int port(String value) {
        try {
            int p = Integer.parseInt(value.trim());
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConnectionStringException("ConnectionString port '" + value.trim() + "' is not a port number (1-65535)");
    }

    static String host(String host) {
        String h = host.trim();
        if (!HOST.matcher(h).matches()) {
            throw new ConnectionStringException("ConnectionString server '" + h + "' is not a host name or address");
        }
        return h;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

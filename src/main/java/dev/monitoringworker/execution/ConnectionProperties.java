package dev.monitoringworker.execution;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The driver properties a connection string may set, per provider. JDBC URLs are a door into the worker's host:
 * some properties make a driver instantiate a class named in the URL (PostgreSQL's {@code socketFactory},
 * {@code sslfactory}), write files ({@code loggerFile}, Oracle trace locations), read local files for the server
 * (MySQL's {@code allowLoadLocalInfile}), deserialize server data ({@code autoDeserialize}) or run SQL at connect
 * (H2's {@code INIT}). Only the properties listed here pass; any other is refused by name before a driver sees it.
 */
public final class ConnectionProperties {

    private static final Map<Provider, Set<String>> ALLOWED = Map.of(
            Provider.SqlServer, lower("serverName", "instanceName", "portNumber", "port", "databaseName", "database", "user", "userName",
                    "password", "encrypt", "trustServerCertificate", "hostNameInCertificate", "trustStore", "trustStorePassword",
                    "trustStoreType", "serverCertificate", "sslProtocol", "loginTimeout", "queryTimeout", "socketTimeout",
                    "cancelQueryTimeout", "lockTimeout", "applicationName", "applicationIntent", "multiSubnetFailover", "failoverPartner",
                    "integratedSecurity", "authenticationScheme", "authentication", "domain", "realm", "serverSpn", "workstationID",
                    "connectRetryCount", "connectRetryInterval", "sendStringParametersAsUnicode", "packetSize",
                    "transparentNetworkIPResolution"),
            Provider.PostgreSQL, lower("user", "password", "ssl", "sslmode", "sslrootcert", "sslcert", "sslkey", "sslpassword",
                    "channelBinding", "gssEncMode", "ApplicationName", "currentSchema", "connectTimeout", "socketTimeout", "loginTimeout",
                    "cancelSignalTimeout", "tcpKeepAlive", "targetServerType", "loadBalanceHosts", "hostRecheckSeconds", "readOnly",
                    "prepareThreshold", "assumeMinServerVersion", "stringtype", "defaultRowFetchSize"),
            Provider.MySQL, lower("user", "password", "sslMode", "serverSslCert", "keyStore", "keyStorePassword", "keyStoreType",
                    "trustStore", "trustStorePassword", "enabledSslProtocolSuites", "enabledSslCipherSuites", "useSSL", "requireSSL",
                    "verifyServerCertificate", "connectTimeout", "socketTimeout", "tcpKeepAlive", "allowPublicKeyRetrieval",
                    "connectionAttributes", "useCompression", "permitMysqlScheme", "restrictedAuth", "timezone", "serverTimezone",
                    "characterEncoding", "useUnicode"),
            Provider.Oracle, lower("connect_timeout", "transport_connect_timeout", "retry_count", "retry_delay", "ssl_server_dn_match",
                    "ssl_server_cert_dn", "oracle.net.CONNECT_TIMEOUT", "oracle.jdbc.ReadTimeout"),
            Provider.H2, lower("USER", "PASSWORD", "DB_CLOSE_ON_EXIT", "DB_CLOSE_DELAY", "MODE", "IFEXISTS", "ACCESS_MODE_DATA",
                    "DATABASE_TO_UPPER", "DATABASE_TO_LOWER", "CASE_INSENSITIVE_IDENTIFIERS", "NON_KEYWORDS", "DEFAULT_NULL_ORDERING",
                    "LOCK_TIMEOUT"));

    /** Oracle connect descriptors may name wallet, trace and log locations on the worker's host. */
    private static final Pattern ORACLE_LOCATIONS = Pattern.compile("(?i)\\b(MY_WALLET_DIRECTORY|WALLET_LOCATION|TNS_ADMIN|TRACE_\\w*|LOG_\\w*)\\s*=");

    private ConnectionProperties() {
    }

    /** @throws ConnectionStringException naming the first property the provider does not allow */
    public static void check(Provider provider, JdbcTarget target) {
        List<String> names = new ArrayList<>(target.properties().keySet());
        names.addAll(names(provider, target.url()));
        Set<String> allowed = ALLOWED.get(provider);
        for (String name : names) {
            if (!allowed.contains(name.trim().toLowerCase(Locale.ROOT))) {
                throw new ConnectionStringException("ConnectionString property '" + name.trim() + "' is not allowed for Provider " + provider
                        + ": only the driver settings listed in the README (Security, connection properties) are accepted, none that "
                        + "loads classes or touches files on the worker's host");
            }
        }
        if (provider == Provider.Oracle) {
            Matcher m = ORACLE_LOCATIONS.matcher(target.url());
            if (m.find()) {
                throw new ConnectionStringException("ConnectionString setting '" + m.group(1) + "' is not allowed for Provider Oracle: it names "
                        + "a location on the worker's host");
            }
        }
    }

    /** The property names a JDBC URL sets, in the provider's own syntax. */
    static List<String> names(Provider provider, String url) {
        return switch (provider) {
            case SqlServer -> {
                List<String> parts = sqlServerParts(url);
                yield parts.subList(Math.min(1, parts.size()), parts.size()).stream().map(ConnectionProperties::key).toList();
            }
            case PostgreSQL, MySQL, Oracle -> {
                int q = url.indexOf('?');
                yield q < 0 ? List.of() : java.util.Arrays.stream(url.substring(q + 1).split("&")).filter(p -> !p.isBlank())
                        .map(p -> URLDecoder.decode(key(p), StandardCharsets.UTF_8)).toList();
            }
            case H2 -> {
                String[] parts = url.split("(?<!\\\\);");
                yield java.util.Arrays.stream(parts, 1, parts.length).filter(p -> !p.isBlank()).map(ConnectionProperties::key).toList();
            }
        };
    }

    /** {@code jdbc:sqlserver://host;a=b;c={x;y}}: parts split at ';' outside braces. */
    private static List<String> sqlServerParts(String url) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean braced = false;
        for (char c : url.toCharArray()) {
            if (c == '{') {
                braced = true;
            } else if (c == '}') {
                braced = false;
            }
            if (c == ';' && !braced) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts.stream().filter(p -> !p.isBlank()).collect(Collectors.toList());
    }

    private static String key(String assignment) {
        int eq = assignment.indexOf('=');
        return (eq < 0 ? assignment : assignment.substring(0, eq)).trim();
    }

    private static Set<String> lower(String... names) {
        return java.util.Arrays.stream(names).map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new));
    }
}

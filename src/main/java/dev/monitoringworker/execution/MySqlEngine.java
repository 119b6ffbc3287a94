package dev.monitoringworker.execution;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.monitoringworker.execution.ConnectionProperties.lower;

/**
 * MySQL and MariaDB, through the MariaDB driver under its own scheme ({@code jdbc:mysql:} URLs are translated). The
 * session is made read-only for each run and writable again after: a DDL statement commits implicitly and would start
 * a new, writable transaction. Connect timeouts are in milliseconds.
 */
final class MySqlEngine extends Engine {

    MySqlEngine() {
        super(3306, Map.of(
                        "ssl mode", "sslMode", "sslmode", "sslMode", "connect timeout", "connectTimeout",
                        "connection timeout", "connectTimeout", "allowpublickeyretrieval", "allowPublicKeyRetrieval"),
                lower("user", "password", "sslMode", "serverSslCert", "keyStore", "keyStorePassword", "keyStoreType",
                        "trustStore", "trustStorePassword", "enabledSslProtocolSuites", "enabledSslCipherSuites", "useSSL", "requireSSL",
                        "verifyServerCertificate", "connectTimeout", "socketTimeout", "tcpKeepAlive", "allowPublicKeyRetrieval",
                        "connectionAttributes", "useCompression", "permitMysqlScheme", "restrictedAuth", "timezone", "serverTimezone",
                        "characterEncoding", "useUnicode"));
    }

    @Override
    String expectedScheme(String scheme) {
        return scheme.equals("jdbc:mysql") ? "jdbc:mysql" : "jdbc:mariadb";
    }

    /** The MariaDB driver serves MySQL servers too, under its own scheme; credentials in the authority are moved out. */
    @Override
    JdbcTarget fromJdbcUrl(String url) {
        String translated = url.regionMatches(true, 0, "jdbc:mysql:", 0, 11) ? "jdbc:mariadb" + url.substring("jdbc:mysql".length()) : url;
        return withoutUserInfo(translated);
    }

    /** {@code jdbc:mysql://user:password@host/db}: credentials moved out of the URL, which the driver cannot parse. */
    private static JdbcTarget withoutUserInfo(String url) {
        int start = url.indexOf("//") + 2;
        int end = start;
        while (end < url.length() && "/?".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        int at = url.lastIndexOf('@', end - 1);
        if (start < 2 || at < start) {
            return new JdbcTarget(url, null, null, Map.of());
        }
        String userInfo = url.substring(start, at);
        int colon = userInfo.indexOf(':');
        String user = URLDecoder.decode(colon < 0 ? userInfo : userInfo.substring(0, colon), StandardCharsets.UTF_8);
        String password = colon < 0 ? null : URLDecoder.decode(userInfo.substring(colon + 1), StandardCharsets.UTF_8);
        return new JdbcTarget(url.substring(0, start) + url.substring(at + 1), ConnectionStrings.blankToNull(user), password, Map.of());
    }

    @Override
    String url(String server, Integer port, String database) {
        return ConnectionStrings.hostPortUrl("jdbc:mariadb://", defaultPort(), server, port, database);
    }

    @Override
    List<String> urlPropertyNames(String url) {
        return ConnectionProperties.queryNames(url);
    }

    @Override
    String connectTimeout(int seconds) {
        return Long.toString(seconds * 1000L);
    }

    @Override
    Map<String, String> connectTimeouts(int seconds) {
        return Map.of("connectTimeout", Long.toString(seconds * 1000L));
    }

    @Override
    String readOnlyStatement() {
        return "SET SESSION TRANSACTION READ ONLY";
    }

    @Override
    String restoreStatement() {
        return "SET SESSION TRANSACTION READ WRITE";
    }
}

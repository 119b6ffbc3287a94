package dev.monitoringworker.execution;

import java.util.List;
import java.util.Map;

import static dev.monitoringworker.execution.ConnectionProperties.lower;

/** PostgreSQL (pgjdbc): its driver opens each run's transaction read-only itself, so no statement is sent. */
final class PostgreSqlEngine extends Engine {

    PostgreSqlEngine() {
        super(5432, Map.of(
                        "ssl mode", "sslmode", "sslmode", "sslmode", "timeout", "connectTimeout",
                        "connect timeout", "connectTimeout", "application name", "ApplicationName",
                        "search path", "currentSchema"),
                lower("user", "password", "ssl", "sslmode", "sslrootcert", "sslcert", "sslkey", "sslpassword",
                        "channelBinding", "gssEncMode", "ApplicationName", "currentSchema", "connectTimeout", "socketTimeout", "loginTimeout",
                        "cancelSignalTimeout", "tcpKeepAlive", "targetServerType", "loadBalanceHosts", "hostRecheckSeconds", "readOnly",
                        "prepareThreshold", "assumeMinServerVersion", "stringtype", "defaultRowFetchSize"));
    }

    @Override
    String expectedScheme(String scheme) {
        return "jdbc:postgresql";
    }

    @Override
    String url(String server, Integer port, String database) {
        return ConnectionStrings.hostPortUrl("jdbc:postgresql://", defaultPort(), server, port, database);
    }

    @Override
    List<String> urlPropertyNames(String url) {
        return ConnectionProperties.queryNames(url);
    }

    @Override
    Map<String, String> connectTimeouts(int seconds) {
        String s = Integer.toString(seconds);
        return Map.of("connectTimeout", s, "loginTimeout", s);
    }
}

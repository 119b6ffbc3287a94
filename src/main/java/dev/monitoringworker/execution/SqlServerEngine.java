package dev.monitoringworker.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.monitoringworker.execution.ConnectionProperties.lower;
import static dev.monitoringworker.execution.ConnectionStrings.host;
import static dev.monitoringworker.execution.ConnectionStrings.port;

/** SQL Server (mssql-jdbc): no read-only statement (the guard is the login's rights and the SQL check). */
final class SqlServerEngine extends Engine {

    SqlServerEngine() {
        super(1433, Map.of(
                        "trustservercertificate", "trustServerCertificate", "encrypt", "encrypt",
                        "integrated security", "integratedSecurity", "trusted_connection", "integratedSecurity",
                        "application name", "applicationName", "app", "applicationName",
                        "connect timeout", "loginTimeout", "connection timeout", "loginTimeout",
                        "multisubnetfailover", "multiSubnetFailover", "applicationintent", "applicationIntent"),
                lower("serverName", "instanceName", "portNumber", "port", "databaseName", "database", "user", "userName",
                        "password", "encrypt", "trustServerCertificate", "hostNameInCertificate", "trustStore", "trustStorePassword",
                        "trustStoreType", "serverCertificate", "sslProtocol", "loginTimeout", "queryTimeout", "socketTimeout",
                        "cancelQueryTimeout", "lockTimeout", "applicationName", "applicationIntent", "multiSubnetFailover", "failoverPartner",
                        "integratedSecurity", "authenticationScheme", "authentication", "domain", "realm", "serverSpn", "workstationID",
                        "connectRetryCount", "connectRetryInterval", "sendStringParametersAsUnicode", "packetSize",
                        "transparentNetworkIPResolution"));
    }

    @Override
    String expectedScheme(String scheme) {
        return "jdbc:sqlserver";
    }

    /** {@code Server=tcp:host\instance,port}: instance and port as mssql-jdbc writes them; {@code .} and {@code (local)} are localhost. */
    @Override
    String url(String server, Integer port, String database) {
        String s = server.regionMatches(true, 0, "tcp:", 0, 4) ? server.substring(4) : server;
        String instance = null;
        int comma = s.lastIndexOf(',');
        if (comma >= 0) {
            port = port(s.substring(comma + 1));
            s = s.substring(0, comma);
        }
        int slash = s.indexOf('\\');
        if (slash >= 0) {
            instance = s.substring(slash + 1);
            s = s.substring(0, slash);
        }
        String host = host(s.equals(".") || s.equalsIgnoreCase("(local)") ? "localhost" : s);
        StringBuilder url = new StringBuilder("jdbc:sqlserver://").append(host);
        if (instance != null && !instance.isBlank()) {
            url.append('\\').append(instance);
        }
        if (port != null || instance == null) {
            url.append(':').append(port == null ? defaultPort() : port);
        }
        if (database != null && !database.isBlank()) {
            url.append(";databaseName=").append(database);
        }
        return url.toString();
    }

    /** {@code jdbc:sqlserver://host;a=b;c={x;y}}: parts split at ';' outside braces. */
    @Override
    List<String> urlPropertyNames(String url) {
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
        List<String> nonBlank = parts.stream().filter(p -> !p.isBlank()).collect(Collectors.toList());
        return nonBlank.subList(Math.min(1, nonBlank.size()), nonBlank.size()).stream().map(ConnectionProperties::key).toList();
    }

    @Override
    Map<String, String> connectTimeouts(int seconds) {
        return Map.of("loginTimeout", Integer.toString(seconds));
    }
}

package dev.monitoringworker.execution;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.monitoringworker.execution.ConnectionProperties.lower;
import static dev.monitoringworker.execution.ConnectionStrings.host;
import static dev.monitoringworker.execution.ConnectionStrings.port;

/** Oracle (ojdbc11, thin): each run in a read-only transaction; connect descriptors may name no location on the worker's host. */
final class OracleEngine extends Engine {

    /** Oracle connect descriptors may name wallet, trace and log locations on the worker's host. */
    private static final Pattern LOCATIONS = Pattern.compile("(?i)\\b(MY_WALLET_DIRECTORY|WALLET_LOCATION|TNS_ADMIN|TRACE_\\w*|LOG_\\w*)\\s*=");

    OracleEngine() {
        super(1521, Map.of(), lower("connect_timeout", "transport_connect_timeout", "retry_count", "retry_delay", "ssl_server_dn_match",
                "ssl_server_cert_dn", "oracle.net.CONNECT_TIMEOUT", "oracle.jdbc.ReadTimeout"));
    }

    @Override
    String expectedScheme(String scheme) {
        return "jdbc:oracle";
    }

    /** {@code Data Source=host:port/SERVICE} (EZConnect), or a connect descriptor {@code (DESCRIPTION=...)} as written. */
    @Override
    String url(String dataSource, Integer port, String service) {
        if (dataSource.startsWith("(")) {
            return "jdbc:oracle:thin:@" + dataSource;
        }
        String s = dataSource.startsWith("//") ? dataSource.substring(2) : dataSource;
        int slash = s.indexOf('/');
        String hostPort = slash < 0 ? s : s.substring(0, slash);
        String svc = slash < 0 ? service : s.substring(slash + 1);
        int colon = hostPort.lastIndexOf(':');
        if (colon > 0) {
            port = port(hostPort.substring(colon + 1));
            hostPort = hostPort.substring(0, colon);
        }
        if (svc == null || svc.isBlank()) {
            throw new ConnectionStringException("an Oracle ConnectionString needs a service name: Data Source=host:1521/SERVICE");
        }
        return "jdbc:oracle:thin:@//" + host(hostPort) + ":" + (port == null ? defaultPort() : port) + "/" + svc;
    }

    @Override
    List<String> urlPropertyNames(String url) {
        return ConnectionProperties.queryNames(url);
    }

    @Override
    void checkUrl(String url) {
        Matcher m = LOCATIONS.matcher(url);
        if (m.find()) {
            throw new ConnectionStringException("ConnectionString setting '" + m.group(1) + "' is not allowed for Provider Oracle: it names "
                    + "a location on the worker's host");
        }
    }

    @Override
    Map<String, String> connectTimeouts(int seconds) {
        return Map.of("oracle.net.CONNECT_TIMEOUT", Long.toString(seconds * 1000L));
    }

    @Override
    String readOnlyStatement() {
        return "SET TRANSACTION READ ONLY";
    }
}

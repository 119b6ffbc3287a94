package dev.monitoringworker.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringworker.support.TestUsers;
import dev.monitoringworker.support.WorkerApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import javax.management.Attribute;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The management surface: closed by default; where it opens (Jolokia, remote JMX) only configured users sign in,
 * viewers only read, operators also manage routes and the worker, and nothing sends messages, evaluates
 * expressions, creates MBeans or touches the JVM. Remote JMX listens on loopback unless TLS protects it.
 */
class ManagementSurfaceIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROUTE = "org.apache.camel:context=%s,type=routes,name=\"reap-expired-leases\"";

    private static String h2() {
        return "jdbc:h2:mem:mgmt-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Map<String, Object> with(Map<String, Object> a, Object... keyValues) {
        Map<String, Object> p = new HashMap<>(a);
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put((String) keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    private static Map<String, Object> users() {
        return TestUsers.properties("watcher", "viewer", "ops", "operator");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static int status(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void byDefaultOnlyHealthInfoAndPrometheusAreOpen() throws Exception {
        try (ConfigurableApplicationContext app = WorkerApp.start(h2(), "sa", "", Map.of())) {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.management.port") + "/actuator/";
            assertThat(status(base + "health", null)).isEqualTo(200);
            assertThat(status(base + "info", null)).isEqualTo(200);
            assertThat(status(base + "prometheus", null)).isEqualTo(200);
            for (String closed : new String[]{"env", "configprops", "beans", "heapdump", "threaddump", "loggers", "jolokia"}) {
                assertThat(status(base + closed, null)).as(closed).isEqualTo(404);
            }
            assertThatThrownBy(() -> new Socket("localhost", 8778).close()).as("no Jolokia agent").isInstanceOf(IOException.class);
        }
    }

    @Test
    void settingsThatWouldOpenMoreStopTheStartNamingThem() {
        assertThatThrownBy(() -> WorkerApp.start(h2(), "sa", "", Map.of("monitoring.jmx.remote.port", 0, "monitoring.jmx.remote.password", "x1234")))
                .hasStackTraceContaining("monitoring.jmx.remote.password is no longer used");
        assertThatThrownBy(() -> WorkerApp.start(h2(), "sa", "", Map.of("camel.component.jolokia.enabled", true,
                "camel.component.jolokia.server-config.restrictorClass", "org.jolokia.server.core.restrictor.AllowAllRestrictor")))
                .hasStackTraceContaining("camel.component.jolokia.server-config.restrictorClass must be dev.monitoringworker.ops.JolokiaRestrictor");
        assertThatThrownBy(() -> WorkerApp.start(h2(), "sa", "", Map.of("camel.component.jolokia.enabled", true,
                "camel.component.jolokia.server-config.host", "0.0.0.0")))
                .hasStackTraceContaining("camel.component.jolokia.server-config.host=0.0.0.0 is not a loopback address, so Jolokia needs TLS");
        assertThatThrownBy(() -> WorkerApp.start(h2(), "sa", "", Map.of("monitoring.jmx.remote.port", 0, "monitoring.jmx.remote.host", "0.0.0.0")))
                .hasStackTraceContaining("monitoring.jmx.remote.host=0.0.0.0 is not a loopback address, so remote JMX needs TLS");
    }

    @Test
    void jolokiaLetsViewersReadAndOperatorsManageRoutesAndTheWorkerOnly() throws Exception {
        int port = freePort();
        try (ConfigurableApplicationContext app = WorkerApp.start(h2(), "sa", "", with(users(), "camel.component.jolokia.enabled", true,
                "camel.component.jolokia.server-config.port", port))) {
            Jolokia jolokia = new Jolokia("http://127.0.0.1:" + port + "/jolokia/");
            String context = app.getEnvironment().getProperty("camel.main.name");
            String route = String.format(ROUTE, context);
            String worker = "monitoring.worker:type=Worker,name=\"" + app.getEnvironment().getProperty("monitoring.worker.name") + "\"";
            String camel = "org.apache.camel:context=" + context + ",type=context,name=\"" + context + "\"";

            assertThat(jolokia.send(null, Map.of("type", "version")).http()).isEqualTo(401);
            assertThat(jolokia.send(basic("ops", "wrong"), Map.of("type", "version")).http()).isEqualTo(401);

            Reply read = jolokia.as("watcher").read(route, "State");
            assertThat(read.value().asText()).isEqualTo("Started");
            assertThat(jolokia.as("watcher").read(worker, "Status").value().asText()).as("the worker MBean is readable").isEqualTo("Running");
            assertThat(jolokia.as("watcher").exec(route, "stop()").refused()).as("a viewer may not stop a route").isTrue();
            assertThat(jolokia.as("watcher").exec(worker, "pauseClaiming()").refused()).isTrue();

            Jolokia ops = jolokia.as("ops");
            assertThat(ops.exec(route, "stop()").status()).isEqualTo(200);
            assertThat(ops.read(route, "State").value().asText()).isEqualTo("Stopped");
            assertThat(ops.exec(route, "start()").status()).isEqualTo(200);
            assertThat(ops.read(route, "State").value().asText()).isEqualTo("Started");
            assertThat(ops.exec(worker, "pauseClaiming()").status()).isEqualTo(200);
            assertThat(ops.read(worker, "Status").value().asText()).isEqualTo("Paused");
            assertThat(ops.exec(worker, "resumeClaiming()").status()).isEqualTo(200);

            // what gave SQL, files and a shell before, and everything else not on the list
            assertThat(ops.exec(camel, "requestBody(java.lang.String,java.lang.Object)", "sql:SELECT ConnectionString FROM monitoring.DatabaseConnections", "x")
                    .refused()).as("requestBody").isTrue();
            assertThat(ops.exec(camel, "sendBody(java.lang.String,java.lang.Object)", "file:routes?fileName=x.camel.yaml", "- route: {}")
                    .refused()).as("sendBody").isTrue();
            assertThat(ops.exec(camel, "evaluateSimple", "${sys.user.home}").refused()).as("expressions").isTrue();
            assertThat(ops.exec(route, "updateRouteFromXml", "<route/>").refused()).as("route rewrite").isTrue();
            assertThat(ops.exec("com.sun.management:type=HotSpotDiagnostic", "dumpHeap", "/tmp/heap.hprof", true).refused()).as("dumpHeap").isTrue();
            assertThat(ops.exec("com.sun.management:type=DiagnosticCommand", "vmSystemProperties").refused()).as("diagnostic commands").isTrue();
            assertThat(ops.exec("java.lang:type=Memory", "gc()").refused()).as("JVM operations").isTrue();
            assertThat(ops.read("java.lang:type=Runtime", "SystemProperties").refused()).as("system properties").isTrue();
            assertThat(ops.read("java.lang:type=Runtime", "Uptime").status()).as("other JVM attributes").isEqualTo(200);
            assertThat(ops.send(Map.of("type", "write", "mbean", "java.lang:type=Memory", "attribute", "Verbose", "value", true)).refused())
                    .as("attribute writes").isTrue();
            assertThat(ops.send(Map.of("type", "read", "mbean", "java.lang:type=Memory", "attribute", "HeapMemoryUsage",
                    "target", Map.of("url", "service:jmx:rmi:///jndi/ldap://127.0.0.1:1/x"))).status()).as("no proxy to other JMX servers")
                    .isNotEqualTo(200);
            assertThat(jolokia.sendFrom("https://evil.example", basic("ops", TestUsers.password("ops")), Map.of("type", "read", "mbean", route,
                    "attribute", "State")).status()).as("a page of another origin").isNotEqualTo(200);
        }
    }

    @Test
    void remoteJmxLetsViewersReadAndOperatorsManageRoutesAndTheWorkerOnly() throws Exception {
        int port = freePort();
        try (ConfigurableApplicationContext app = WorkerApp.start(h2(), "sa", "", with(users(), "monitoring.jmx.remote.port", port))) {
            JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
            assertThatThrownBy(() -> JMXConnectorFactory.connect(url, Map.of(JMXConnector.CREDENTIALS, new String[]{"ops", "wrong"})))
                    .isInstanceOf(SecurityException.class);
            String context = app.getEnvironment().getProperty("camel.main.name");
            ObjectName route = new ObjectName(String.format(ROUTE, context));
            ObjectName worker = new ObjectName("monitoring.worker:type=Worker,name=\"" + app.getEnvironment().getProperty("monitoring.worker.name") + "\"");
            ObjectName camel = new ObjectName("org.apache.camel:context=" + context + ",type=context,name=\"" + context + "\"");

            try (JMXConnector jmx = connect(url, "watcher")) {
                MBeanServerConnection server = jmx.getMBeanServerConnection();
                assertThat(server.getAttribute(route, "State")).isEqualTo("Started");
                assertThat(server.getAttribute(worker, "Status")).isEqualTo("Running");
                assertThatThrownBy(() -> server.invoke(route, "stop", null, null)).as("a viewer may not stop a route")
                        .isInstanceOf(SecurityException.class);
                assertThat(server.getAttribute(route, "State")).isEqualTo("Started");
            }
            try (JMXConnector jmx = connect(url, "ops")) {
                MBeanServerConnection server = jmx.getMBeanServerConnection();
                server.invoke(route, "stop", null, null);
                assertThat(server.getAttribute(route, "State")).isEqualTo("Stopped");
                server.invoke(route, "start", null, null);
                assertThat(server.getAttribute(route, "State")).isEqualTo("Started");
                assertThat(server.invoke(worker, "pauseClaiming", null, null)).asString().startsWith("claiming paused");
                assertThat(server.getAttribute(worker, "Status")).isEqualTo("Paused");
                server.invoke(worker, "resumeClaiming", null, null);

                String[] sendSignature = {String.class.getName(), Object.class.getName()};
                assertThatThrownBy(() -> server.invoke(camel, "requestBody", new Object[]{"sql:SELECT ConnectionString FROM monitoring.DatabaseConnections", "x"},
                        sendSignature)).as("requestBody").isInstanceOf(SecurityException.class);
                assertThatThrownBy(() -> server.invoke(camel, "sendBody", new Object[]{"file:routes?fileName=x.camel.yaml", "- route: {}"}, sendSignature))
                        .as("sendBody").isInstanceOf(SecurityException.class);
                assertThatThrownBy(() -> server.invoke(new ObjectName("com.sun.management:type=HotSpotDiagnostic"), "dumpHeap",
                        new Object[]{"/tmp/mw-heap.hprof", true}, new String[]{String.class.getName(), boolean.class.getName()}))
                        .as("dumpHeap").isInstanceOf(SecurityException.class);
                assertThatThrownBy(() -> server.createMBean("javax.management.loading.MLet", new ObjectName("x:type=MLet")))
                        .as("MLet").isInstanceOf(SecurityException.class);
                assertThatThrownBy(() -> server.setAttribute(route, new Attribute("Tracing", true))).as("attribute writes")
                        .isInstanceOf(SecurityException.class);
                assertThatThrownBy(() -> server.unregisterMBean(worker)).as("MBean removal").isInstanceOf(SecurityException.class);
                assertThatThrownBy(() -> server.invoke(new ObjectName("java.lang:type=Memory"), "gc", null, null)).as("JVM operations")
                        .isInstanceOf(SecurityException.class);
                assertThatThrownBy(() -> server.getAttribute(new ObjectName("java.lang:type=Runtime"), "SystemProperties"))
                        .as("system properties").isInstanceOf(SecurityException.class);
                assertThat(server.queryNames(null, null)).as("only the worker's, Camel's and the JVM's own MBeans show")
                        .allMatch(n -> Map.of("org.apache.camel", 1, "monitoring.worker", 1, "java.lang", 1, "java.nio", 1, "java.util.logging", 1,
                                "JMImplementation", 1).containsKey(n.getDomain()))
                        .anyMatch(n -> n.getDomain().equals("org.apache.camel"));
            }
            Optional<InetAddress> external = externalAddress();
            if (external.isPresent()) {
                assertThatThrownBy(() -> new Socket(external.get(), port).close()).as("listens on loopback only").isInstanceOf(IOException.class);
            }
        }
    }

    @Test
    void remoteJmxOnOtherAddressesSpeaksTlsOnly(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("jmx.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "jmx", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit-1", "-keypass", "changeit-1").inheritIO().start();
        assertThat(keytool.waitFor()).isZero();
        int port = freePort();
        try (ConfigurableApplicationContext app = WorkerApp.start(h2(), "sa", "", with(users(), "monitoring.jmx.remote.port", port,
                "monitoring.jmx.remote.host", "0.0.0.0", "monitoring.jmx.remote.ssl-bundle", "jmx",
                "spring.ssl.bundle.jks.jmx.keystore.location", "file:" + keystore, "spring.ssl.bundle.jks.jmx.keystore.password", "changeit-1",
                "spring.ssl.bundle.jks.jmx.keystore.type", "PKCS12"))) {
            SSLContext trustAll = SSLContext.getInstance("TLS");
            trustAll.init(null, new TrustManager[]{new X509TrustManager() {
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            try (SSLSocket tls = (SSLSocket) trustAll.getSocketFactory().createSocket("127.0.0.1", port)) {
                tls.startHandshake();
                assertThat(((X509Certificate) tls.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
            }
            JMXServiceURL plain = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
            assertThatThrownBy(() -> connect(plain, "ops").close()).as("no plain RMI on an exposed port").isInstanceOf(IOException.class);
        }
    }

    private static JMXConnector connect(JMXServiceURL url, String user) throws IOException {
        return JMXConnectorFactory.connect(url, Map.of(JMXConnector.CREDENTIALS, new String[]{user, TestUsers.password(user)}));
    }

    private static Optional<InetAddress> externalAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && nic.isUp()) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }

    private record Reply(int http, JsonNode body) {
        int status() {
            return http != 200 ? http : body.path("status").asInt();
        }

        boolean refused() {
            return status() == 403 && (http == 403 || body.path("error_type").asText().contains("SecurityException")
                    || body.path("error").asText().contains("forbidden") || body.path("error").asText().contains("not allowed")
                    || body.path("error").asText().contains("Forbidden"));
        }

        JsonNode value() {
            assertThat(status()).as(body.toString()).isEqualTo(200);
            return body.path("value");
        }
    }

    private record Jolokia(String url, String authorization) {
        Jolokia(String url) {
            this(url, null);
        }

        Jolokia as(String user) {
            return new Jolokia(url, basic(user, TestUsers.password(user)));
        }

        Reply read(String mbean, String attribute) throws Exception {
            return send(Map.of("type", "read", "mbean", mbean, "attribute", attribute));
        }

        Reply exec(String mbean, String operation, Object... arguments) throws Exception {
            return send(Map.of("type", "exec", "mbean", mbean, "operation", operation, "arguments", arguments));
        }

        Reply send(Map<String, Object> request) throws Exception {
            return send(authorization, request);
        }

        Reply send(String auth, Map<String, Object> request) throws Exception {
            return sendFrom(null, auth, request);
        }

        Reply sendFrom(String origin, String auth, Map<String, Object> request) throws Exception {
            HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)));
            if (auth != null) {
                post.header("Authorization", auth);
            }
            if (origin != null) {
                post.header("Origin", origin);
            }
            HttpResponse<String> response = HTTP.send(post.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() || !response.body().trim().startsWith("{") ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new Reply(response.statusCode(), body);
        }
    }
}

package dev.monitoringworker.it;

import dev.monitoringworker.support.WorkerApp;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The management surface: closed by default, credentials required wherever it opens. */
class ManagementSurfaceIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String h2() {
        return "jdbc:h2:mem:mgmt-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static int status(String url, String basicAuth) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (basicAuth != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
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
            assertThatThrownBy(() -> new java.net.Socket("localhost", 8778).close()).as("no Jolokia agent").isInstanceOf(IOException.class);
        }
    }

    @Test
    void jolokiaAndRemoteJmxRefuseToStartWithoutCredentials() {
        assertThatThrownBy(() -> WorkerApp.start(h2(), "sa", "", Map.of("camel.component.jolokia.enabled", true)))
                .hasStackTraceContaining("Jolokia never runs without credentials");
        assertThatThrownBy(() -> WorkerApp.start(h2(), "sa", "", Map.of("monitoring.jmx.remote.port", 0)))
                .hasStackTraceContaining("remote JMX never runs without credentials");
    }

    @Test
    void jolokiaWithCredentialsAsksForThem() throws Exception {
        int port = freePort();
        try (ConfigurableApplicationContext app = WorkerApp.start(h2(), "sa", "", Map.of("camel.component.jolokia.enabled", true,
                "camel.component.jolokia.server-config.port", port, "camel.component.jolokia.server-config.user", "ops",
                "camel.component.jolokia.server-config.password", "jolokia-secret"))) {
            String url = "http://localhost:" + port + "/jolokia/version";
            assertThat(status(url, null)).isEqualTo(401);
            assertThat(status(url, "ops:wrong")).isEqualTo(401);
            assertThat(status(url, "ops:jolokia-secret")).isEqualTo(200);
        }
    }

    @Test
    void remoteJmxWithCredentialsManagesRoutes() throws Exception {
        int port = freePort();
        try (ConfigurableApplicationContext app = WorkerApp.start(h2(), "sa", "", Map.of("monitoring.jmx.remote.port", port,
                "monitoring.jmx.remote.username", "ops", "monitoring.jmx.remote.password", "jmx-secret"))) {
            JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://localhost:" + port + "/jmxrmi");
            assertThatThrownBy(() -> JMXConnectorFactory.connect(url, Map.of(JMXConnector.CREDENTIALS, new String[]{"ops", "wrong"})))
                    .isInstanceOf(SecurityException.class);
            try (JMXConnector jmx = JMXConnectorFactory.connect(url, Map.of(JMXConnector.CREDENTIALS, new String[]{"ops", "jmx-secret"}))) {
                MBeanServerConnection server = jmx.getMBeanServerConnection();
                ObjectName route = server.queryNames(new ObjectName("org.apache.camel:type=routes,name=\"reap-expired-leases\",*"), null)
                        .iterator().next();
                assertThat(server.getAttribute(route, "State")).isEqualTo("Started");
                server.invoke(route, "stop", null, null);
                assertThat(server.getAttribute(route, "State")).isEqualTo("Stopped");
                server.invoke(route, "start", null, null);
                assertThat(server.getAttribute(route, "State")).isEqualTo("Started");
            }
        }
    }
}

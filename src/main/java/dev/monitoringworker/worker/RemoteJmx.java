package dev.monitoringworker.worker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.management.remote.JMXAuthenticator;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXPrincipal;
import javax.management.remote.JMXServiceURL;
import javax.security.auth.Subject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.UnicastRemoteObject;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.Map;

/**
 * Remote JMX over RMI on one configured port (registry and connector share it), off unless a port is set,
 * and then only with a user name and password: {@code service:jmx:rmi:///jndi/rmi://host:port/jmxrmi}.
 */
public class RemoteJmx implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteJmx.class);

    private final Registry registry;
    private final JMXConnectorServer server;

    private RemoteJmx(Registry registry, JMXConnectorServer server) {
        this.registry = registry;
        this.server = server;
    }

    /** @throws IllegalStateException when a port is set without credentials */
    public static RemoteJmx start(int port, String user, String password) throws IOException {
        if (user == null || user.isBlank() || password == null || password.isBlank()) {
            throw new IllegalStateException("monitoring.jmx.remote.port is set, so monitoring.jmx.remote.username and "
                    + "monitoring.jmx.remote.password are required: remote JMX never runs without credentials");
        }
        Registry registry = LocateRegistry.createRegistry(port);
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://localhost:" + port + "/jndi/rmi://localhost:" + port + "/jmxrmi");
        JMXAuthenticator authenticator = credentials -> {
            if (credentials instanceof String[] pair && pair.length == 2
                    && MessageDigest.isEqual(user.getBytes(StandardCharsets.UTF_8), String.valueOf(pair[0]).getBytes(StandardCharsets.UTF_8))
                    && MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8), String.valueOf(pair[1]).getBytes(StandardCharsets.UTF_8))) {
                return new Subject(true, Collections.singleton(new JMXPrincipal(user)), Collections.emptySet(), Collections.emptySet());
            }
            throw new SecurityException("remote JMX: wrong user name or password");
        };
        JMXConnectorServer server = JMXConnectorServerFactory.newJMXConnectorServer(url,
                Map.of(JMXConnectorServer.AUTHENTICATOR, authenticator), ManagementFactory.getPlatformMBeanServer());
        server.start();
        LOG.info("Remote JMX listening on port {} (user {})", port, user);
        return new RemoteJmx(registry, server);
    }

    @Override
    public void close() throws IOException {
        server.stop();
        UnicastRemoteObject.unexportObject(registry, true);
    }
}

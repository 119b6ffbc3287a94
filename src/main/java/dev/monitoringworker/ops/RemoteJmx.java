package dev.monitoringworker.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.management.remote.JMXAuthenticator;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;
import javax.management.remote.rmi.RMIJRMPServerImpl;
import javax.net.ssl.SSLContext;
import javax.rmi.ssl.SslRMIClientSocketFactory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.rmi.AlreadyBoundException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.RMIClientSocketFactory;
import java.rmi.server.RMIServerSocketFactory;
import java.rmi.server.RemoteServer;
import java.rmi.server.ServerNotActiveException;
import java.rmi.server.UnicastRemoteObject;
import java.util.HashMap;
import java.util.Map;

/**
 * Remote JMX over RMI on one configured port (registry and connector share it), off unless a port is set. It
 * listens on loopback unless another address is configured, and then only over TLS. Users sign in as on the status
 * page ({@link ManagementLogin}); what they may do is {@link ManagementPolicy}'s, enforced by {@link GuardedMBeanServer}:
 * {@code service:jmx:rmi:///jndi/rmi://host:port/jmxrmi}.
 */
public class RemoteJmx implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteJmx.class);

    private final Registry registry;
    private final JMXConnectorServer server;

    private RemoteJmx(Registry registry, JMXConnectorServer server) {
        this.registry = registry;
        this.server = server;
    }

    /**
     * @param tls null for plain RMI, which only a loopback address may use
     * @throws IllegalStateException when a non-loopback address is configured without TLS
     */
    public static RemoteJmx start(String host, int port, SSLContext tls, ManagementLogin login) throws IOException {
        InetAddress address = InetAddress.getByName(host);
        if (tls == null && !address.isLoopbackAddress()) {
            throw new IllegalStateException("monitoring.jmx.remote.host=" + host + " is not a loopback address, so remote JMX needs TLS: "
                    + "set monitoring.jmx.remote.ssl-bundle to a spring.ssl.bundle holding the worker's key and certificate");
        }
        if (address.isLoopbackAddress() && System.getProperty("java.rmi.server.hostname") == null) {
            // the stubs handed to clients name this address, the only one listened on
            System.setProperty("java.rmi.server.hostname", address.getHostAddress());
        }
        RMIServerSocketFactory serverSockets = new BoundServerSockets(address, tls);
        RMIClientSocketFactory clientSockets = tls == null ? null : new SslRMIClientSocketFactory();
        Registry registry = LocateRegistry.createRegistry(port, clientSockets, serverSockets);
        JMXAuthenticator authenticator = credentials -> {
            if (credentials instanceof String[] pair && pair.length == 2) {
                var subject = login.signIn("jmx", pair[0], pair[1], clientHost());
                if (subject.isPresent()) {
                    return subject.get();
                }
            }
            throw new SecurityException("remote JMX: wrong user name or password, or too many failed sign-ins");
        };
        Map<String, Object> environment = new HashMap<>();
        environment.put(JMXConnectorServer.AUTHENTICATOR, authenticator);
        // the connector's stub goes straight into this process's registry, as the JDK's own agent does: no JNDI round trip
        RMIJRMPServerImpl connector = new RMIJRMPServerImpl(port, clientSockets, serverSockets, environment);
        String where = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        // no JNDI path: start() binds nothing; clients still use service:jmx:rmi:///jndi/rmi://host:port/jmxrmi
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://" + where + ":" + port);
        JMXConnectorServer server = new RMIConnectorServer(url, environment, connector, ManagementFactory.getPlatformMBeanServer());
        server.setMBeanServerForwarder(GuardedMBeanServer.create());
        server.start();
        try {
            registry.bind("jmxrmi", connector.toStub());
        } catch (AlreadyBoundException impossible) {
            throw new IllegalStateException(impossible);
        }
        LOG.info("Remote JMX listening on {}:{}{}", address.getHostAddress(), port, tls == null ? "" : " over TLS");
        return new RemoteJmx(registry, server);
    }

    private static String clientHost() {
        try {
            return RemoteServer.getClientHost();
        } catch (ServerNotActiveException notInCall) {
            return "unknown";
        }
    }

    @Override
    public void close() throws IOException {
        server.stop();
        UnicastRemoteObject.unexportObject(registry, true);
    }

    /** Server sockets on one address, plain or TLS; equal instances let the registry and connector share the port. */
    private record BoundServerSockets(InetAddress address, SSLContext tls) implements RMIServerSocketFactory {
        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            ServerSocket socket = tls == null ? new ServerSocket() : tls.getServerSocketFactory().createServerSocket();
            socket.bind(new InetSocketAddress(address, port), 50);
            return socket;
        }
    }
}

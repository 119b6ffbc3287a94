package dev.monitoringworker.ops;

import org.springframework.core.env.Environment;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * What the worker exposes besides its work: actuator health, info and prometheus on the management port; Jolokia
 * and remote JMX only when configured, and then only for configured users, through {@link ManagementPolicy}, on
 * loopback unless TLS protects them. Checked at start: a setting that would open more stops the start, naming it.
 */
public record ManagementSurface(boolean jolokia, boolean remoteJmx) {

    private static final String JOLOKIA = "camel.component.jolokia.";
    private static final String SERVER = JOLOKIA + "server-config.";

    /** @throws IllegalStateException naming the property that would open more than the policy allows */
    public static ManagementSurface checked(Environment env) {
        for (String retired : new String[]{"monitoring.jmx.remote.username", "monitoring.jmx.remote.password", SERVER + "user", SERVER + "password"}) {
            if (!env.getProperty(retired, "").isBlank()) {
                throw new IllegalStateException(retired + " is no longer used: remote JMX and Jolokia sign in the users of monitoring.api.users "
                        + "(viewer reads, operator and admin also manage routes and the worker); remove it");
            }
        }
        boolean jolokia = env.getProperty(JOLOKIA + "enabled", Boolean.class, true);
        if (jolokia) {
            require(env, SERVER + "restrictorClass", JolokiaRestrictor.class.getName());
            require(env, SERVER + "authClass", JolokiaLogin.class.getName());
            require(env, SERVER + "discoveryEnabled", "false");
            String host = env.getProperty(SERVER + "host", "0.0.0.0");
            if (!loopback(host) && !"https".equalsIgnoreCase(env.getProperty(SERVER + "protocol", "http"))) {
                throw new IllegalStateException(SERVER + "host=" + host + " is not a loopback address, so Jolokia needs TLS: set "
                        + SERVER + "protocol=https with its serverCert/serverKey (or keystore) settings");
            }
            if (env.getProperty(JOLOKIA + "expose-application-context", Boolean.class, false)) {
                throw new IllegalStateException(JOLOKIA + "expose-application-context=true would let Jolokia call any Spring bean: keep it false");
            }
        }
        return new ManagementSurface(jolokia, env.containsProperty("monitoring.jmx.remote.port"));
    }

    private static void require(Environment env, String key, String value) {
        if (!value.equals(env.getProperty(key))) {
            throw new IllegalStateException(key + " must be " + value + " (as in the packaged application.yaml) when Jolokia is enabled");
        }
    }

    static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

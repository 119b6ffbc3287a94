package dev.monitoringworker.security;

import org.springframework.core.env.Environment;

/**
 * What the worker exposes besides its work: actuator health, info and prometheus on the management port;
 * Jolokia and remote JMX only when configured, and then never without credentials. Checked at start.
 */
public record ManagementSurface(boolean jolokia, boolean remoteJmx) {

    /** @throws IllegalStateException when Jolokia is enabled without user and password */
    public static ManagementSurface checked(Environment env) {
        boolean jolokia = env.getProperty("camel.component.jolokia.enabled", Boolean.class, true);
        if (jolokia && (env.getProperty("camel.component.jolokia.server-config.user", "").isBlank()
                || env.getProperty("camel.component.jolokia.server-config.password", "").isBlank())) {
            throw new IllegalStateException("camel.component.jolokia.enabled=true needs camel.component.jolokia.server-config.user "
                    + "and .password: Jolokia never runs without credentials");
        }
        return new ManagementSurface(jolokia, env.containsProperty("monitoring.jmx.remote.port"));
    }
}

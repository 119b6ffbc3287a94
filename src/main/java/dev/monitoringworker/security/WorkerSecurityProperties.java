package dev.monitoringworker.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Sign-ins, plaintext connection strings and the key ring ({@code monitoring.security.*}).
 *
 * @param logins          sign-in throttling of the page, the API, JMX and Jolokia
 * @param allowPlaintext  connection strings stored in plaintext still run, flagged in every result (the embedded demo's default); the postgresql and sqlserver profiles set it false
 * @param keyRing         the AES-256 key ring's text itself, e.g. from the environment variable MONITORING_SECURITY_KEY_RING: lines keyId=base64key and active=keyId
 * @param keyRingFile     the AES-256 key ring as a mounted file, re-read when it changes; takes precedence over key-ring
 */
@Validated
@ConfigurationProperties("monitoring.security")
public record WorkerSecurityProperties(
        @DefaultValue @Valid Logins logins,
        @DefaultValue("true") boolean allowPlaintext,
        @DefaultValue("") String keyRingFile,
        @DefaultValue("") String keyRing) {

    /**
     * After max-failures failed sign-ins for a user name, or from a client address, its sign-ins are refused until
     * window passes without another failure.
     *
     * @param maxFailures failed sign-ins (page, API, JMX, Jolokia) for a user name, or from a client address, after which its sign-ins are refused
     * @param window      how long sign-ins stay refused after the last failure
     */
    public record Logins(@DefaultValue("5") @Positive int maxFailures, @DefaultValue("15m") Duration window) {
    }
}

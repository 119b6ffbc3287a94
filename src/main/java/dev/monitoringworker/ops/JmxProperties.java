package dev.monitoringworker.ops;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Remote JMX ({@code monitoring.jmx.*}): off until remote.port is set.
 *
 * @param remote JMX over RMI on one port; the users of monitoring.api.users sign in
 */
@Validated
@ConfigurationProperties("monitoring.jmx")
public record JmxProperties(@DefaultValue @Valid Remote remote) {

    /**
     * @param port      remote JMX over RMI on this one port (0: any free one); unset leaves remote JMX off
     * @param host      the address remote JMX listens on; any other than loopback needs ssl-bundle
     * @param sslBundle a spring.ssl.bundle name: remote JMX over TLS
     */
    public record Remote(@PositiveOrZero @Max(65535) Integer port, @DefaultValue("127.0.0.1") @NotBlank String host, @DefaultValue("") String sslBundle) {
    }
}

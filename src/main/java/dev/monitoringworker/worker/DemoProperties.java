package dev.monitoringworker.worker;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The embedded demo ({@code monitoring.demo.*}, routes/demo.camel.yaml).
 *
 * @param enabled          register the embedded store as a demo connection and a queue-depth query; on every store but H2 always off
 * @param connectionString the demo connection's connection string
 */
@Validated
@ConfigurationProperties("monitoring.demo")
public record DemoProperties(@DefaultValue("true") boolean enabled, @DefaultValue("") String connectionString) {
}

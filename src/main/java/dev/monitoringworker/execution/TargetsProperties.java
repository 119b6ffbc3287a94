package dev.monitoringworker.execution;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The monitored databases ({@code monitoring.targets.*}).
 *
 * @param breaker          a circuit breaker per connection
 * @param poolIdleSeconds  a connection's pool that no run used for this long is closed
 * @param h2Enabled        whether Provider H2 connections may run (SQL that can call Java on the worker's host); unset: with the embedded H2 store only
 */
@Validated
@ConfigurationProperties("monitoring.targets")
public record TargetsProperties(
        @DefaultValue @Valid Breaker breaker,
        @DefaultValue("600") @Positive long poolIdleSeconds,
        Boolean h2Enabled) {

    /**
     * After {@code failures} target faults in a row (no connection, no answer, connection dropped; a refused login
     * at once) runs on the connection are skipped as Error results for open-seconds, then one run probes; each failed
     * probe doubles the wait, up to max-open-seconds.
     *
     * @param failures       target faults in a row (no connection, no answer, connection dropped) that open a connection's circuit breaker; a refused login opens it at once
     * @param openSeconds    how long runs on a connection with an open breaker are skipped as Error results before one run probes
     * @param maxOpenSeconds cap of that wait, which each failed probe doubles
     */
    public record Breaker(
            @DefaultValue("3") @Positive int failures,
            @DefaultValue("30") @Positive long openSeconds,
            @DefaultValue("600") @Positive long maxOpenSeconds) {
    }
}

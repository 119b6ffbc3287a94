package dev.monitoringworker.worker;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The heartbeat ({@code monitoring.heartbeat.*}).
 *
 * @param intervalMs heartbeat and lease extension tick
 */
@Validated
@ConfigurationProperties("monitoring.heartbeat")
public record HeartbeatProperties(@DefaultValue("10000") @Positive long intervalMs) {
}

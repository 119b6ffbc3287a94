package dev.monitoringworker.store;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The store ({@code monitoring.store.*}); its connection is {@code spring.datasource.*}.
 *
 * @param dialect            h2, postgresql or sqlserver; derived from spring.datasource.url, set only to override
 * @param retries            how many times a failed store statement or batch transaction (not a claim) is tried again, 50 ms doubling to 1 s
 * @param startupWaitSeconds how long the start-up schema check (Flyway) is tried again while the store drops the connection, 1 s doubling to 30 s
 */
@Validated
@ConfigurationProperties("monitoring.store")
public record StoreProperties(
        String dialect,
        @DefaultValue("10") @PositiveOrZero @Max(1000) int retries,
        @DefaultValue("300") @PositiveOrZero long startupWaitSeconds) {
}

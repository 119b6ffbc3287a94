package dev.monitoringworker.alert;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Alert rule defaults for queries whose rule columns are NULL ({@code monitoring.alerts.*}); the ranges and their
 * relations (low below high, window at least hard-after) are checked as a query's own columns are.
 *
 * @param hardAfter             problem runs in a row before a state turns hard
 * @param flapWindow            runs looked at for flapping
 * @param flapLowPercent        share of state changes among them below which flapping ends
 * @param flapHighPercent       share of state changes among them above which flapping starts
 * @param staleAfterIntervals   intervals without a run before an alert is Stale
 * @param staleCheckIntervalMs  how often each worker looks for alerts whose runs stopped
 */
@Validated
@ConfigurationProperties("monitoring.alerts")
public record AlertsProperties(
        @DefaultValue("3") @Positive int hardAfter,
        @DefaultValue("20") @Positive int flapWindow,
        @DefaultValue("20") double flapLowPercent,
        @DefaultValue("30") double flapHighPercent,
        @DefaultValue("3") @Positive double staleAfterIntervals,
        @DefaultValue("15000") @Positive long staleCheckIntervalMs) {
}

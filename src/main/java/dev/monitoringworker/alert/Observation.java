package dev.monitoringworker.alert;

import dev.monitoringworker.threshold.ResultStatus;

import java.time.Instant;

/** One run's verdict on one alert key: the result row's status, its value (when it had one) and when it ran. */
public record Observation(Instant at, ResultStatus status, Double value, String message) {
}

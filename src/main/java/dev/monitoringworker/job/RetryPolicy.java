package dev.monitoringworker.job;

import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed job is tried again: {@code base * 2^(attempt-1)} seconds, capped, with +/-20% jitter so that
 * jobs failed together do not return together.
 */
public record RetryPolicy(int baseSeconds, int maxSeconds) {

    public long backoffSeconds(int attempt) {
        double delay = Math.min((double) maxSeconds, baseSeconds * Math.pow(2, Math.max(0, attempt - 1)));
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Math.max(1L, Math.round(delay * jitter));
    }
}

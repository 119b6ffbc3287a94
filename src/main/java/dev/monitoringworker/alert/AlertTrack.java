package dev.monitoringworker.alert;

import java.time.Instant;

/**
 * The stored state of one alert. {@code state} is the hard state; {@code pending} the problem state the last
 * runs propose and {@code pendingCount} how many in a row did (soft); {@code dataState} the last hard state that
 * real data gave, the reference for hysteresis (an Unknown or Stale spell in between is not a recovery);
 * {@code history} the letters of the last runs' proposed states, newest last, for flapping.
 */
public record AlertTrack(AlertState state, AlertState pending, int pendingCount, AlertState dataState, boolean flapping,
                         String history, Instant since, Instant lastSeenAt, long sequence) {

    /** An alert never seen before: Ok, with no history. */
    public static AlertTrack fresh(Instant at) {
        return new AlertTrack(AlertState.Ok, null, 0, AlertState.Ok, false, "", at, null, 0);
    }
}

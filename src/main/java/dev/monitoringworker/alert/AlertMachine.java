package dev.monitoringworker.alert;

import dev.monitoringworker.threshold.ResultStatus;
import dev.monitoringworker.threshold.Thresholds;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The alert state machine. Pure: a track and a rule set in, the next track and its events out.
 * <ul>
 *   <li>A run proposes a state: Unknown for Error/Timeout, otherwise its thresholds' verdict held back by the
 *   recovery limits while the last data state was worse.</li>
 *   <li>Back to Ok is immediate (on real data only). From Ok into a problem state, and into Unknown from any state,
 *   takes {@code hardAfter} problem runs in a row (soft until then, counted across problem states); from one hard
 *   problem state to a data state (Warning, Critical) is immediate.</li>
 *   <li>Stale and NoData come from time and absence, not from runs, and are hard at once.</li>
 *   <li>While flapping, changes are recorded but not notified; flapping's start and end are.</li>
 * </ul>
 */
public final class AlertMachine {

    /** The next track and what happened on the way. */
    public record Step(AlertTrack track, List<AlertEvent> events) {
    }

    private AlertMachine() {
    }

    public static Step observe(AlertTrack track, AlertRules rules, Observation run) {
        AlertState proposed = propose(track.dataState(), rules, run);
        String history = append(track.history(), proposed, rules.flapWindow());
        List<AlertEvent> events = new ArrayList<>();
        long sequence = track.sequence();
        boolean flapping = track.flapping();
        double share = changeShare(history, rules.flapWindow());
        if (!flapping && share >= rules.flapHigh()) {
            flapping = true;
            events.add(new AlertEvent(++sequence, AlertEvent.Kind.FlappingStarted, track.state(), track.state(), run.at(), true,
                    String.format("flapping: %.0f%% state changes over the last %d runs", share * 100, rules.flapWindow())));
        } else if (flapping && share < rules.flapLow()) {
            flapping = false;
            events.add(new AlertEvent(++sequence, AlertEvent.Kind.FlappingStopped, track.state(), track.state(), run.at(), true,
                    String.format("no longer flapping: %.0f%% state changes over the last %d runs", share * 100, rules.flapWindow())));
        }
        AlertState state = track.state();
        AlertState pending = null;
        int pendingCount = 0;
        if (proposed != state) {
            boolean immediate = proposed == AlertState.Ok || state.isProblem() && proposed != AlertState.Unknown;
            if (!immediate) {
                pending = proposed;
                pendingCount = track.pending() != null ? track.pendingCount() + 1 : 1;
            }
            if (immediate || pendingCount >= rules.hardAfter()) {
                events.add(new AlertEvent(++sequence, AlertEvent.Kind.StateChanged, state, proposed, run.at(), !flapping,
                        reason(proposed, run, immediate ? 1 : pendingCount)));
                state = proposed;
                pending = null;
                pendingCount = 0;
            }
        }
        Instant since = state == track.state() ? track.since() : run.at();
        AlertState dataState = isData(state) ? state : track.dataState();
        return new Step(new AlertTrack(state, pending, pendingCount, dataState, flapping, history, since, run.at(), sequence), events);
    }

    /** Stale once no run has been seen for {@code staleMultiple} intervals; nothing changes otherwise. */
    public static Step checkStale(AlertTrack track, AlertRules rules, Duration interval, Instant now) {
        Instant last = track.lastSeenAt() != null ? track.lastSeenAt() : track.since();
        Duration allowed = Duration.ofMillis((long) (interval.toMillis() * rules.staleMultiple()));
        if (track.state() == AlertState.Stale || track.state() == AlertState.NoData || last.plus(allowed).isAfter(now)) {
            return new Step(track, List.of());
        }
        return absent(track, AlertState.Stale, now, "no run for " + Duration.between(last, now).toSeconds() + " s, more than "
                + rules.staleMultiple() + " × the " + interval.toSeconds() + " s interval");
    }

    /** A DataSet row key the latest run no longer returned. */
    public static Step vanished(AlertTrack track, Instant at) {
        if (track.state() == AlertState.NoData) {
            return new Step(track, List.of());
        }
        return absent(track, AlertState.NoData, at, "the key is no longer among the rows the query returns");
    }

    /** An open alert whose connection or query is gone or switched off: closed (Ok), saying why; an Ok one stays as it is. */
    public static Step closed(AlertTrack track, Instant at, String reason) {
        if (track.state() == AlertState.Ok) {
            return new Step(track, List.of());
        }
        return absent(track, AlertState.Ok, at, reason);
    }

    private static Step absent(AlertTrack track, AlertState to, Instant at, String reason) {
        AlertEvent event = new AlertEvent(track.sequence() + 1, AlertEvent.Kind.StateChanged, track.state(), to, at, !track.flapping(), reason);
        AlertTrack next = new AlertTrack(to, null, 0, track.dataState(), track.flapping(), track.history(), at, track.lastSeenAt(),
                track.sequence() + 1);
        return new Step(next, List.of(event));
    }

    /** What one run says, with the recovery limits holding a worse data state until the value has really come back. */
    static AlertState propose(AlertState dataState, AlertRules rules, Observation run) {
        if (run.status() == ResultStatus.Error || run.status() == ResultStatus.Timeout) {
            return AlertState.Unknown;
        }
        if (run.value() == null) {
            return AlertState.valueOf(run.status().name());
        }
        Thresholds t = rules.thresholds();
        AlertState judged = AlertState.valueOf(t.judge(run.value()).name());
        if (dataState == AlertState.Critical && judged != AlertState.Critical && rules.criticalRecovery() != null
                && t.operator().breached(run.value(), rules.criticalRecovery())) {
            return AlertState.Critical;
        }
        if ((dataState == AlertState.Critical || dataState == AlertState.Warning) && judged == AlertState.Ok
                && rules.warningRecovery() != null && t.operator().breached(run.value(), rules.warningRecovery())) {
            return AlertState.Warning;
        }
        return judged;
    }

    private static boolean isData(AlertState s) {
        return s == AlertState.Ok || s == AlertState.Warning || s == AlertState.Critical;
    }

    static String append(String history, AlertState proposed, int window) {
        String h = history + proposed.letter();
        return h.length() > window ? h.substring(h.length() - window) : h;
    }

    /** The share of runs whose proposed state differs from the run before, over a full window; 0 until the window is full. */
    static double changeShare(String history, int window) {
        if (history.length() < window) {
            return 0;
        }
        int changes = 0;
        for (int i = 1; i < history.length(); i++) {
            if (history.charAt(i) != history.charAt(i - 1)) {
                changes++;
            }
        }
        return (double) changes / (history.length() - 1);
    }

    private static String reason(AlertState to, Observation run, int runs) {
        String what = run.message() == null || run.message().isBlank() ? run.status().name() : run.message();
        return switch (to) {
            case Ok -> "recovered: " + what;
            case Unknown -> "the query fails (" + runs + " run(s) in a row): " + what;
            default -> what + (runs > 1 ? " (" + runs + " runs in a row)" : "");
        };
    }
}

package dev.monitoringworker.alert;

import dev.monitoringworker.store.Row;
import dev.monitoringworker.threshold.ComparisonOperator;
import dev.monitoringworker.threshold.Thresholds;
import dev.monitoringworker.threshold.ValueKind;

/**
 * A query's alerting rules. Recovery limits give hysteresis: a Critical (Warning) alert clears only once the value
 * no longer breaches {@code criticalRecovery} ({@code warningRecovery}); absent, the threshold itself is the
 * limit. {@code hardAfter} consecutive problem runs turn a state hard (Icinga's max check attempts); a share of
 * state changes of at least {@code flapHigh} over the last {@code flapWindow} runs starts flapping, below
 * {@code flapLow} ends it. An alert is Stale once no run has been seen for {@code staleMultiple} intervals.
 * A DataSet query with {@code keyColumn} and {@code valueColumn} also has one alert per key its rows return,
 * judged on that row's value; a key that is no longer returned goes NoData. A {@code counter} query (ValueKind
 * Counter) is judged on its per-second rate; a run without a rate (a first reading, a reset) changes no alert.
 */
public record AlertRules(Thresholds thresholds, Double warningRecovery, Double criticalRecovery, int hardAfter,
                         int flapWindow, double flapLow, double flapHigh, double staleMultiple, String keyColumn, String valueColumn,
                         boolean counter) {

    public static final int HARD_AFTER = 3;
    public static final int FLAP_WINDOW = 20;
    public static final double FLAP_LOW = 0.20;
    public static final double FLAP_HIGH = 0.30;
    public static final double STALE_MULTIPLE = 3.0;
    /** AlertStates.History keeps one letter per run of the flap window, in a column this wide on every store. */
    public static final int HISTORY_WIDTH = 100;

    public AlertRules {
        if (hardAfter < 1) {
            throw new IllegalArgumentException("HardAfter " + hardAfter + " must be at least 1");
        }
        if (flapWindow < 2 || flapWindow > HISTORY_WIDTH) {
            throw new IllegalArgumentException("FlapWindow " + flapWindow + " must be between 2 and " + HISTORY_WIDTH
                    + " runs: AlertStates.History keeps one letter per run and holds " + HISTORY_WIDTH);
        }
        if (!(0 <= flapLow && flapLow <= flapHigh && flapHigh <= 1)) {
            throw new IllegalArgumentException(String.format("FlapLowPercent %.0f and FlapHighPercent %.0f must satisfy 0 <= FlapLowPercent <= FlapHighPercent <= 100",
                    flapLow * 100, flapHigh * 100));
        }
        if (!(staleMultiple > 1)) {
            throw new IllegalArgumentException("StaleAfterIntervals " + staleMultiple + " must be above 1: a run that is merely due is not stale");
        }
        if ((keyColumn == null) != (valueColumn == null)) {
            throw new IllegalArgumentException(keyColumn == null ? "AlertValueColumn '" + valueColumn + "' needs an AlertKeyColumn"
                    : "AlertKeyColumn '" + keyColumn + "' needs an AlertValueColumn");
        }
        checkRecovery("WarningRecovery", warningRecovery, "WarningThreshold", thresholds.warning(), thresholds.operator());
        checkRecovery("CriticalRecovery", criticalRecovery, "CriticalThreshold", thresholds.critical(), thresholds.operator());
    }

    /** The defaults for a query's thresholds: no hysteresis, hard after 3, flapping over 20 runs at 20–30%, stale after 3 intervals. */
    public static AlertRules defaults(Thresholds thresholds) {
        return new AlertRules(thresholds, null, null, HARD_AFTER, FLAP_WINDOW, FLAP_LOW, FLAP_HIGH, STALE_MULTIPLE, null, null, false);
    }

    /** The worker's defaults for NULL rule columns, from monitoring.alerts.*; thresholds always come from the query's own row. */
    public static AlertRules configured(AlertsProperties alerts) {
        try {
            return new AlertRules(Thresholds.NONE, null, null, alerts.hardAfter(), alerts.flapWindow(),
                    alerts.flapLowPercent() / 100, alerts.flapHighPercent() / 100, alerts.staleAfterIntervals());
        } catch (IllegalArgumentException e) {
            // the worker does not start on a value that would make every alert write fail
            throw new IllegalStateException("monitoring.alerts.*: " + e.getMessage()
                    .replace("HardAfter", "hard-after").replace("FlapWindow", "flap-window")
                    .replace("FlapLowPercent", "flap-low-percent").replace("FlapHighPercent", "flap-high-percent")
                    .replace("StaleAfterIntervals", "stale-after-intervals"), e);
        }
    }

    /** The same rules without per-key alerts: worker-wide defaults and tests. */
    public AlertRules(Thresholds thresholds, Double warningRecovery, Double criticalRecovery, int hardAfter, int flapWindow, double flapLow,
                      double flapHigh, double staleMultiple) {
        this(thresholds, warningRecovery, criticalRecovery, hardAfter, flapWindow, flapLow, flapHigh, staleMultiple, null, null, false);
    }

    public boolean keyed() {
        return keyColumn != null;
    }

    /**
     * The rules of a DatabaseQueries row: its thresholds and operator, and the optional rule columns (WarningRecovery,
     * CriticalRecovery, HardAfter, FlapLowPercent, FlapHighPercent, StaleAfterIntervals, AlertKeyColumn,
     * AlertValueColumn) and its ValueKind; NULL takes {@code defaults}.
     *
     * @throws IllegalArgumentException naming the column whose value cannot be used
     */
    public static AlertRules from(Row query, AlertRules defaults) {
        Thresholds thresholds = Thresholds.of(query.decimal("WarningThreshold"), query.decimal("CriticalThreshold"),
                query.string("ComparisonOperator"));
        Integer hardAfter = query.integer("HardAfter");
        Double low = query.decimal("FlapLowPercent");
        Double high = query.decimal("FlapHighPercent");
        Double stale = query.decimal("StaleAfterIntervals");
        for (String percent : new String[]{"FlapLowPercent", "FlapHighPercent"}) {
            Double v = query.decimal(percent);
            if (v != null && !(v >= 0 && v <= 100)) {
                throw new IllegalArgumentException(percent + " " + v + " must be a percentage between 0 and 100");
            }
        }
        return new AlertRules(thresholds, query.decimal("WarningRecovery"), query.decimal("CriticalRecovery"),
                hardAfter != null ? hardAfter : defaults.hardAfter(), defaults.flapWindow(),
                low != null ? low / 100 : defaults.flapLow(), high != null ? high / 100 : defaults.flapHigh(),
                stale != null ? stale : defaults.staleMultiple(), blankAsNull(query.string("AlertKeyColumn")),
                blankAsNull(query.string("AlertValueColumn")), ValueKind.parse(query.string("ValueKind")) == ValueKind.Counter);
    }

    private static String blankAsNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** A recovery limit lies on the good side of its threshold: otherwise the alert would clear before it was raised. */
    private static void checkRecovery(String name, Double recovery, String thresholdName, Double threshold, ComparisonOperator op) {
        if (recovery == null) {
            return;
        }
        if (threshold == null) {
            throw new IllegalArgumentException(name + " " + recovery + " needs a " + thresholdName);
        }
        boolean wrongSide = switch (op) {
            case GREATER_THAN, GREATER_THAN_OR_EQUAL -> recovery > threshold;
            case LESS_THAN, LESS_THAN_OR_EQUAL -> recovery < threshold;
            case EQUAL, NOT_EQUAL -> true;
        };
        if (wrongSide) {
            throw new IllegalArgumentException(name + " " + recovery + " must lie on the good side of " + thresholdName + " " + threshold
                    + " for ComparisonOperator " + op + (op == ComparisonOperator.EQUAL || op == ComparisonOperator.NOT_EQUAL
                    ? ": Equal and NotEqual take no recovery limits" : ""));
        }
    }
}

package dev.monitoringworker.threshold;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns readings of a cumulative counter into per-second rates between consecutive runs. A reading below the
 * previous one is a reset (the server restarted, the counter was cleared): that run has no rate, rather than a
 * spike or a negative rate, and the next run's rate starts from the new reading. The first reading has no rate
 * either. A run without a rate is Ok with no value, and changes no alert. Pure: no I/O, no framework types.
 */
public final class Counters {

    private Counters() {
    }

    /** The rate of one counter between two readings, or why there is none. */
    record Rate(Double perSecond, String note) {
    }

    static Rate between(CounterSample previous, double value, long atMs) {
        if (previous == null) {
            return new Rate(null, "first reading of the counter (" + format(value) + "); the rate follows from the next run");
        }
        if (value < previous.value()) {
            return new Rate(null, "the counter went from " + format(previous.value()) + " to " + format(value)
                    + " (a reset, e.g. a server restart): no rate this run; the next one starts from " + format(value));
        }
        long ms = atMs - previous.atMs();
        if (ms <= 0) {
            return new Rate(null, "the previous reading of the counter is not older than this one: no rate this run");
        }
        double perSecond = (value - previous.value()) * 1000.0 / ms;
        return new Rate(perSecond, "per second: the counter went from " + format(previous.value()) + " to " + format(value)
                + " in " + String.format(java.util.Locale.ROOT, "%.1f", ms / 1000.0) + " s");
    }

    /**
     * A query's one counter.
     *
     * @param raw      the run evaluated without thresholds: its value is the counter's reading
     * @param previous the stored readings of this (connection, query), by RowKey ("" for this one)
     */
    public static CounterReading of(Evaluation raw, Thresholds thresholds, Map<String, CounterSample> previous, long nowMs) {
        if (raw.failed()) {
            return new CounterReading(raw, List.of(), Map.of());
        }
        if (raw.value() == null) {
            String got = raw.text() != null ? "text '" + abbreviate(raw.text()) + "'" : raw.reason();
            return new CounterReading(Evaluation.failure(ResultStatus.Error,
                    "ValueKind Counter needs a number to take a rate of, but the query returned " + got), List.of(), Map.of());
        }
        double value = raw.value();
        CounterSample last = previous.get("");
        Rate rate = between(last, value, nowMs);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("value", value);
        if (last != null) {
            details.put("previous", last.value());
            details.put("seconds", (nowMs - last.atMs()) / 1000.0);
        }
        details.put("perSecond", rate.perSecond());
        Evaluation evaluation;
        if (rate.perSecond() == null) {
            evaluation = new Evaluation(ResultStatus.Ok, null, raw.text(), raw.rowCount(), rate.note(), raw.rows(), raw.truncated());
        } else {
            Evaluation judged = ThresholdEvaluator.judged(thresholds, rate.perSecond(), raw.text(), raw.rowCount(), raw.rows(), raw.truncated());
            evaluation = new Evaluation(judged.status(), judged.value(), judged.text(), judged.rowCount(), judged.reason() + "; " + rate.note(),
                    judged.rows(), judged.truncated());
        }
        return new CounterReading(evaluation, List.of(new CounterSample("", value, nowMs)), Map.of("counter", details));
    }

    /**
     * A DataSet query's counters, one per key (AlertKeyColumn) in its value column (AlertValueColumn): the run's
     * own evaluation is kept, and Details gains {@code rates}, one per kept row (null: no rate for that row).
     */
    public static CounterReading ofKeys(Evaluation evaluation, String keyColumn, String valueColumn, Map<String, CounterSample> previous,
                                        long nowMs) {
        if (evaluation.failed()) {
            return new CounterReading(evaluation, List.of(), Map.of());
        }
        Map<String, CounterSample> readings = new LinkedHashMap<>();
        List<Double> rates = new ArrayList<>();
        for (Map<String, Object> row : evaluation.rows()) {
            String rowKey = Cells.rowKey(Cells.cell(row, keyColumn));
            Double value = ThresholdEvaluator.toNumber(Cells.cell(row, valueColumn));
            if (rowKey == null || value == null || readings.containsKey(rowKey)) {
                rates.add(null);
                continue;
            }
            readings.put(rowKey, new CounterSample(rowKey, value, nowMs));
            rates.add(between(previous.get(rowKey), value, nowMs).perSecond());
        }
        return new CounterReading(evaluation, List.copyOf(readings.values()), Map.of("rates", rates));
    }

    private static String format(double d) {
        return ThresholdEvaluator.format(d);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}

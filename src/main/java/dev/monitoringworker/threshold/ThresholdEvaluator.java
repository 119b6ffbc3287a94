package dev.monitoringworker.threshold;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Turns what a query returned into an {@link Evaluation}: Scalar = first column of the first row, NonQuery =
 * rows affected, DataSet = row count with the rows kept. Pure: no I/O, no framework types.
 */
public final class ThresholdEvaluator {

    private ThresholdEvaluator() {
    }

    /** Judges a result set; {@code maxRows} is the cap the rows were read with (one extra row means truncated). */
    public static Evaluation ofRows(ResultType type, Thresholds thresholds, List<Map<String, Object>> rows, int maxRows) {
        boolean truncated = rows.size() > maxRows;
        List<Map<String, Object>> kept = truncated ? rows.subList(0, maxRows) : rows;
        return switch (type) {
            case Scalar -> scalar(thresholds, kept);
            case DataSet -> judged(thresholds, kept.size(), null, kept.size(), kept, truncated);
            case NonQuery -> Evaluation.failure(ResultStatus.Error,
                    "ResultType NonQuery expects a statement that changes rows, but it returned a result set; use Scalar or DataSet");
        };
    }

    /** Judges a statement that returned no result set, only a count of rows changed. */
    public static Evaluation ofUpdateCount(ResultType type, Thresholds thresholds, int updateCount) {
        if (type != ResultType.NonQuery) {
            return Evaluation.failure(ResultStatus.Error, "ResultType " + type
                    + " expects a result set, but the statement returned none (it changed " + updateCount
                    + " rows); use ResultType NonQuery for statements that change rows");
        }
        return judged(thresholds, updateCount, null, updateCount, List.of(), false);
    }

    private static Evaluation scalar(Thresholds thresholds, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return thresholds.isEmpty()
                    ? new Evaluation(ResultStatus.Ok, null, null, 0, "no rows", List.of(), false)
                    : Evaluation.failure(ResultStatus.Error, "Scalar query returned no rows; thresholds need one value");
        }
        Map<String, Object> first = rows.get(0);
        Object cell = first.isEmpty() ? null : first.values().iterator().next();
        String text = cell == null ? null : cell.toString();
        if (cell == null) {
            return thresholds.isEmpty()
                    ? new Evaluation(ResultStatus.Ok, null, null, rows.size(), "value is NULL", List.of(), false)
                    : Evaluation.failure(ResultStatus.Error, "Scalar query returned NULL; thresholds need a number");
        }
        Double number = toNumber(cell);
        if (number == null) {
            return thresholds.isEmpty()
                    ? new Evaluation(ResultStatus.Ok, null, text, rows.size(), "text value", List.of(), false)
                    : Evaluation.failure(ResultStatus.Error, "Scalar query returned text '" + abbreviate(text)
                            + "', not a number; thresholds need a number");
        }
        return judged(thresholds, number, text, rows.size(), List.of(), false);
    }

    static Evaluation judged(Thresholds thresholds, double value, String text, int rowCount,
                                     List<Map<String, Object>> rows, boolean truncated) {
        ResultStatus status = thresholds.judge(value);
        String reason = switch (status) {
            case Critical -> format(value) + " " + thresholds.operator().symbol() + " " + format(thresholds.critical()) + " (CriticalThreshold)";
            case Warning -> format(value) + " " + thresholds.operator().symbol() + " " + format(thresholds.warning()) + " (WarningThreshold)";
            default -> thresholds.isEmpty() ? "no thresholds" : "within thresholds";
        };
        if (truncated) {
            reason += "; rows truncated at MaxRows=" + rows.size();
        }
        return new Evaluation(status, value, text, rowCount, reason, rows, truncated);
    }

    /** Numbers, booleans and numeric text count as numbers; anything else does not. */
    static Double toNumber(Object cell) {
        if (cell instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? d : null;
        }
        if (cell instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        if (cell instanceof CharSequence s) {
            try {
                return new BigDecimal(s.toString().trim()).doubleValue();
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static String format(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}

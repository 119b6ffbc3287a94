package dev.monitoringworker.threshold;

import java.util.List;
import java.util.Map;

/**
 * What one (connection, query) run means: its status, the value judged, and what a DBA needs to read it.
 *
 * @param reason    why the status is what it is, e.g. {@code 95.0 > 90.0 (CriticalThreshold)}; for Error and
 *                  Timeout, the error message
 * @param rows      the rows kept for a DataSet (capped at MaxRows), otherwise empty
 * @param truncated whether the query returned more rows than MaxRows
 */
public record Evaluation(ResultStatus status, Double value, String text, Integer rowCount, String reason,
                         List<Map<String, Object>> rows, boolean truncated) {

    public static Evaluation failure(ResultStatus status, String message) {
        return new Evaluation(status, null, null, null, message, List.of(), false);
    }

    public boolean failed() {
        return status == ResultStatus.Error || status == ResultStatus.Timeout;
    }
}

package dev.monitoringworker.alert;

import dev.monitoringworker.store.Row;
import dev.monitoringworker.threshold.Cells;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/** How alerting reads the rows it is given: stored states, results, and the cells of a DataSet result's rows. */
final class AlertRows {

    private AlertRows() {
    }

    /** Column labels differ in case between databases (H2 and Oracle upper-case, PostgreSQL lower-case). */
    static Object cell(Map<?, ?> cells, String column) {
        return Cells.cell(cells, column);
    }

    static boolean hasColumn(Map<?, ?> cells, String column) {
        return Cells.hasColumn(cells, column);
    }

    static Double number(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.valueOf(s.trim());
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }

    static AlertTrack track(Row row) {
        String pending = row.string("PendingState");
        Integer pendingCount = row.integer("PendingCount");
        Long sequence = row.get("Sequence") == null ? 0L : ((Number) row.get("Sequence")).longValue();
        return new AlertTrack(AlertState.valueOf(row.string("State")), pending == null ? null : AlertState.valueOf(pending),
                pendingCount == null ? 0 : pendingCount, AlertState.valueOf(row.string("DataState")), row.flag("IsFlapping", false),
                row.string("History") == null ? "" : row.string("History"), instant(row, "StateSince"), instant(row, "LastSeenAt"), sequence);
    }

    static Instant instant(Row row, String column) {
        return row.time(column) == null ? null : row.time(column).toInstant(ZoneOffset.UTC);
    }

    /** What a result says in a line: its error, or its status and value. */
    static String reason(Row result) {
        if (result.string("ErrorMessage") != null) {
            return result.string("ErrorMessage");
        }
        Double value = result.decimal("ResultValue");
        return value == null ? result.string("Status") : result.string("Status") + ", value " + value;
    }

    /** Text columns hold 4,000 characters (RowKey 400). */
    static String fit(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    static String key(UUID connection, UUID query, String rowKey) {
        return connection + "/" + query + "/" + (rowKey == null ? "" : rowKey);
    }
}

package dev.monitoringworker.threshold;

import java.util.Map;

/** How the cells of a DataSet row are read wherever keys and values are taken from them. */
public final class Cells {

    /** RowKey holds 400 characters on every store. */
    public static final int MAX_KEY_CHARS = 400;

    private Cells() {
    }

    /**
     * A cell by its column label, in any case: H2 and Oracle upper-case labels, PostgreSQL lower-cases them. A label
     * may name alternatives, {@code Seconds_Behind_Source|Seconds_Behind_Master}: the first the row has is read (engines
     * and versions name some columns differently).
     */
    public static Object cell(Map<?, ?> cells, String column) {
        for (String label : column.split("\\|")) {
            for (Map.Entry<?, ?> e : cells.entrySet()) {
                if (String.valueOf(e.getKey()).equalsIgnoreCase(label.trim())) {
                    return e.getValue();
                }
            }
        }
        return null;
    }

    /** Whether the row has the column, or one of its alternatives. */
    public static boolean hasColumn(Map<?, ?> cells, String column) {
        for (String label : column.split("\\|")) {
            if (cells.keySet().stream().anyMatch(k -> String.valueOf(k).equalsIgnoreCase(label.trim()))) {
                return true;
            }
        }
        return false;
    }

    /** A key cell as RowKey holds it (cut at 400 characters), or null for a NULL cell. */
    public static String rowKey(Object key) {
        if (key == null) {
            return null;
        }
        String text = String.valueOf(key);
        return text.length() <= MAX_KEY_CHARS ? text : text.substring(0, MAX_KEY_CHARS - 3) + "...";
    }
}

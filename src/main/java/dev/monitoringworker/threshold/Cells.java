package dev.monitoringworker.threshold;

import java.util.Map;

/** How the cells of a DataSet row are read wherever keys and values are taken from them. */
public final class Cells {

    /** RowKey holds 400 characters on every store. */
    public static final int MAX_KEY_CHARS = 400;

    private Cells() {
    }

    /** A cell by its column label, in any case: H2 and Oracle upper-case labels, PostgreSQL lower-cases them. */
    public static Object cell(Map<?, ?> cells, String column) {
        for (Map.Entry<?, ?> e : cells.entrySet()) {
            if (String.valueOf(e.getKey()).equalsIgnoreCase(column)) {
                return e.getValue();
            }
        }
        return null;
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

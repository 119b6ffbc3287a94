package dev.monitoringworker.threshold;

/** How a query's outcome becomes a value: first cell, rows affected, or row count with the rows kept. */
public enum ResultType {
    Scalar, NonQuery, DataSet;

    /** @throws IllegalArgumentException naming the accepted values */
    public static ResultType parse(String text) {
        String t = text == null ? "" : text.trim();
        for (ResultType type : values()) {
            if (type.name().equalsIgnoreCase(t)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown ResultType '" + text + "'; use Scalar, NonQuery or DataSet");
    }
}

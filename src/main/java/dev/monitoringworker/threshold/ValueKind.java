package dev.monitoringworker.threshold;

/**
 * What a query's number is: a Gauge is judged as read; a Counter is cumulative (deadlocks, commits, batch
 * requests), and its per-second rate between consecutive runs is what is judged, stored and exported.
 */
public enum ValueKind {
    Gauge, Counter;

    /** NULL or blank is a Gauge. @throws IllegalArgumentException naming the accepted values */
    public static ValueKind parse(String text) {
        if (text == null || text.isBlank()) {
            return Gauge;
        }
        for (ValueKind kind : values()) {
            if (kind.name().equalsIgnoreCase(text.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown ValueKind '" + text + "'; use Gauge (or NULL) or Counter");
    }
}

package dev.monitoringworker.maintenance;

import dev.monitoringworker.store.Row;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The maintenance windows and silences this worker knows, read from the store every
 * {@code monitoring.maintenance.interval-ms} (and at once after an API change on this worker): which one holds an
 * alert's change back now, and which ended, so that their held changes go out once.
 */
public class MaintenanceWindows {

    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceWindows.class);

    private volatile List<MaintenanceWindow> windows = List.of();
    /** A row that cannot be used is said once, not every read. */
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /** The rows of select-maintenance-windows.sql; a row that cannot be used is left out with one WARN naming it. */
    public void refresh(List<Map<String, Object>> rows) {
        List<MaintenanceWindow> read = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Row row = Row.of(r);
            try {
                read.add(MaintenanceWindow.from(row));
            } catch (IllegalArgumentException e) {
                if (warned.add(row.uuid("WindowId") + e.getMessage())) {
                    LOG.warn("MaintenanceWindows row {}: {}; it holds nothing back", row.uuid("WindowId"), e.getMessage());
                }
            }
        }
        windows = List.copyOf(read);
    }

    public List<MaintenanceWindow> all() {
        return windows;
    }

    /** The window or silence that holds back a change of the alert (connection, query, key) at {@code at}, or null. */
    public MaintenanceWindow holding(UUID connection, String environment, UUID query, String rowKey, Instant at) {
        for (MaintenanceWindow w : windows) {
            if (w.covers(connection, environment, query, rowKey) && w.activeAt(at)) {
                return w;
            }
        }
        return null;
    }

    /** Parameters of the hand-over (mark-window-end-handled.sql, release-held-alert-events.sql) of each window that ended. */
    public List<Map<String, Object>> ended() {
        Instant now = Instant.now();
        List<Map<String, Object>> due = new ArrayList<>();
        for (MaintenanceWindow w : windows) {
            Instant end = w.endedSinceHandled(now);
            if (end != null) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("WindowId", w.id());
                // milliseconds: every store keeps them, so the fence compares what it wrote
                p.put("EndedAt", LocalDateTime.ofInstant(end, ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
                p.put("Description", w.describe());
                due.add(p);
            }
        }
        return due;
    }

    /** Says what the hand-over of an ended window sent on. */
    public void released(@Variable("window") Map<String, Object> window, @Header("CamelSqlUpdateCount") Integer released) {
        LOG.info("The {} ended at {}Z: {} held alert change(s) still in their problem state go out now", window.get("Description"),
                window.get("EndedAt"), released == null ? 0 : released);
    }
}

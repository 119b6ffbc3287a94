package dev.monitoringworker.notify;

import dev.monitoringworker.maintenance.MaintenanceWindow;
import dev.monitoringworker.maintenance.MaintenanceWindows;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Map;

/**
 * Holds back a claimed change whose alert a maintenance window or silence covers now: it is kept, not sent, with the
 * window that held it, and goes out when that window ends if its alert is still in that state.
 */
public class NotificationHolds {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationHolds.class);

    private final MaintenanceWindows windows;

    public NotificationHolds(MaintenanceWindows windows) {
        this.windows = windows;
    }

    public boolean held(@Variable("notice") AlertNotice n) {
        return window(n) != null;
    }

    /** Parameters of mark-alert-event-held.sql: the claim's fence, the window, and why it was not sent. */
    public Map<String, Object> hold(@Variable("notice") AlertNotice n) {
        MaintenanceWindow w = window(n);
        LOG.info("Alert {}: {} -> {} held back by the {}", n.title(), n.from(), n.to(), w.describe());
        Map<String, Object> p = NotificationDelivery.fence(n);
        p.put("HeldBy", w.id());
        p.put("NotifyError", "held back by the " + w.describe());
        return p;
    }

    private MaintenanceWindow window(AlertNotice n) {
        return windows.holding(n.connectionId(), n.environment(), n.queryId(), n.rowKey(), Instant.now());
    }
}

package dev.monitoringworker.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * When a failed notification is tried again: after a delay doubling from the base up to the maximum, per attempt;
 * given up (kept with its error, never sent) once it would be older than the give-up age.
 */
class NotificationBackoff {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationDelivery.class);

    private final int retryBaseSeconds;
    private final int retryMaxSeconds;
    private final long giveUpSeconds;

    NotificationBackoff(int retryBaseSeconds, int retryMaxSeconds, long giveUpSeconds) {
        this.retryBaseSeconds = retryBaseSeconds;
        this.retryMaxSeconds = retryMaxSeconds;
        this.giveUpSeconds = giveUpSeconds;
    }

    /** The parameters of mark-alert-event-failed.sql: the fence, RetryInSeconds (null: given up) and the error. */
    Map<String, Object> retryLater(AlertNotice n, String error) {
        long delay = Math.min((long) retryBaseSeconds << Math.min(Math.max(n.attempt() - 1, 0), 20), retryMaxSeconds);
        boolean giveUp = n.ageSeconds() + delay > giveUpSeconds;
        if (giveUp) {
            LOG.error("Notification of {} given up after {} attempt(s) over {} s (event {}): {}", n.title(), n.attempt(), n.ageSeconds(),
                    n.eventId(), error);
        } else {
            LOG.warn("Notification of {} not delivered (attempt {}), next try in {} s: {}", n.title(), n.attempt(), delay, error);
        }
        Map<String, Object> p = NotificationDelivery.fence(n);
        p.put("RetryInSeconds", giveUp ? null : (int) delay);
        p.put("NotifyError", error.length() > 4000 ? error.substring(0, 3997) + "..." : error);
        return p;
    }

}

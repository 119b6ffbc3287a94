package dev.monitoringworker.metrics;

import dev.monitoringworker.notify.AlertNotice;
import dev.monitoringworker.notify.NotificationDelivery;
import dev.monitoringworker.store.Row;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Variable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Notification delivery's meters: {@code monitoring_notifications_sent_total{sink}} and
 * {@code monitoring_notifications_failed_total{sink}} per configured sink, from the start at zero, and the gauge
 * {@code monitoring_notifications_pending}: alert changes in the store still to be sent, retries included, given-up
 * ones not (read with the queue depth by the record-worker-metrics route). Pending is per alert change, not per sink:
 * a change is sent to every sink or retried for all.
 */
public class NotificationMeters {

    private final NotificationDelivery delivery;
    private final Map<String, Counter> sent = new LinkedHashMap<>();
    private final Map<String, Counter> failed = new LinkedHashMap<>();
    private final AtomicLong pending = new AtomicLong();

    public NotificationMeters(NotificationDelivery delivery, MeterRegistry registry) {
        this.delivery = delivery;
        for (String sink : delivery.sinks()) {
            sent.put(sink, Counter.builder("monitoring.notifications.sent").description("Alert changes sent, by sink")
                    .tag("sink", sink).register(registry));
            failed.put(sink, Counter.builder("monitoring.notifications.failed").description("Sends that failed (each is tried again until given up), by sink")
                    .tag("sink", sink).register(registry));
        }
        Gauge.builder("monitoring.notifications.pending", pending, AtomicLong::doubleValue)
                .description("Alert changes in the store still to be sent, on any worker").register(registry);
    }

    /** An alert change went to every sink its routing names. */
    public void sent(@Variable("notice") AlertNotice notice) {
        delivery.routedSinks(notice).forEach(sink -> sent.get(sink).increment());
    }

    /** A send failed: counted for the sink it failed on. */
    public void failed() {
        Counter counter = failed.get(delivery.failingSink());
        if (counter != null) {
            counter.increment();
        }
    }

    /** The rows of select-queue-depth.sql: the one of Status 'Notifying'. */
    public void pending(List<Map<String, Object>> rows) {
        long n = 0;
        for (Map<String, Object> row : rows) {
            Row values = Row.of(row);
            if ("Notifying".equals(values.string("Status"))) {
                n = values.integer("Jobs");
            }
        }
        pending.set(n);
    }
}

package dev.monitoringworker.job;

import dev.monitoringworker.execution.MonitoringQuery;
import dev.monitoringworker.store.Row;
import dev.monitoringworker.execution.TargetConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.apache.camel.Variables;
import org.apache.camel.component.sql.SqlConstants;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides which scheduled jobs to enqueue: one per (connection, query) per interval slot for queries with
 * IntervalSeconds. Slots are offset per pair by a stable hash, so a fleet's checks spread over the interval
 * instead of hitting every database on the same second. The DedupeKey {@code query:connection:slotStart}
 * makes enqueueing idempotent across replicas; each replica also remembers what it enqueued, so it asks the
 * store about each slot once.
 * <p>
 * Runs of a pair never overlap: a pair with a job not finished yet (Pending or Running) gets no further job. A
 * slot that comes due meanwhile is recorded as skipped (a Cancelled job saying why, so every slot has one row,
 * and the meter {@code monitoring.schedule.skipped}); so is an older slot when a later one of the same pair is
 * due at the same time, which runs instead. A free pair's next slot is enqueued up to the lookahead ahead of its
 * time, so that it starts on time whatever the phase of the scheduler's tick.
 */
public class ScheduleSlots {

    /** Bounds the slots one pair can add per tick, whatever its interval. */
    static final int MAX_SLOTS_PER_TICK = 16;
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final long lookaheadSeconds;
    private final Map<String, Long> lastEnqueued = new ConcurrentHashMap<>();
    private final Counter skipped;

    public ScheduleSlots(long lookaheadSeconds, MeterRegistry meters) {
        this.lookaheadSeconds = lookaheadSeconds;
        this.skipped = Counter.builder("monitoring.schedule.skipped")
                .description("Scheduled slots not run because the pair's previous job had not finished (recorded by this worker)")
                .register(meters);
    }

    /** The slots to enqueue (the body, and the variable {@code dueJobs}) and those to record as skipped ({@code skippedSlots}). */
    public List<Map<String, Object>> due(@Variable("connections") List<Map<String, Object>> connectionRows,
                                         @Variable("queries") List<Map<String, Object>> queryRows,
                                         @Variable("busyPairs") List<Map<String, Object>> busyRows,
                                         @Variables Map<String, Object> variables) {
        Map<String, LocalDateTime> busy = new HashMap<>();
        for (Map<String, Object> r : busyRows) {
            Row row = Row.of(r);
            busy.put(row.uuid("QueryId") + ":" + row.uuid("ConnectionId"), row.time("Since"));
        }
        Slots slots = slots(Catalog.of(connectionRows, queryRows), busy, Instant.now());
        variables.put("dueJobs", slots.due());
        variables.put("skippedSlots", slots.skipped());
        return slots.due();
    }

    record Slots(List<Map<String, Object>> due, List<Map<String, Object>> skipped) {
    }

    Slots slots(Catalog catalog, Map<String, LocalDateTime> busy, Instant now) {
        List<Map<String, Object>> due = new ArrayList<>();
        List<Map<String, Object>> skippedSlots = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long nowSecond = now.getEpochSecond();
        for (MonitoringQuery q : catalog.queries().values()) {
            // a non-positive interval is reported by every run of the query (MonitoringQuery.invalidSettings)
            if (!q.enabled() || q.intervalSeconds() == null || q.intervalSeconds() <= 0) {
                continue;
            }
            for (TargetConnection c : catalog.connections().values()) {
                if (!c.enabled() || !q.appliesTo(c)) {
                    continue;
                }
                String pair = q.queryId() + ":" + c.connectionId();
                seen.add(pair);
                long interval = q.intervalSeconds();
                long current = slotStart(nowSecond, interval, Math.floorMod(pair.hashCode(), interval));
                Long last = lastEnqueued.get(pair);
                long first = last == null ? current : Math.max(last + interval, current - (MAX_SLOTS_PER_TICK - 1) * interval);
                LocalDateTime since = busy.get(pair);
                if (since != null) {
                    for (long slot = first; slot <= current; slot += interval) {
                        skippedSlots.add(skipped(job(q, c, pair, slot), "slot skipped: the previous job of this connection and query (due "
                                + SINCE.format(since) + " UTC) had not finished"));
                    }
                } else if (first <= current) {
                    for (long slot = first; slot < current; slot += interval) {
                        skippedSlots.add(skipped(job(q, c, pair, slot), "slot skipped: a later slot of this connection and query was due "
                                + "at the same time and ran instead"));
                    }
                    due.add(job(q, c, pair, current));
                } else if (first <= nowSecond + lookaheadSeconds) {
                    due.add(job(q, c, pair, first));
                }
            }
        }
        lastEnqueued.keySet().retainAll(seen);
        return new Slots(due, skippedSlots);
    }

    /**
     * Called once the tick's inserts committed, so a failed insert is tried again on the next tick; counts the
     * skipped slots whose record this worker wrote (another replica's record of the same slot is not counted twice).
     */
    public void enqueued(@Variable("dueJobs") List<Map<String, Object>> jobs, @Variable("skippedSlots") List<Map<String, Object>> skippedSlots,
                         @Header(SqlConstants.SQL_UPDATE_COUNT) Integer skippedRecorded) {
        for (List<Map<String, Object>> slots : List.of(jobs, skippedSlots)) {
            for (Map<String, Object> job : slots) {
                lastEnqueued.merge((String) job.get("Pair"), (Long) job.get("SlotStart"), Math::max);
            }
        }
        if (skippedRecorded != null && skippedRecorded > 0) {
            skipped.increment(skippedRecorded);
        }
    }

    static long slotStart(long epochSecond, long interval, long offset) {
        return Math.floorDiv(epochSecond - offset, interval) * interval + offset;
    }

    private static Map<String, Object> skipped(Map<String, Object> job, String reason) {
        job.put("Reason", reason);
        return job;
    }

    private static Map<String, Object> job(MonitoringQuery q, TargetConnection c, String pair, long slot) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("JobId", UUID.randomUUID());
        row.put("JobName", JobCompletion.truncate("Scheduled " + q.name() + " on " + c.name(), 200));
        row.put("ConnectionId", c.connectionId());
        row.put("QueryId", q.queryId());
        row.put("Environment", c.environment());
        // the UTC wall clock as it is: a Timestamp would pass through the JVM's zone (and its daylight-saving gap)
        row.put("ScheduledAt", LocalDateTime.ofInstant(Instant.ofEpochSecond(slot), ZoneOffset.UTC));
        row.put("DedupeKey", pair + ":" + slot);
        row.put("Pair", pair);
        row.put("SlotStart", slot);
        return row;
    }
}

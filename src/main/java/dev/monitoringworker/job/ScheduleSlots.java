package dev.monitoringworker.job;

import dev.monitoringworker.target.TargetConnection;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
 */
public class ScheduleSlots {

    /** Bounds the jobs one pair can add per tick, whatever its interval. */
    static final int MAX_SLOTS_PER_TICK = 16;

    private final long lookaheadSeconds;
    private final Map<String, Long> lastEnqueued = new ConcurrentHashMap<>();

    public ScheduleSlots(long lookaheadSeconds) {
        this.lookaheadSeconds = lookaheadSeconds;
    }

    public List<Map<String, Object>> due(List<Map<String, Object>> connectionRows, List<Map<String, Object>> queryRows) {
        return due(Catalog.of(connectionRows, queryRows), Instant.now());
    }

    List<Map<String, Object>> due(Catalog catalog, Instant now) {
        List<Map<String, Object>> jobs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
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
                long offset = Math.floorMod(pair.hashCode(), interval);
                Long last = lastEnqueued.get(pair);
                long horizon = now.getEpochSecond() + lookaheadSeconds;
                int added = 0;
                // every slot from the current one up to the lookahead horizon, each once
                for (long slot = slotStart(now.getEpochSecond(), interval, offset);
                     slot <= horizon && added < MAX_SLOTS_PER_TICK; slot += interval) {
                    if (last == null || slot > last) {
                        jobs.add(job(q, c, pair, slot));
                        added++;
                    }
                }
            }
        }
        lastEnqueued.keySet().retainAll(seen);
        return jobs;
    }

    /** Called once the batch insert committed, so a failed insert is tried again on the next tick. */
    public void enqueued(List<Map<String, Object>> jobs) {
        for (Map<String, Object> job : jobs) {
            lastEnqueued.merge((String) job.get("Pair"), (Long) job.get("SlotStart"), Math::max);
        }
    }

    static long slotStart(long epochSecond, long interval, long offset) {
        return Math.floorDiv(epochSecond - offset, interval) * interval + offset;
    }

    private static Map<String, Object> job(MonitoringQuery q, TargetConnection c, String pair, long slot) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("JobId", UUID.randomUUID());
        row.put("JobName", JobCompletion.truncate("Scheduled " + q.name() + " on " + c.name(), 200));
        row.put("ConnectionId", c.connectionId());
        row.put("QueryId", q.queryId());
        row.put("Environment", c.environment());
        row.put("ScheduledAt", Timestamp.valueOf(LocalDateTime.ofInstant(Instant.ofEpochSecond(slot), ZoneOffset.UTC)));
        row.put("DedupeKey", pair + ":" + slot);
        row.put("Pair", pair);
        row.put("SlotStart", slot);
        return row;
    }
}

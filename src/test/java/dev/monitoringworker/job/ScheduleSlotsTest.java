package dev.monitoringworker.job;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleSlotsTest {

    private final List<Map<String, Object>> connections = List.of(
            Map.of("ConnectionId", UUID.randomUUID(), "ConnectionName", "a", "Provider", "PostgreSQL", "ConnectionString", "x", "IsEnabled", true),
            Map.of("ConnectionId", UUID.randomUUID(), "ConnectionName", "b", "Provider", "MySQL", "ConnectionString", "x", "IsEnabled", true),
            Map.of("ConnectionId", UUID.randomUUID(), "ConnectionName", "c", "Provider", "MySQL", "ConnectionString", "x", "IsEnabled", false));
    private final List<Map<String, Object>> queries = List.of(
            Map.of("QueryId", UUID.randomUUID(), "QueryName", "every minute", "SqlQuery", "SELECT 1", "IntervalSeconds", 60, "IsEnabled", true),
            Map.of("QueryId", UUID.randomUUID(), "QueryName", "pg only", "SqlQuery", "SELECT 1", "IntervalSeconds", 300, "Provider", "PostgreSQL", "IsEnabled", true),
            Map.of("QueryId", UUID.randomUUID(), "QueryName", "on demand", "SqlQuery", "SELECT 1", "IsEnabled", true));

    @Test
    void onePairPerApplicableEnabledConnectionAndIntervalQuery() {
        ScheduleSlots slots = new ScheduleSlots(0);
        List<Map<String, Object>> due = slots.due(Catalog.of(connections, queries), Instant.parse("2026-01-01T00:00:30Z"));
        assertThat(due).extracting(r -> r.get("JobName")).containsExactlyInAnyOrder(
                "Scheduled every minute on a", "Scheduled every minute on b", "Scheduled pg only on a");
    }

    @Test
    void aSlotIsEnqueuedOnceAndTheNextOneWhenItComes() {
        ScheduleSlots slots = new ScheduleSlots(0);
        Catalog catalog = Catalog.of(connections, queries);
        Instant t0 = Instant.parse("2026-01-01T00:00:30Z");
        List<Map<String, Object>> first = slots.due(catalog, t0);
        slots.enqueued(first);
        assertThat(slots.due(catalog, t0)).as("asked again in the same slot").isEmpty();
        List<Map<String, Object>> later = slots.due(catalog, t0.plusSeconds(61));
        // the 60 s pairs have surely reached their next slot; the 300 s pair only if its offset put a boundary in between
        assertThat(later).extracting(r -> r.get("JobName")).contains("Scheduled every minute on a", "Scheduled every minute on b")
                .doesNotHaveDuplicates();
        assertThat(later).extracting(r -> r.get("DedupeKey")).doesNotContainAnyElementsOf(first.stream().map(r -> r.get("DedupeKey")).toList());
    }

    @Test
    void anUnconfirmedSlotIsOfferedAgainWithTheSameDedupeKey() {
        ScheduleSlots slots = new ScheduleSlots(0);
        Catalog catalog = Catalog.of(connections, queries);
        Instant t0 = Instant.parse("2026-01-01T00:00:30Z");
        List<Object> keys = slots.due(catalog, t0).stream().map(r -> r.get("DedupeKey")).toList();
        assertThat(slots.due(catalog, t0).stream().map(r -> r.get("DedupeKey")).toList()).isEqualTo(keys);
        assertThat(new ScheduleSlots(0).due(catalog, t0).stream().map(r -> r.get("DedupeKey")).toList())
                .as("another replica computes the same keys").isEqualTo(keys);
    }

    @Test
    void slotsAreSpreadByPairOffset() {
        assertThat(ScheduleSlots.slotStart(1000, 60, 7)).isEqualTo(967);
        assertThat(ScheduleSlots.slotStart(967, 60, 7)).isEqualTo(967);
        assertThat(ScheduleSlots.slotStart(966, 60, 7)).isEqualTo(907);
    }

    @Test
    void successiveTicksEnqueueEverySlotWithoutGaps() {
        ScheduleSlots slots = new ScheduleSlots(3);
        List<Map<String, Object>> oneSecond = List.of(
                Map.of("QueryId", UUID.randomUUID(), "QueryName", "1 s", "SqlQuery", "SELECT 1", "IntervalSeconds", 1, "IsEnabled", true));
        Catalog catalog = Catalog.of(connections.subList(0, 1), oneSecond);
        java.util.TreeSet<Long> enqueued = new java.util.TreeSet<>();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        for (int tick = 0; tick < 10; tick++, t = t.plusSeconds(2)) {
            List<Map<String, Object>> due = slots.due(catalog, t);
            due.forEach(r -> assertThat(enqueued.add((Long) r.get("SlotStart"))).as("slot enqueued twice").isTrue());
            slots.enqueued(due);
        }
        assertThat(enqueued.last() - enqueued.first() + 1).as("no slot missing").isEqualTo(enqueued.size());
        assertThat(enqueued.first()).isEqualTo(t.minusSeconds(20).getEpochSecond());
    }

    @Test
    void lookaheadEnqueuesTheNextSlotAheadOfTime() {
        ScheduleSlots slots = new ScheduleSlots(60);
        List<Map<String, Object>> due = slots.due(Catalog.of(connections, queries.subList(0, 1)), Instant.parse("2026-01-01T00:00:30Z"));
        assertThat(due).hasSize(4);
    }
}

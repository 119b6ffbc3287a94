package dev.monitoringworker.job;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
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
        ScheduleSlots slots = slots(0);
        List<Map<String, Object>> due = due(slots, Catalog.of(connections, queries), Instant.parse("2026-01-01T00:00:30Z"));
        assertThat(due).extracting(r -> r.get("JobName")).containsExactlyInAnyOrder(
                "Scheduled every minute on a", "Scheduled every minute on b", "Scheduled pg only on a");
    }

    @Test
    void aSlotIsEnqueuedOnceAndTheNextOneWhenItComes() {
        ScheduleSlots slots = slots(0);
        Catalog catalog = Catalog.of(connections, queries);
        Instant t0 = Instant.parse("2026-01-01T00:00:30Z");
        List<Map<String, Object>> first = due(slots, catalog, t0);
        slots.enqueued(first, List.of(), 0);
        assertThat(due(slots, catalog, t0)).as("asked again in the same slot").isEmpty();
        List<Map<String, Object>> later = due(slots, catalog, t0.plusSeconds(61));
        // the 60 s pairs have surely reached their next slot; the 300 s pair only if its offset put a boundary in between
        assertThat(later).extracting(r -> r.get("JobName")).contains("Scheduled every minute on a", "Scheduled every minute on b")
                .doesNotHaveDuplicates();
        assertThat(later).extracting(r -> r.get("DedupeKey")).doesNotContainAnyElementsOf(first.stream().map(r -> r.get("DedupeKey")).toList());
    }

    @Test
    void anUnconfirmedSlotIsOfferedAgainWithTheSameDedupeKey() {
        ScheduleSlots slots = slots(0);
        Catalog catalog = Catalog.of(connections, queries);
        Instant t0 = Instant.parse("2026-01-01T00:00:30Z");
        List<Object> keys = due(slots, catalog, t0).stream().map(r -> r.get("DedupeKey")).toList();
        assertThat(due(slots, catalog, t0).stream().map(r -> r.get("DedupeKey")).toList()).isEqualTo(keys);
        assertThat(due(slots(0), catalog, t0).stream().map(r -> r.get("DedupeKey")).toList())
                .as("another replica computes the same keys").isEqualTo(keys);
    }

    @Test
    void slotsAreSpreadByPairOffset() {
        assertThat(ScheduleSlots.slotStart(1000, 60, 7)).isEqualTo(967);
        assertThat(ScheduleSlots.slotStart(967, 60, 7)).isEqualTo(967);
        assertThat(ScheduleSlots.slotStart(966, 60, 7)).isEqualTo(907);
    }

    @Test
    void successiveTicksGiveEverySlotOneRowRunOrSkippedWithoutGaps() {
        ScheduleSlots slots = slots(3);
        List<Map<String, Object>> oneSecond = List.of(
                Map.of("QueryId", UUID.randomUUID(), "QueryName", "1 s", "SqlQuery", "SELECT 1", "IntervalSeconds", 1, "IsEnabled", true));
        Catalog catalog = Catalog.of(connections.subList(0, 1), oneSecond);
        TreeSet<Long> rows = new TreeSet<>();
        TreeSet<Long> run = new TreeSet<>();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        for (int tick = 0; tick < 10; tick++, t = t.plusSeconds(2)) {
            ScheduleSlots.Slots s = slots.slots(catalog, Map.of(), t);
            s.due().forEach(r -> assertThat(rows.add((Long) r.get("SlotStart"))).as("slot enqueued twice").isTrue());
            s.due().forEach(r -> run.add((Long) r.get("SlotStart")));
            s.skipped().forEach(r -> assertThat(rows.add((Long) r.get("SlotStart"))).as("slot recorded twice").isTrue());
            assertThat(s.due()).as("one job of a pair at a time").hasSizeLessThanOrEqualTo(1);
            slots.enqueued(s.due(), s.skipped(), s.skipped().size());
        }
        assertThat(rows.last() - rows.first() + 1).as("no slot without a row").isEqualTo(rows.size());
        assertThat(rows.first()).isEqualTo(t.minusSeconds(20).getEpochSecond());
        assertThat(run).as("the latest due slot of each tick runs").hasSize(10);
        assertThat(meters.get("monitoring.schedule.skipped").counter().count()).isEqualTo(rows.size() - run.size());
    }

    @Test
    void aPairWithAJobNotFinishedGetsNoFurtherJobAndItsDueSlotsAreRecordedSkipped() {
        ScheduleSlots slots = slots(3);
        List<Map<String, Object>> oneSecond = List.of(
                Map.of("QueryId", UUID.randomUUID(), "QueryName", "1 s", "SqlQuery", "SELECT 1", "IntervalSeconds", 1, "IsEnabled", true));
        Catalog catalog = Catalog.of(connections.subList(0, 1), oneSecond);
        Instant t = Instant.parse("2026-01-01T00:00:10Z");
        ScheduleSlots.Slots first = slots.slots(catalog, Map.of(), t);
        slots.enqueued(first.due(), first.skipped(), 0);
        String pair = (String) first.due().get(0).get("Pair");
        Map<String, LocalDateTime> busy = Map.of(pair, LocalDateTime.of(2026, 1, 1, 0, 0, 10));

        ScheduleSlots.Slots ahead = slots.slots(catalog, busy, t.plusMillis(500));
        assertThat(ahead.due()).as("not even ahead of time").isEmpty();
        assertThat(ahead.skipped()).as("the next slot is not due yet").isEmpty();
        ScheduleSlots.Slots later = slots.slots(catalog, busy, t.plusSeconds(3));
        assertThat(later.due()).isEmpty();
        assertThat(later.skipped()).extracting(r -> r.get("SlotStart")).containsExactly(t.getEpochSecond() + 1, t.getEpochSecond() + 2,
                t.getEpochSecond() + 3);
        assertThat(later.skipped()).allSatisfy(r -> assertThat(r.get("Reason"))
                .isEqualTo("slot skipped: the previous job of this connection and query (due 2026-01-01 00:00:10 UTC) had not finished"));
        slots.enqueued(later.due(), later.skipped(), 3);

        ScheduleSlots.Slots free = slots.slots(catalog, Map.of(), t.plusSeconds(3));
        assertThat(free.due()).extracting(r -> r.get("SlotStart")).as("free again: the next slot, ahead of time").containsExactly(t.getEpochSecond() + 4);
    }

    @Test
    void lookaheadEnqueuesTheNextSlotAheadOfTimeOnceTheCurrentOneIsEnqueued() {
        ScheduleSlots slots = slots(60);
        Catalog catalog = Catalog.of(connections, queries.subList(0, 1));
        Instant t = Instant.parse("2026-01-01T00:00:30Z");
        List<Map<String, Object>> current = due(slots, catalog, t);
        assertThat(current).hasSize(2);
        slots.enqueued(current, List.of(), 0);
        List<Map<String, Object>> next = due(slots, catalog, t);
        assertThat(next).hasSize(2).allSatisfy(r -> assertThat((Long) r.get("SlotStart")).isGreaterThan(t.getEpochSecond()));
    }

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private ScheduleSlots slots(long lookahead) {
        return new ScheduleSlots(lookahead, meters);
    }

    private static List<Map<String, Object>> due(ScheduleSlots slots, Catalog catalog, Instant now) {
        return slots.slots(catalog, Map.of(), now).due();
    }
}

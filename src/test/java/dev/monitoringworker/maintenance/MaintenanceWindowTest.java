package dev.monitoringworker.maintenance;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MaintenanceWindowTest {

    private static final UUID ORDERS = UUID.randomUUID();
    private static final UUID LAG = UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2026-11-29T00:00:00Z");  // a Sunday

    private static MaintenanceWindow once(Instant starts, Instant ends, Instant cancelled, Instant handled) {
        return new MaintenanceWindow(UUID.randomUUID(), "Maintenance", null, ORDERS, null, null, starts, ends, null, null, ZoneOffset.UTC,
                "patching", "ops", cancelled, handled);
    }

    /** Sundays 02:00 in Berlin for 60 minutes (01:00 UTC in winter). */
    private static MaintenanceWindow weekly(Instant handled, Instant cancelled) {
        return new MaintenanceWindow(UUID.randomUUID(), "Maintenance", "prod", null, null, null, T0.minus(Duration.ofDays(30)), null,
                "0 0 2 ? * SUN", Duration.ofMinutes(60), ZoneId.of("Europe/Berlin"), "weekly patching", "ops", cancelled, handled);
    }

    @Test
    void aOneOffWindowRunsFromItsStartToItsEndOrItsCancellation() {
        MaintenanceWindow w = once(T0, T0.plusSeconds(600), null, null);
        assertThat(w.activeAt(T0.minusSeconds(1))).isFalse();
        assertThat(w.activeAt(T0)).isTrue();
        assertThat(w.activeAt(T0.plusSeconds(599))).isTrue();
        assertThat(w.activeAt(T0.plusSeconds(600))).isFalse();
        assertThat(once(T0, T0.plusSeconds(600), T0.plusSeconds(60), null).activeAt(T0.plusSeconds(120))).as("cancelled").isFalse();
        assertThat(w.nextStart(T0.minusSeconds(60))).isEqualTo(T0);
        assertThat(w.nextStart(T0.plusSeconds(700))).isNull();
    }

    @Test
    void itsEndIsHandedOverOnce() {
        assertThat(once(T0, T0.plusSeconds(600), null, null).endedSinceHandled(T0.plusSeconds(300))).as("not over").isNull();
        assertThat(once(T0, T0.plusSeconds(600), null, null).endedSinceHandled(T0.plusSeconds(900))).isEqualTo(T0.plusSeconds(600));
        assertThat(once(T0, T0.plusSeconds(600), null, T0.plusSeconds(600)).endedSinceHandled(T0.plusSeconds(900))).as("handed over").isNull();
        assertThat(once(T0, T0.plusSeconds(600), T0.plusSeconds(60), null).endedSinceHandled(T0.plusSeconds(90))).as("cancelled early")
                .isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void aRecurringWindowRunsEachOccurrenceInItsZone() {
        MaintenanceWindow w = weekly(null, null);
        Instant sundayTwoBerlin = Instant.parse("2026-11-29T01:00:00Z");
        assertThat(w.activeAt(sundayTwoBerlin.minusSeconds(1))).isFalse();
        assertThat(w.activeAt(sundayTwoBerlin)).isTrue();
        assertThat(w.activeAt(sundayTwoBerlin.plus(Duration.ofMinutes(59)))).isTrue();
        assertThat(w.activeAt(sundayTwoBerlin.plus(Duration.ofMinutes(60)))).isFalse();
        assertThat(w.activeAt(sundayTwoBerlin.plus(Duration.ofDays(1)))).isFalse();
        assertThat(w.occurrenceStart(sundayTwoBerlin.plusSeconds(90))).isEqualTo(sundayTwoBerlin);
        assertThat(w.nextStart(sundayTwoBerlin.plus(Duration.ofHours(2)))).isEqualTo(sundayTwoBerlin.plus(Duration.ofDays(7)));
    }

    @Test
    void eachOccurrenceEndIsHandedOverAndOnlyTheLatestCounts() {
        Instant end = Instant.parse("2026-11-29T02:00:00Z");
        assertThat(weekly(end.minus(Duration.ofDays(7)), null).endedSinceHandled(end.plusSeconds(5))).isEqualTo(end);
        assertThat(weekly(end, null).endedSinceHandled(end.plusSeconds(5))).isNull();
        assertThat(weekly(null, null).endedSinceHandled(end.plusSeconds(5))).as("a fleet that never handed over: the latest").isEqualTo(end);
        Instant cancelled = Instant.parse("2026-11-29T01:30:00Z");
        assertThat(weekly(end.minus(Duration.ofDays(7)), cancelled).endedSinceHandled(cancelled.plusSeconds(5))).as("cut short by a cancel")
                .isEqualTo(cancelled);
    }

    @Test
    void itCoversWhatItNames() {
        MaintenanceWindow connection = once(T0, T0.plusSeconds(60), null, null);
        assertThat(connection.covers(ORDERS, "prod", LAG, "")).isTrue();
        assertThat(connection.covers(UUID.randomUUID(), "prod", LAG, "")).isFalse();
        MaintenanceWindow environment = weekly(null, null);
        assertThat(environment.covers(UUID.randomUUID(), "PROD", LAG, "db1")).isTrue();
        assertThat(environment.covers(ORDERS, "staging", LAG, "")).isFalse();
        MaintenanceWindow silence = new MaintenanceWindow(UUID.randomUUID(), "Silence", null, ORDERS, LAG, "", T0, T0.plusSeconds(60), null, null,
                ZoneOffset.UTC, "known", "ops", null, null);
        assertThat(silence.covers(ORDERS, "prod", LAG, "")).isTrue();
        assertThat(silence.covers(ORDERS, "prod", LAG, "db1")).as("another key's alert").isFalse();
        assertThat(silence.describe()).startsWith("silence ").endsWith("; known, by ops)");
    }

    @Test
    void badCronOrZoneIsNamed() {
        assertThatThrownBy(() -> MaintenanceWindow.parse("every sunday", ZoneOffset.UTC)).hasMessageStartingWith("Cron 'every sunday' is not a Quartz cron expression");
        assertThatThrownBy(() -> MaintenanceWindow.zone("Mars/Olympus")).hasMessageStartingWith("TimeZone 'Mars/Olympus' is not a time zone name");
        assertThatThrownBy(() -> new MaintenanceWindow(UUID.randomUUID(), "Maintenance", "prod", null, null, null, T0, null, "0 0 2 ? * SUN",
                null, ZoneOffset.UTC, "weekly", "dba", null, null)).hasMessage("DurationMinutes (at least 1) is required with Cron '0 0 2 ? * SUN'");
    }
}

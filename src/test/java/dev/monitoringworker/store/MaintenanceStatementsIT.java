package dev.monitoringworker.store;

import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.StoreStatements;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import javax.sql.DataSource;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The maintenance statements on every store dialect: a held change is claimed no more; when its window ends, one
 * worker's hand-over takes, and it releases only the last held change of an alert still in that state.
 */
class MaintenanceStatementsIT {

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreDialect.class)
    void heldChangesAreReleasedOnceForAlertsStillInTheirState(StoreDialect dialect) {
        DataSource store = StoreStatements.freshStore(dialect, "maintenance");
        Store rows = new Store(store);
        NamedParameterJdbcTemplate sql = new NamedParameterJdbcTemplate(store);
        UUID connection = rows.connection("patched", "PostgreSQL", "jdbc:postgresql://localhost/patched", "prod", 2);
        UUID stillCritical = rows.query("still critical", null, "SELECT 1", "Scalar", null, null, null, 5, 10, false);
        UUID recovered = rows.query("recovered", null, "SELECT 1", "Scalar", null, null, null, 5, 10, false);
        UUID window = UUID.randomUUID();
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Map<String, Object> w = new HashMap<>();
        for (String k : List.of("Environment", "QueryId", "RowKey", "Cron", "DurationMinutes", "TimeZone")) {
            w.put(k, null);
        }
        w.putAll(Map.of("WindowId", window, "Kind", "Maintenance", "ConnectionId", connection, "StartsAt", now.minusMinutes(1),
                "EndsAt", now.plusMinutes(30), "Reason", "patching", "UserName", "ops"));
        assertThat(sql.update(StoreStatements.text(dialect, "api-insert-maintenance-window"), w)).isEqualTo(1);
        assertThat(sql.queryForList(StoreStatements.text(dialect, "select-maintenance-windows"), Map.of())).hasSize(1);

        for (UUID query : List.of(stillCritical, recovered)) {
            rows.jdbc().update("INSERT INTO monitoring.AlertStates (ConnectionId, QueryId, RowKey, State, DataState, StateSince, Sequence) "
                    + "VALUES (?, ?, '', 'Critical', 'Critical', ?, 1)", connection, query, now);
            rows.jdbc().update("INSERT INTO monitoring.AlertEvents (EventId, ConnectionId, QueryId, RowKey, Sequence, Kind, FromState, ToState, "
                    + "OccurredAt, Notifies, NextNotifyAt) VALUES (?, ?, ?, '', 1, 'StateChanged', 'Ok', 'Critical', ?, ?, ?)",
                    UUID.randomUUID(), connection, query, now, true, now.minusSeconds(1));
        }
        List<Map<String, Object>> claimed = sql.queryForList(StoreStatements.text(dialect, "claim-alert-events"), Map.of("BatchSize", 10, "LeaseSeconds", 60));
        assertThat(claimed).hasSize(2);
        for (Map<String, Object> c : claimed) {
            Map<String, Object> held = new HashMap<>();
            held.put("EventId", dev.monitoringworker.store.Row.of(c).uuid("EventId"));
            held.put("NotifyAttempts", 1);
            held.put("HeldBy", window);
            held.put("NotifyError", "held back");
            assertThat(sql.update(StoreStatements.text(dialect, "mark-alert-event-held"), held)).isEqualTo(1);
        }
        assertThat(sql.queryForList(StoreStatements.text(dialect, "claim-alert-events"), Map.of("BatchSize", 10, "LeaseSeconds", 0)))
                .as("held changes are not claimed").isEmpty();
        rows.jdbc().update("UPDATE monitoring.AlertStates SET State = 'Ok' WHERE QueryId = ?", recovered);

        Map<String, Object> ended = Map.of("WindowId", window, "EndedAt", now);
        assertThat(sql.update(StoreStatements.text(dialect, "mark-window-end-handled"), ended)).isEqualTo(1);
        assertThat(sql.update(StoreStatements.text(dialect, "mark-window-end-handled"), ended)).as("one worker hands over").isZero();
        assertThat(sql.update(StoreStatements.text(dialect, "release-held-alert-events"), Map.of("WindowId", window))).isEqualTo(1);
        assertThat(sql.update(StoreStatements.text(dialect, "release-held-alert-events"), Map.of("WindowId", window))).isZero();
        assertThat(sql.queryForList(StoreStatements.text(dialect, "claim-alert-events"), Map.of("BatchSize", 10, "LeaseSeconds", 60)))
                .extracting(r -> dev.monitoringworker.store.Row.of(r).uuid("QueryId")).containsExactly(stillCritical);

        assertThat(sql.update(StoreStatements.text(dialect, "api-cancel-maintenance-window"), Map.of("WindowId", window, "UserName", "ops"))).isEqualTo(1);
        assertThat(sql.update(StoreStatements.text(dialect, "api-insert-audit"), Map.of("UserName", "ops", "Action", "EndMaintenanceWindow",
                "Subject", window.toString(), "Details", "ended early"))).isEqualTo(1);
        assertThat(sql.queryForList(StoreStatements.text(dialect, "api-audit"), Map.of("Limit", 5))).hasSize(1);
        assertThat(sql.queryForList(StoreStatements.text(dialect, "api-maintenance-windows"), Map.of("All", 1))).hasSize(1);
    }
}

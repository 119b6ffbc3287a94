package dev.monitoringworker.store;

import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.StoreStatements;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention of alerting rows on every store dialect: alert events older than the retention that nobody waits for
 * (delivered, silent, given up) go, in batches; an event still being retried stays, and so does every recent one;
 * the alert states of a deleted connection or query go, those of live pairs stay; so do counter readings, and a key's
 * reading not taken within the retention goes.
 */
class AlertRetentionIT {

    private static final Timestamp OLD = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minusDays(40));
    private static final Timestamp RECENT = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minusDays(1));

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreDialect.class)
    void settledOldEventsAndStatesOfDeletedPairsArePurged(StoreDialect dialect) {
        DataSource store = StoreStatements.freshStore(dialect, "alertretention");
        Store rows = new Store(store);
        UUID connection = rows.connection("kept", "PostgreSQL", "jdbc:postgresql://localhost/kept", "it", 2);
        UUID query = rows.query("kept", null, "SELECT 1", "Scalar", null, null, null, 5, 10, false);
        UUID deletedQuery = UUID.randomUUID();

        event(rows, connection, query, 1, OLD, true, RECENT, null);     // delivered long ago: purged
        event(rows, connection, query, 2, OLD, false, null, null);      // silent (while flapping): purged
        event(rows, connection, query, 3, OLD, true, null, null);       // given up: purged
        event(rows, connection, query, 4, OLD, true, null, RECENT);     // still retried: kept
        event(rows, connection, query, 5, RECENT, true, RECENT, null);  // recent: kept
        state(rows, connection, query, "");
        state(rows, connection, deletedQuery, "");
        state(rows, connection, deletedQuery, "db1");

        NamedParameterJdbcTemplate sql = new NamedParameterJdbcTemplate(store);
        assertThat(sql.update(StoreStatements.text(dialect, "purge-alert-events"), Map.of("RetentionDays", 30, "BatchSize", 2))).isEqualTo(2);
        assertThat(sql.update(StoreStatements.text(dialect, "purge-alert-events"), Map.of("RetentionDays", 30, "BatchSize", 2))).isEqualTo(1);
        assertThat(sql.update(StoreStatements.text(dialect, "purge-alert-events"), Map.of("RetentionDays", 30, "BatchSize", 2))).isZero();
        assertThat(rows.jdbc().queryForList("SELECT Sequence FROM monitoring.AlertEvents ORDER BY Sequence", Long.class)).containsExactly(4L, 5L);

        assertThat(sql.update(StoreStatements.text(dialect, "purge-orphan-alert-states"), Map.of("BatchSize", 10))).isEqualTo(2);
        assertThat(rows.jdbc().queryForList("SELECT QueryId FROM monitoring.AlertStates", UUID.class)).containsExactly(query);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreDialect.class)
    void counterReadingsOfDeletedPairsAndOldKeysArePurged(StoreDialect dialect) {
        DataSource store = StoreStatements.freshStore(dialect, "counterretention");
        Store rows = new Store(store);
        UUID connection = rows.connection("kept", "PostgreSQL", "jdbc:postgresql://localhost/kept", "it", 2);
        UUID query = rows.query("kept", null, "SELECT 1", "Scalar", null, null, null, 5, 10, false);
        long now = System.currentTimeMillis();
        long cutoff = now - 30 * 86_400_000L;
        NamedParameterJdbcTemplate sql = new NamedParameterJdbcTemplate(store);
        for (Object[] sample : new Object[][]{{query, "", now}, {query, "gone key", cutoff - 1}, {UUID.randomUUID(), "", now}}) {
            Map<String, Object> p = Map.of("ConnectionId", connection, "QueryId", sample[0], "RowKey", sample[1], "CounterValue", 1.0,
                    "SampledAtMs", sample[2]);
            assertThat(sql.update(StoreStatements.text(dialect, "insert-counter-sample"), p)).isEqualTo(1);
        }
        assertThat(sql.update(StoreStatements.text(dialect, "purge-counter-samples"), Map.of("BatchSize", 1, "CutoffEpochMs", cutoff))).isEqualTo(1);
        assertThat(sql.update(StoreStatements.text(dialect, "purge-counter-samples"), Map.of("BatchSize", 10, "CutoffEpochMs", cutoff))).isEqualTo(1);
        assertThat(rows.jdbc().queryForList("SELECT RowKey FROM monitoring.CounterSamples WHERE QueryId = ?", String.class, query))
                .as("the live pair's recent reading").containsExactly("");
        assertThat(rows.jdbc().queryForObject("SELECT COUNT(*) FROM monitoring.CounterSamples", Integer.class)).isEqualTo(1);
    }

    private static void event(Store rows, UUID connection, UUID query, long sequence, Timestamp occurred, boolean notifies,
                              Timestamp notifiedAt, Timestamp nextNotifyAt) {
        rows.jdbc().update("INSERT INTO monitoring.AlertEvents (EventId, ConnectionId, QueryId, RowKey, Sequence, Kind, FromState, ToState, "
                        + "OccurredAt, Notifies, NotifiedAt, NextNotifyAt) VALUES (?, ?, ?, '', ?, 'StateChanged', 'Ok', 'Critical', ?, ?, ?, ?)",
                UUID.randomUUID(), connection, query, sequence, occurred, notifies, notifiedAt, nextNotifyAt);
    }

    private static void state(Store rows, UUID connection, UUID query, String rowKey) {
        rows.jdbc().update("INSERT INTO monitoring.AlertStates (ConnectionId, QueryId, RowKey, State, DataState, StateSince) "
                + "VALUES (?, ?, ?, 'Critical', 'Ok', ?)", connection, query, rowKey, RECENT);
    }

}

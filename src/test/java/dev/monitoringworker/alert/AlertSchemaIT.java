package dev.monitoringworker.alert;

import dev.monitoringworker.store.Row;
import dev.monitoringworker.store.StoreDialect;
import dev.monitoringworker.store.StoreSql;
import dev.monitoringworker.support.StoreMigrations;
import dev.monitoringworker.support.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The alerting tables, report views and notification statements as the routes use them, on PostgreSQL and on H2. */
class AlertSchemaIT {

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void notificationsAreClaimedOnceAnAlertsChangesInOrderAndTheOutcomeIsFenced(String dialect) {
        DataSource store = migrated(dialect);
        JdbcTemplate jdbc = new JdbcTemplate(store);
        UUID connection = UUID.randomUUID();
        UUID query = UUID.randomUUID();
        jdbc.update("INSERT INTO monitoring.DatabaseQueries (QueryId, QueryName, SqlQuery) VALUES (?, 'replication lag', 'SELECT 1')", query);
        LocalDateTime since = storeNow(jdbc, dialect).minusMinutes(5);
        String event = "INSERT INTO monitoring.AlertEvents (ConnectionId, QueryId, RowKey, Sequence, Kind, FromState, ToState, OccurredAt, Notifies, "
                + "NextNotifyAt) VALUES (?, ?, ?, ?, 'StateChanged', ?, ?, ?, ?, ?)";
        jdbc.update(event, connection, query, "", 1, "Ok", "Critical", since, true, since);
        jdbc.update(event, connection, query, "", 2, "Critical", "Ok", since.plusSeconds(1), true, since);
        jdbc.update(event, connection, query, "other", 1, "Ok", "Warning", since, false, since);
        NamedParameterJdbcTemplate sql = new NamedParameterJdbcTemplate(store);
        Map<String, Object> claim = Map.of("BatchSize", 10, "LeaseSeconds", 60);

        List<Map<String, Object>> first = sql.queryForList(StoreSql.load(StoreDialect.fromKey(dialect), "claim-alert-events"), claim);
        assertThat(first).as("the later change waits for the earlier; a muted change is never sent").hasSize(1);
        Row claimed = Row.of(first.get(0));
        assertThat(claimed.integer("Sequence")).isEqualTo(1);
        assertThat(claimed.integer("NotifyAttempts")).isEqualTo(1);
        assertThat(claimed.string("QueryName")).isEqualTo("replication lag");
        assertThat(((Number) claimed.get("AgeSeconds")).longValue()).isBetween(290L, 400L);
        assertThat(sql.queryForList(StoreSql.load(StoreDialect.fromKey(dialect), "claim-alert-events"), claim)).as("leased, and its successor still waits").isEmpty();

        Map<String, Object> outcome = new HashMap<>();
        outcome.put("EventId", claimed.uuid("EventId"));
        outcome.put("NotifyAttempts", 0);
        outcome.put("RetryInSeconds", null);
        outcome.put("NotifyError", "sink 'webhook' answered HTTP 503");
        assertThat(sql.update(StoreSql.load(StoreDialect.fromKey(dialect), "mark-alert-event-failed"), outcome)).as("another attempt's outcome").isZero();
        outcome.put("NotifyAttempts", 1);
        assertThat(sql.update(StoreSql.load(StoreDialect.fromKey(dialect), "mark-alert-event-failed"), outcome)).isEqualTo(1);
        assertThat(jdbc.queryForMap("SELECT NextNotifyAt, NotifyError FROM monitoring.AlertEvents WHERE EventId = ?", claimed.uuid("EventId")))
                .as("given up, the error kept").extractingByKeys("NEXTNOTIFYAT", "NOTIFYERROR").containsExactly(null, "sink 'webhook' answered HTTP 503");

        List<Map<String, Object>> second = sql.queryForList(StoreSql.load(StoreDialect.fromKey(dialect), "claim-alert-events"), claim);
        assertThat(second).as("a given-up change no longer holds back the next").hasSize(1);
        Row next = Row.of(second.get(0));
        assertThat(next.integer("Sequence")).isEqualTo(2);
        assertThat(next.time("PreviousChangeAt")).isEqualTo(since);
        outcome.put("EventId", next.uuid("EventId"));
        outcome.put("RetryInSeconds", 60);
        assertThat(sql.update(StoreSql.load(StoreDialect.fromKey(dialect), "mark-alert-event-failed"), outcome)).isEqualTo(1);
        LocalDateTime retryAt = jdbc.queryForObject("SELECT NextNotifyAt FROM monitoring.AlertEvents WHERE EventId = ?", LocalDateTime.class,
                next.uuid("EventId"));
        assertThat(retryAt).isBetween(storeNow(jdbc, dialect).plusSeconds(50), storeNow(jdbc, dialect).plusSeconds(61));
        assertThat(sql.update(StoreSql.load(StoreDialect.fromKey(dialect), "mark-alert-event-sent"), outcome)).isEqualTo(1);
        assertThat(sql.update(StoreSql.load(StoreDialect.fromKey(dialect), "mark-alert-event-sent"), outcome)).as("sent once").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM monitoring.AlertEvents WHERE NotifiedAt IS NOT NULL AND NotifyError IS NULL",
                Integer.class)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void overdueAlertsOfScheduledQueriesAreStaleCandidatesAndAbsenceMovesAreFenced(String dialect) {
        DataSource store = migrated(dialect);
        JdbcTemplate jdbc = new JdbcTemplate(store);
        UUID connection = UUID.randomUUID();
        UUID scheduled = UUID.randomUUID();
        UUID adHoc = UUID.randomUUID();
        jdbc.update("INSERT INTO monitoring.DatabaseConnections (ConnectionId, ConnectionName, Provider, ConnectionString) "
                + "VALUES (?, 'orders-db', 'PostgreSQL', 'x')", connection);
        jdbc.update("INSERT INTO monitoring.DatabaseQueries (QueryId, QueryName, SqlQuery, IntervalSeconds, StaleAfterIntervals) "
                + "VALUES (?, 'every minute', 'SELECT 1', 60, 2)", scheduled);
        jdbc.update("INSERT INTO monitoring.DatabaseQueries (QueryId, QueryName, SqlQuery) VALUES (?, 'ad hoc', 'SELECT 1')", adHoc);
        LocalDateTime now = storeNow(jdbc, dialect);
        String state = "INSERT INTO monitoring.AlertStates (ConnectionId, QueryId, RowKey, State, DataState, StateSince, LastSeenAt, Sequence) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        jdbc.update(state, connection, scheduled, "", "Warning", "Warning", now.minusHours(1), now.minusMinutes(5), 3);
        jdbc.update(state, connection, scheduled, "recent", "Ok", "Ok", now.minusHours(1), now.minusSeconds(30), 0);
        jdbc.update(state, connection, scheduled, "gone", "NoData", "Ok", now.minusHours(1), now.minusMinutes(5), 1);
        jdbc.update(state, connection, adHoc, "", "Ok", "Ok", now.minusHours(1), now.minusMinutes(5), 0);
        NamedParameterJdbcTemplate sql = new NamedParameterJdbcTemplate(store);

        List<Map<String, Object>> candidates = sql.queryForList(StoreSql.load(StoreDialect.fromKey(dialect), "select-stale-alerts"), Map.of());
        assertThat(candidates).as("scheduled, overdue by more than an interval, not already Stale or NoData").singleElement()
                .satisfies(c -> {
                    Row row = Row.of(c);
                    assertThat(row.string("RowKey")).isEmpty();
                    assertThat(row.integer("IntervalSeconds")).isEqualTo(60);
                    assertThat(row.decimal("StaleAfterIntervals")).isEqualTo(2.0);
                    assertThat(((Number) row.get("SecondsSinceSeen")).longValue()).isBetween(295L, 400L);
                });

        Map<String, Object> move = new HashMap<>();
        move.put("ConnectionId", connection);
        move.put("QueryId", scheduled);
        move.put("RowKey", "");
        move.put("State", "Stale");
        move.put("Sequence", 4L);
        move.put("LastMessage", "no run for 300 s");
        move.put("ReadSequence", 2L);
        assertThat(sql.update(StoreSql.load(StoreDialect.fromKey(dialect), "move-alert-state"), move)).as("read at another Sequence").isZero();
        move.put("ReadSequence", 3L);
        assertThat(sql.update(StoreSql.load(StoreDialect.fromKey(dialect), "move-alert-state"), move)).isEqualTo(1);
        Row moved = Row.of(jdbc.queryForMap("SELECT State, DataState, Sequence, LastSeenAt, LastMessage FROM monitoring.AlertStates "
                + "WHERE QueryId = ? AND RowKey = ''", scheduled));
        assertThat(moved.string("State")).isEqualTo("Stale");
        assertThat(moved.string("DataState")).as("the reference for hysteresis stays").isEqualTo("Warning");
        assertThat(moved.time("LastSeenAt")).as("not seen meanwhile").isEqualTo(now.minusMinutes(5));
        assertThat(moved.string("LastMessage")).isEqualTo("no run for 300 s");

        // open alerts of a disabled connection or a deleted query are the ones the sweep closes
        assertThat(sql.queryForList(StoreSql.load(StoreDialect.fromKey(dialect), "select-retired-alerts"), Map.of())).isEmpty();
        jdbc.update("UPDATE monitoring.DatabaseConnections SET IsEnabled = false WHERE ConnectionId = ?", connection);
        List<String> retired = sql.queryForList(StoreSql.load(StoreDialect.fromKey(dialect), "select-retired-alerts"), Map.of()).stream()
                .map(Row::of).map(r -> r.string("RowKey") + ":" + r.string("State") + ":" + AlertEvaluator.whyRetired(r)).toList();
        assertThat(retired).containsExactlyInAnyOrder(":Stale:connection 'orders-db' was disabled", "gone:NoData:connection 'orders-db' was disabled");
        jdbc.update("UPDATE monitoring.DatabaseConnections SET IsEnabled = true WHERE ConnectionId = ?", connection);
        jdbc.update("DELETE FROM monitoring.DatabaseQueries WHERE QueryId = ?", scheduled);
        assertThat(sql.queryForList(StoreSql.load(StoreDialect.fromKey(dialect), "select-retired-alerts"), Map.of()).stream().map(Row::of)
                .map(AlertEvaluator::whyRetired).distinct().toList()).containsExactly("its query (QueryId " + scheduled + ") was deleted");
    }

    private static DataSource migrated(String dialect) {
        return migrate(dialect.equals("h2") ? new DriverManagerDataSource("jdbc:h2:mem:alerts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")
                : TestDatabases.postgresDataSource(TestDatabases.newPostgresDatabase("alerts")), dialect);
    }

    /** The store's schema as the worker's migrations make it. */
    static DataSource migrate(DataSource store, String dialect) {
        return StoreMigrations.migrate(store, StoreDialect.fromKey(dialect));
    }

    /** The store's clock, read the way its statements read it. */
    static LocalDateTime storeNow(JdbcTemplate jdbc, String dialect) {
        return jdbc.queryForObject(dialect.equals("h2") ? "SELECT DATEADD(SECOND, -(EXTRACT(TIMEZONE_HOUR FROM CURRENT_TIMESTAMP) * 3600 + EXTRACT(TIMEZONE_MINUTE FROM CURRENT_TIMESTAMP) * 60), LOCALTIMESTAMP)"
                : "SELECT now() AT TIME ZONE 'UTC'", LocalDateTime.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void currentAlertsTransitionsPerDayAndNoisyQueriesReadTheEvents(String dialect) {
        JdbcTemplate jdbc = new JdbcTemplate(migrated(dialect));
        UUID connection = UUID.randomUUID();
        UUID query = UUID.randomUUID();
        jdbc.update("INSERT INTO monitoring.DatabaseQueries (QueryId, QueryName, SqlQuery, WarningThreshold, CriticalThreshold, WarningRecovery, "
                + "CriticalRecovery, HardAfter, FlapLowPercent, FlapHighPercent, StaleAfterIntervals) VALUES (?, 'replication lag', 'SELECT 1', "
                + "80, 90, 70, 85, 2, 10, 40, 2.5)", query);
        // five minutes before the store's own clock, read the way its statements read it
        LocalDateTime since = storeNow(jdbc, dialect).minusMinutes(5);
        jdbc.update("INSERT INTO monitoring.AlertStates (ConnectionId, QueryId, RowKey, State, DataState, StateSince, Sequence, LastValue) "
                + "VALUES (?, ?, '', 'Critical', 'Critical', ?, 2, 95)", connection, query, since);
        jdbc.update("INSERT INTO monitoring.AlertStates (ConnectionId, QueryId, RowKey, State, DataState, StateSince, Sequence) "
                + "VALUES (?, ?, 'replica-2', 'Ok', 'Ok', ?, 0)", connection, query, since);
        String event = "INSERT INTO monitoring.AlertEvents (ConnectionId, QueryId, RowKey, Sequence, Kind, FromState, ToState, OccurredAt, Notifies) "
                + "VALUES (?, ?, '', ?, ?, ?, ?, ?, ?)";
        jdbc.update(event, connection, query, 1, "StateChanged", "Ok", "Warning", since, true);
        jdbc.update(event, connection, query, 2, "StateChanged", "Warning", "Critical", since, true);
        jdbc.update(event, connection, query, 3, "FlappingStarted", "Critical", "Critical", since, true);

        assertThatThrownBy(() -> jdbc.update(event, connection, query, 2, "StateChanged", "Warning", "Critical", since, true))
                .as("a second replica recording the same change").isInstanceOf(DuplicateKeyException.class);

        Map<String, Object> current = jdbc.queryForMap("SELECT * FROM monitoring.vw_CurrentAlerts");
        assertThat(current).extractingByKeys("QUERYNAME", "STATE").containsExactly("replication lag", "Critical");
        assertThat(((Number) current.get("AGESECONDS")).longValue()).isBetween(290L, 400L);
        assertThat(jdbc.queryForList("SELECT ToState || ':' || Transitions || ':' || Notified FROM monitoring.vw_AlertTransitionsPerDay ORDER BY ToState",
                String.class)).containsExactly("Critical:1:1", "Warning:1:1");
        assertThat(jdbc.queryForMap("SELECT Transitions, FlappingSpells, Connections FROM monitoring.vw_NoisyQueries WHERE QueryId = ?", query))
                .extractingByKeys("TRANSITIONS", "FLAPPINGSPELLS", "CONNECTIONS").map(v -> ((Number) v).intValue()).containsExactly(3, 1, 1);
    }
}

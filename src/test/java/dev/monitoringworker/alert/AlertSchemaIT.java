package dev.monitoringworker.alert;

import dev.monitoringworker.support.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The alerting tables and report views as the migrations create them, on PostgreSQL and on H2. */
class AlertSchemaIT {

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void currentAlertsTransitionsPerDayAndNoisyQueriesReadTheEvents(String dialect) {
        DataSource store = dialect.equals("h2")
                ? new DriverManagerDataSource("jdbc:h2:mem:alerts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")
                : TestDatabases.postgresDataSource(TestDatabases.newPostgresDatabase("alerts"));
        Flyway.configure().dataSource(store).locations("classpath:db/migration/" + dialect).schemas("monitoring")
                .table("monitoringworker_schema_history").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(store);
        UUID connection = UUID.randomUUID();
        UUID query = UUID.randomUUID();
        jdbc.update("INSERT INTO monitoring.DatabaseQueries (QueryId, QueryName, SqlQuery, WarningThreshold, CriticalThreshold, WarningRecovery, "
                + "CriticalRecovery, HardAfter, FlapLowPercent, FlapHighPercent, StaleAfterIntervals) VALUES (?, 'replication lag', 'SELECT 1', "
                + "80, 90, 70, 85, 2, 10, 40, 2.5)", query);
        // five minutes before the store's own clock, read the way its statements read it
        LocalDateTime since = jdbc.queryForObject(dialect.equals("h2") ? "SELECT CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP)"
                : "SELECT now() AT TIME ZONE 'UTC'", LocalDateTime.class).minusMinutes(5);
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

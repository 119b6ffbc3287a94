package dev.monitoringworker.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Store times are UTC wall clocks: neither binding nor reading them may pass through the JVM's zone. */
class WallClockRowsTest {

    /** 02:30 on the night New York's clocks jump from 02:00 to 03:00: a UTC time that does not exist there. */
    private static final LocalDateTime IN_THE_GAP = LocalDateTime.of(2026, 3, 8, 2, 30);

    private TimeZone before;
    private JdbcTemplate db;

    @BeforeEach
    void newYork() {
        before = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
        db = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:wallclock-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
        db.execute("CREATE TABLE t (at TIMESTAMP)");
    }

    @AfterEach
    void back() {
        TimeZone.setDefault(before);
    }

    @Test
    void aUtcTimeInTheJvmsDaylightSavingGapIsReadAndBoundAsItIs() {
        db.update("INSERT INTO t VALUES (?)", IN_THE_GAP);
        Map<String, Object> row = db.query("SELECT at FROM t", WallClockRows.rows()).get(0);
        assertThat(row.get("AT")).isEqualTo(IN_THE_GAP);
        assertThat(Row.of(row).time("AT")).isEqualTo(IN_THE_GAP);
        // a Timestamp is an instant in the JVM's zone: the hour that does not exist in New York cannot come back as it was
        assertThat(db.queryForObject("SELECT at FROM t", java.sql.Timestamp.class).toLocalDateTime()).isNotEqualTo(IN_THE_GAP);
    }

    @Test
    void otherColumnsAreReadAsBefore() {
        db.execute("CREATE TABLE u (id INT, name VARCHAR(10), amount DOUBLE PRECISION)");
        db.update("INSERT INTO u VALUES (7, 'x', 2.5)");
        Map<String, Object> row = db.query("SELECT id, name, amount FROM u", WallClockRows.rows()).get(0);
        assertThat(row).containsExactly(Map.entry("ID", 7), Map.entry("NAME", "x"), Map.entry("AMOUNT", 2.5));
    }
}

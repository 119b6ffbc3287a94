package dev.monitoringworker.alert;

import dev.monitoringworker.cli.WorkerCli;
import dev.monitoringworker.support.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backtest command on a real PostgreSQL store and on H2: stored results of the last day replayed through the
 * query's rules and through proposed ones, counted per rule set; unusable proposals and unknown queries refused.
 */
class BacktestIT {

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void replaysStoredResultsThroughCurrentAndProposedRules(String dialect) {
        String url = dialect.equals("h2") ? "jdbc:h2:mem:backtest-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"
                : TestDatabases.newPostgresDatabase("backtest");
        String user = dialect.equals("h2") ? "sa" : "postgres";
        JdbcTemplate jdbc = new JdbcTemplate(AlertSchemaIT.migrate(dialect.equals("h2") ? new DriverManagerDataSource(url, user, "")
                : TestDatabases.postgresDataSource(url), dialect));
        UUID query = UUID.randomUUID();
        jdbc.update("INSERT INTO monitoring.DatabaseQueries (QueryId, QueryName, SqlQuery, WarningThreshold, CriticalThreshold, ComparisonOperator, "
                + "HardAfter) VALUES (?, 'replication lag', 'SELECT 1', 80, 90, 'GreaterThan', 1)", query);
        LocalDateTime now = AlertSchemaIT.storeNow(jdbc, dialect);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        String insert = "INSERT INTO monitoring.DatabaseMonitoringResults (ConnectionId, QueryId, Status, ResultValue, ErrorMessage, ExecutedAt) "
                + "VALUES (?, ?, ?, ?, ?, ?)";
        double[] values = {10, 85, 10, 85, 10, 95, 95, 50, 10, 10};
        for (int i = 0; i < values.length; i++) {
            String status = values[i] > 90 ? "Critical" : values[i] > 80 ? "Warning" : "Ok";
            jdbc.update(insert, a, query, status, values[i], null, now.minusMinutes(60 - i));
        }
        for (int i = 0; i < 3; i++) {
            jdbc.update(insert, b, query, "Error", null, "connection refused", now.minusMinutes(60 - i));
        }
        jdbc.update(insert, a, query, "Critical", 99.0, null, now.minusDays(3));     // older than --days=1: not replayed

        Run run = backtest(url, user, "--query=replication lag", "--days=1", "--hard-after=2");
        assertThat(run.code).as(run.err).isZero();
        assertThat(run.lines()).contains(
                "Backtest of query 'replication lag' over the last 1 day(s): 13 result(s) on 2 connection(s)",
                "HardAfter 1 2",
                "WarningThreshold 80.0 80.0",
                "alerts 2 2",
                "transitions 7 3",
                "to Critical 1 1",
                "to Ok 3 1",
                "to Unknown 1 1",
                "to Warning 2 0",
                "notifications 7 3",
                "flapping spells 0 0");

        Run one = backtest(url, user, "--query=" + query.toString().toUpperCase(), "--days=1", "--connection=" + b, "--warning=none");
        assertThat(one.code).as(one.err).isZero();
        assertThat(one.lines()).contains("WarningThreshold 80.0 -", "transitions 1 1", "to Unknown 1 1");
        assertThat(one.lines().get(0)).endsWith(": 3 result(s) on 1 connection(s)");

        Run wrongSide = backtest(url, user, "--query=replication lag", "--critical-recovery=95");
        assertThat(wrongSide.code).isEqualTo(2);
        assertThat(wrongSide.err).contains("the proposed rules cannot be used: CriticalRecovery 95.0 must lie on the good side of CriticalThreshold 90.0");
        Run unknown = backtest(url, user, "--query=no such query");
        assertThat(unknown.code).isEqualTo(2);
        assertThat(unknown.err).contains("no query named 'no such query'");
    }

    record Run(int code, String out, String err) {
        /** Output lines with runs of spaces collapsed, for reading the table. */
        List<String> lines() {
            List<String> lines = new ArrayList<>();
            for (String l : out.split("\\R")) {
                lines.add(l.trim().replaceAll("\\s+", " "));
            }
            return lines;
        }
    }

    private static Run backtest(String url, String user, String... options) {
        List<String> args = new ArrayList<>(List.of(BacktestCommand.NAME));
        args.addAll(List.of(options));
        args.add("--spring.datasource.url=" + url);
        args.add("--spring.datasource.username=" + user);
        args.add("--spring.datasource.password=");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = WorkerCli.run(args.toArray(String[]::new), new java.io.ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}

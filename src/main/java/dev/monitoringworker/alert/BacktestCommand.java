package dev.monitoringworker.alert;

import dev.monitoringworker.store.StoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringworker.store.Row;
import dev.monitoringworker.store.StoreDialect;
import dev.monitoringworker.store.StoreSql;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.ColumnMapRowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code java -jar monitoring-worker.jar backtest --query=<name or id> [--days=7] [--connection=<name or id>] [rule options]}:
 * replays a query's stored results of the last days through its current rules and through proposed ones, and prints
 * how many alerts, transitions and notifications each would have produced. Reads the store; writes nothing.
 */
public final class BacktestCommand {

    public static final String NAME = "backtest";

    /** Rule options and the DatabaseQueries columns they propose values for ("none" proposes NULL). */
    public static final Map<String, String> OPTIONS = new LinkedHashMap<>();

    static {
        OPTIONS.put("warning", "WarningThreshold");
        OPTIONS.put("critical", "CriticalThreshold");
        OPTIONS.put("operator", "ComparisonOperator");
        OPTIONS.put("warning-recovery", "WarningRecovery");
        OPTIONS.put("critical-recovery", "CriticalRecovery");
        OPTIONS.put("hard-after", "HardAfter");
        OPTIONS.put("flap-low-percent", "FlapLowPercent");
        OPTIONS.put("flap-high-percent", "FlapHighPercent");
        OPTIONS.put("key-column", "AlertKeyColumn");
        OPTIONS.put("value-column", "AlertValueColumn");
    }

    private BacktestCommand() {
    }

    /**
     * Replays the query's results of the last {@code days} through its rules and the proposed ones.
     *
     * @param proposed DatabaseQueries rule columns (values of {@link #OPTIONS}) and their proposed values, "none" for NULL
     * @return the exit code: 0 reported, 1 failed, 2 no such query or a proposal that is not a rule
     */
    public static int run(String query, String connection, int days, Map<String, String> proposed, List<String> springProperties,
                          PrintStream out, PrintStream err) {
        List<String> springArgs = new ArrayList<>(springProperties);
        springArgs.add("--logging.level.root=WARN");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StoreOnly.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run(springArgs.toArray(String[]::new))) {
            StoreDialect dialect = StoreDialect.fromKey(context.getBean(StoreProperties.class).dialect());
            DataSource store = context.getBean(DataSource.class);
            return report(new NamedParameterJdbcTemplate(store), store, dialect, context.getBean(AlertsProperties.class), query, connection, days, proposed, out,
                    err);
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            err.println(NAME + ": " + (root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage()));
            return 1;
        }
    }

    static int report(NamedParameterJdbcTemplate jdbc, DataSource store, StoreDialect dialect, AlertsProperties alerts, String query, String connection,
                      int days, Map<String, String> proposed, PrintStream out, PrintStream err) {
        List<Map<String, Object>> found = jdbc.queryForList(StoreSql.load(dialect, "select-backtest-query"), Map.of("Query", query));
        if (found.size() != 1) {
            err.println(NAME + ": " + (found.isEmpty() ? "no query named '" + query + "' (QueryName or QueryId)"
                    : found.size() + " queries are named '" + query + "': give its QueryId"));
            return 2;
        }
        Map<String, Object> current = found.get(0);
        // column labels differ in case between stores: the proposal replaces the value under the store's own label
        Map<String, Object> candidate = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        candidate.putAll(current);
        proposed.forEach((column, value) -> candidate.put(column, value.equalsIgnoreCase("none") ? null : value));
        AlertRules defaults = AlertRules.configured(alerts);
        try {
            AlertRules.from(Row.of(candidate), defaults);
        } catch (IllegalArgumentException e) {
            err.println(NAME + ": the proposed rules cannot be used: " + e.getMessage());
            return 2;
        }
        ObjectMapper json = new ObjectMapper();
        AlertBacktest now = new AlertBacktest(new AlertEvaluator(defaults, json), current);
        AlertBacktest then = new AlertBacktest(new AlertEvaluator(defaults, json), candidate);
        Map<String, Object> params = new HashMap<>();
        params.put("QueryId", Row.of(current).uuid("QueryId"));
        params.put("Days", days);
        params.put("Connection", connection);
        ColumnMapRowMapper rows = new ColumnMapRowMapper();
        // one read-only transaction, so that PostgreSQL streams the rows instead of loading them all
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(store));
        tx.setReadOnly(true);
        tx.executeWithoutResult(status -> {
            jdbc.getJdbcTemplate().setFetchSize(1000);
            jdbc.query(StoreSql.load(dialect, "select-backtest-results"), params, rs -> {
                Map<String, Object> result = rows.mapRow(rs, 0);
                now.accept(result);
                then.accept(result);
            });
        });
        out.print(table(Row.of(current).string("QueryName"), days, connection, current, candidate, now.tally(), then.tally()));
        return 0;
    }

    static String table(String query, int days, String connection, Map<String, Object> current, Map<String, Object> candidate,
                        AlertBacktest.Tally a, AlertBacktest.Tally b) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("Backtest of query '%s' over the last %d day(s)%s: %d result(s) on %d connection(s)%n", query, days,
                connection == null ? "" : " on connection '" + connection + "'", a.results(), a.connections()));
        s.append(String.format("%-22s %14s %14s%n", "", "current", "proposed"));
        for (String column : OPTIONS.values()) {
            s.append(String.format("%-22s %14s %14s%n", column, text(Row.of(current).get(column)), text(Row.of(candidate).get(column))));
        }
        s.append(String.format("%-22s %14d %14d%n", "alerts", a.alerts(), b.alerts()));
        s.append(String.format("%-22s %14d %14d%n", "transitions", a.transitions(), b.transitions()));
        TreeSet<String> states = new TreeSet<>(a.byState().keySet());
        states.addAll(b.byState().keySet());
        for (String state : states) {
            s.append(String.format("%-22s %14d %14d%n", "  to " + state, a.byState().getOrDefault(state, 0), b.byState().getOrDefault(state, 0)));
        }
        s.append(String.format("%-22s %14d %14d%n", "notifications", a.notifications(), b.notifications()));
        s.append(String.format("%-22s %14d %14d%n", "flapping spells", a.flappingSpells(), b.flappingSpells()));
        return s.toString();
    }

    private static String text(Object v) {
        return v == null ? "-" : String.valueOf(v);
    }

    /** Only the store: no routes, no web server. Not a {@code @Configuration}, so the worker's component scan leaves it out. */
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class})
    @EnableConfigurationProperties({StoreProperties.class, AlertsProperties.class})
    static class StoreOnly {
    }
}

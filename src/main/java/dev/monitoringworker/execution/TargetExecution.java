package dev.monitoringworker.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringworker.security.CipherException;
import dev.monitoringworker.security.ConnectionStringCipher;
import dev.monitoringworker.security.Secrets;
import dev.monitoringworker.threshold.CounterReading;
import dev.monitoringworker.threshold.Counters;
import dev.monitoringworker.threshold.Evaluation;
import dev.monitoringworker.threshold.ResultStatus;
import dev.monitoringworker.threshold.ResultType;
import dev.monitoringworker.threshold.ThresholdEvaluator;
import dev.monitoringworker.threshold.Thresholds;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeTimedOutException;
import org.apache.camel.component.sql.SqlConstants;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The execution envelope of one work item, called from the {@code execute-work} route: {@link #prepare}
 * checks the rows and hands the provider route its SQL and an enveloped pool; {@link #evaluate} and
 * {@link #failure} turn what happened into the result row that the batch's transaction writes.
 */
public class TargetExecution {

    public static final String WORK_ITEM = "monitoringWorkItem";
    public static final String PROVIDER = "MonitoringProvider";
    public static final String DEADLINE = "MonitoringDeadlineMs";
    /** Where a result row carries the SQL text it ran (a variant's, for a versioned query): not a column, kept in QueryVersions. */
    public static final String QUERY_TEXT = "QueryText";
    /** Where a result row carries its counter readings: not a column of the row, the batch writes them to CounterSamples. */
    public static final String COUNTER_SAMPLES = "CounterSamples";
    /** Beyond statement timeout and connect timeout, how long the route waits before it gives a run up. */
    static final int DEADLINE_GRACE_SECONDS = 2;
    private static final String STARTED = "monitoringStartedNanos";
    /** SQL states drivers use for a cancelled or timed-out statement. */
    private static final Set<String> TIMEOUT_STATES = Set.of("57014", "70100", "HYT00", "HYT01");

    private static final String PLAINTEXT = "monitoringPlaintextConnectionString";
    /** Set while an admitted run's outcome is still to be told to the connection's circuit breaker. */
    private static final String ADMITTED = "monitoringAdmittedNanos";
    private static final String CIRCUIT = "monitoringCircuit";
    /** The SQL text a run sends: SqlQuery, or the SqlVariants entry for the server's version. */
    private static final String RAN_SQL = "monitoringRanSql";

    private final TargetPools pools;
    private final TargetBreakers breakers;
    private final ResultRows rows;
    private final boolean allowPlaintext;

    public TargetExecution(TargetPools pools, TargetBreakers breakers, ObjectMapper json, boolean allowPlaintext) {
        this.pools = pools;
        this.breakers = breakers;
        this.rows = new ResultRows(json);
        this.allowPlaintext = allowPlaintext;
    }

    public void prepare(Exchange exchange) throws SQLException {
        WorkItem item = exchange.getIn().getBody(WorkItem.class);
        exchange.setProperty(WORK_ITEM, item);
        exchange.setProperty(STARTED, System.nanoTime());
        TargetConnection c = item.connection();
        MonitoringQuery q = item.query();
        // flagged first, so that every result of a plaintext connection says so, whatever else goes wrong
        boolean plaintext = c.connectionString() != null && !c.connectionString().isBlank()
                && !ConnectionStringCipher.isEncrypted(c.connectionString());
        exchange.setProperty(PLAINTEXT, plaintext);
        if (plaintext && !allowPlaintext) {
            throw new TargetException("connection " + c.label() + ": ConnectionString is stored in plaintext, which "
                    + "monitoring.security.allow-plaintext=false refuses; encrypt it with: java -jar monitoring-worker.jar encrypt-plaintext");
        }
        Provider provider;
        try {
            provider = Provider.parse(c.provider());
        } catch (IllegalArgumentException e) {
            throw new TargetException("connection " + c.label() + ": " + e.getMessage());
        }
        String badConnection = c.invalidSettings();
        if (badConnection != null) {
            throw new TargetException("connection " + c.label() + ": " + badConnection);
        }
        String badQuery = q.invalidSettings();
        if (badQuery != null) {
            throw new TargetException("query " + q.label() + ": " + badQuery);
        }
        Settings settings = settings(q);
        if (!q.allowWrite() && settings.type() == ResultType.NonQuery) {
            throw new TargetException("query " + q.label() + ": ResultType NonQuery changes data and needs AllowWrite = 1");
        }
        if (!q.allowWrite() && SqlText.statementCount(provider, q.sql()) > 1) {
            throw new TargetException("query " + q.label() + ": SqlQuery holds more than one statement; "
                    + "only a query with AllowWrite = 1 may run several");
        }
        if (!q.allowWrite()) {
            List<SqlVariant> variants = SqlVariant.parse(q.sqlVariants());
            for (int i = 0; i < variants.size(); i++) {
                if (SqlText.statementCount(provider, variants.get(i).sql()) > 1) {
                    throw new TargetException("query " + q.label() + ": SqlVariants[" + i + "] holds more than one statement; "
                            + "only a query with AllowWrite = 1 may run several");
                }
            }
        }
        int timeout = q.timeoutSeconds() != null ? q.timeoutSeconds() : c.commandTimeoutSeconds();
        try {
            breakers.admit(c);
        } finally {
            exchange.setProperty(CIRCUIT, breakers.state(c));
        }
        exchange.setProperty(ADMITTED, System.nanoTime());
        try {
            exchange.getIn().setHeader(SqlConstants.SQL_DATA_SOURCE,
                    new EnvelopedDataSource(pools.poolFor(c, provider), provider, !q.allowWrite(), timeout, q.maxRows()));
        } catch (ConnectionStringException | CipherException e) {
            throw new TargetException("connection " + c.label() + ": " + e.getMessage());
        }
        // a query whose SQL depends on the server's version takes the variant for the version the server reports
        String sql = q.versioned() ? q.sqlFor(pools.serverVersion(c, provider)) : q.sql();
        exchange.setProperty(RAN_SQL, sql);
        exchange.getIn().setHeader(PROVIDER, provider.name());
        exchange.getIn().setHeader(DEADLINE, (timeout + c.connectTimeoutSeconds() + DEADLINE_GRACE_SECONDS) * 1000L);
        exchange.getIn().setBody(provider == Provider.Oracle ? OracleSql.runnable(sql) : sql);
    }

    @SuppressWarnings("unchecked")
    public void evaluate(Exchange exchange) throws JsonProcessingException {
        exchange.getIn().removeHeader(SqlConstants.SQL_DATA_SOURCE);
        WorkItem item = exchange.getProperty(WORK_ITEM, WorkItem.class);
        recordOutcome(exchange, item, null, null);
        Settings s = settings(item.query());
        Integer updateCount = exchange.getIn().getHeader(SqlConstants.SQL_UPDATE_COUNT, Integer.class);
        // a counter is read without thresholds: they judge its rate; a per-key DataSet's thresholds judge each key's
        // value (its alerts), not how many rows came back
        boolean keyed = keyed(item, s);
        Thresholds judging = item.query().counter() || keyed ? Thresholds.NONE : s.thresholds();
        Evaluation evaluation = updateCount != null
                ? ThresholdEvaluator.ofUpdateCount(s.type(), judging, updateCount)
                : ThresholdEvaluator.ofRows(s.type(), judging, exchange.getIn().getBody(List.class), item.query().maxRows());
        if (keyed && !evaluation.failed()) {
            evaluation = new Evaluation(evaluation.status(), evaluation.value(), evaluation.text(), evaluation.rowCount(),
                    evaluation.rowCount() + " row(s); each " + item.query().keyColumn() + " is judged by its own alert"
                            + (evaluation.truncated() ? "; rows truncated at MaxRows=" + evaluation.rows().size() : ""),
                    evaluation.rows(), evaluation.truncated());
        }
        CounterReading reading = null;
        if (item.query().counter()) {
            long now = System.currentTimeMillis();
            reading = keyed
                    ? Counters.ofKeys(evaluation, item.query().keyColumn(), item.query().valueColumn(), item.counters(), now)
                    : Counters.of(evaluation, s.thresholds(), item.counters(), now);
            evaluation = reading.evaluation();
        }
        if (evaluation.failed()) {
            evaluation = Evaluation.failure(evaluation.status(), "connection " + item.connection().label() + ", query "
                    + item.query().label() + ": " + evaluation.reason());
        }
        exchange.getIn().setBody(resultRow(exchange, item, evaluation, reading));
    }

    /** A DataSet with AlertKeyColumn and AlertValueColumn has one value (and one counter) per key. */
    private static boolean keyed(WorkItem item, Settings s) {
        return s.type() == ResultType.DataSet && item.query().keyed();
    }

    public void failure(Exchange exchange) throws JsonProcessingException {
        exchange.getIn().removeHeader(SqlConstants.SQL_DATA_SOURCE);
        WorkItem item = exchange.getProperty(WORK_ITEM, WorkItem.class);
        if (item == null) {
            item = exchange.getIn().getBody(WorkItem.class);
            exchange.setProperty(WORK_ITEM, item);
        }
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String description = Secrets.redact(describe(item, cause));
        recordOutcome(exchange, item, cause, description);
        Evaluation evaluation = Evaluation.failure(isTimeout(cause) ? ResultStatus.Timeout : ResultStatus.Error, description);
        exchange.getIn().setBody(resultRow(exchange, item, evaluation, null));
    }

    /** Tells the connection's circuit breaker how an admitted run went, once, and notes the state it leaves. */
    private void recordOutcome(Exchange exchange, WorkItem item, Throwable fault, String description) {
        Long admitted = exchange.getProperty(ADMITTED, Long.class);
        if (admitted == null) {
            return;
        }
        exchange.removeProperty(ADMITTED);
        breakers.record(item.connection(), System.nanoTime() - admitted, fault, description);
        exchange.setProperty(CIRCUIT, breakers.state(item.connection()));
    }

    private record Settings(ResultType type, Thresholds thresholds) {
    }

    private static Settings settings(MonitoringQuery q) {
        try {
            return new Settings(ResultType.parse(q.resultType()),
                    Thresholds.of(q.warningThreshold(), q.criticalThreshold(), q.comparisonOperator()));
        } catch (IllegalArgumentException e) {
            throw new TargetException("query " + q.label() + ": " + e.getMessage());
        }
    }

    private Map<String, Object> resultRow(Exchange exchange, WorkItem item, Evaluation e, CounterReading counter) throws JsonProcessingException {
        Long started = exchange.getProperty(STARTED, Long.class);
        String ran = exchange.getProperty(RAN_SQL, String.class);
        return rows.of(item, ran != null ? ran : item.query().sql(), e, started == null ? 0L : (System.nanoTime() - started) / 1_000_000L,
                Boolean.TRUE.equals(exchange.getProperty(PLAINTEXT, Boolean.class)), exchange.getProperty(CIRCUIT, String.class), counter);
    }

    static boolean isTimeout(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            // a socket read that ran out: the envelope's network timeout ended a statement whose cancel went unanswered
            boolean readTimedOut = c instanceof java.net.SocketTimeoutException && String.valueOf(c.getMessage()).contains("Read timed out");
            if (c instanceof ExchangeTimedOutException || c instanceof SQLTimeoutException || readTimedOut
                    || c instanceof SQLException s && s.getSQLState() != null && TIMEOUT_STATES.contains(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Names the connection and query and says what went wrong, from the innermost meaningful cause. */
    static String describe(WorkItem item, Throwable t) {
        if (t instanceof TargetException) {
            return t.getMessage();
        }
        if (t instanceof ExchangeTimedOutException timedOut) {
            return "connection " + item.connection().label() + ", query " + item.query().label() + ": no answer within "
                    + timedOut.getTimeout() / 1000 + " s (statement timeout + connect timeout + " + DEADLINE_GRACE_SECONDS
                    + " s); the route gave the run up and will discard its late answer";
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof SQLException && !(root.getCause() instanceof SQLException)) {
                break;
            }
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip();
        String state = root instanceof SQLException s && s.getSQLState() != null ? " [SQLState " + s.getSQLState() + "]" : "";
        return "connection " + item.connection().label() + ", query " + item.query().label() + ": " + message + state;
    }
}

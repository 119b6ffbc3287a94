package dev.monitoringworker.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringworker.store.Row;
import dev.monitoringworker.threshold.Thresholds;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Batches of result rows and stored states in, rows to write out: per-key DataSet alerts, vanished keys, Stale. */
class AlertEvaluatorTest {

    static final UUID CONNECTION = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    static final UUID QUERY = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

    final AlertEvaluator evaluator = new AlertEvaluator(AlertRules.defaults(Thresholds.NONE), new ObjectMapper());

    static Map<String, Object> row(Object... pairs) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** Per-key alerts on the "lag" column by "replica", hard at once, lag > 80 warns, > 90 is critical. */
    static Map<String, Object> keyedRule() {
        return row("QueryId", QUERY, "QueryName", "replica lag", "WarningThreshold", 80.0, "CriticalThreshold", 90.0, "ComparisonOperator",
                "GreaterThan", "HardAfter", 1, "AlertKeyColumn", "replica", "AlertValueColumn", "lag", "IntervalSeconds", 60);
    }

    static Map<String, Object> dataSet(String details) {
        return row("ConnectionId", CONNECTION, "QueryId", QUERY, "Status", "Ok", "ResultValue", null, "Details", details);
    }

    static Map<String, Object> state(String rowKey, String state, long sequence) {
        return row("ConnectionId", CONNECTION, "QueryId", QUERY, "RowKey", rowKey, "State", state, "DataState", state, "PendingCount", 0,
                "History", "", "StateSince", Timestamp.valueOf(LocalDateTime.of(2026, 11, 28, 9, 0)),
                "LastSeenAt", Timestamp.valueOf(LocalDateTime.of(2026, 11, 28, 9, 0)), "Sequence", sequence);
    }

    static Map<String, Object> byKey(List<Map<String, Object>> rows, String rowKey) {
        return rows.stream().filter(r -> rowKey.equals(r.get("RowKey"))).findFirst().orElseThrow();
    }

    @Test
    void eachKeyOfADataSetIsAnAlertJudgedOnItsOwnValue() {
        AlertChanges changes = evaluator.evaluate(List.of(dataSet("{\"rows\":[{\"REPLICA\":\"r1\",\"LAG\":12},{\"REPLICA\":\"r2\",\"LAG\":95}],"
                + "\"truncated\":false}")), List.of(keyedRule()), List.of());
        assertThat(changes.newStates()).extracting(r -> r.get("RowKey") + "=" + r.get("State") + "@" + r.get("LastValue"))
                .containsExactlyInAnyOrder("=Ok@null", "r1=Ok@12.0", "r2=Critical@95.0");
        assertThat(changes.events()).extracting(e -> e.get("RowKey") + ":" + e.get("FromState") + ">" + e.get("ToState"))
                .containsExactly("r2:Ok>Critical");
        assertThat(byKey(changes.events(), "r2")).containsEntry("StateSequence", 1L).containsEntry("ResultValue", 95.0);
    }

    @Test
    void aKeyNoLongerReturnedIsNoDataButNotWhenTheRowsWereCut() {
        List<Map<String, Object>> stored = List.of(state("", "Ok", 0), state("r1", "Ok", 0), state("r2", "Critical", 1));
        AlertChanges cut = evaluator.evaluate(List.of(dataSet("{\"rows\":[{\"replica\":\"r1\",\"lag\":1}],\"truncated\":true}")),
                List.of(keyedRule()), stored);
        assertThat(cut.absentStates()).isEmpty();
        assertThat(cut.events()).isEmpty();

        AlertChanges changes = evaluator.evaluate(List.of(dataSet("{\"rows\":[{\"replica\":\"r1\",\"lag\":1}],\"truncated\":false}")),
                List.of(keyedRule()), stored);
        assertThat(changes.absentStates()).singleElement().satisfies(r -> assertThat(r).containsEntry("RowKey", "r2")
                .containsEntry("State", "NoData").containsEntry("Sequence", 2L).containsEntry("ReadSequence", 1L));
        assertThat(changes.events()).extracting(e -> e.get("RowKey") + ":" + e.get("FromState") + ">" + e.get("ToState") + ":" + e.get("Notifies"))
                .containsExactly("r2:Critical>NoData:true");
        assertThat(byKey(changes.events(), "r2").get("ResultValue")).isNull();
    }

    @Test
    void aFailedRunLeavesTheKeysAsTheyAreAndTurnsTheQueryAlertUnknown() {
        Map<String, Object> failed = row("ConnectionId", CONNECTION, "QueryId", QUERY, "Status", "Error", "ErrorMessage", "relation does not exist");
        AlertChanges changes = evaluator.evaluate(List.of(failed), List.of(keyedRule()),
                List.of(state("", "Ok", 0), state("r1", "Ok", 0), state("r2", "Critical", 1)));
        assertThat(changes.updatedStates()).extracting(r -> r.get("RowKey") + "=" + r.get("State")).containsExactly("=Unknown");
        assertThat(changes.absentStates()).as("missing data is not a vanished key, nor a recovery").isEmpty();
    }

    @Test
    void aValueThatIsNotANumberIsAnErrorOfThatKeyAndAMissingKeyColumnIsSaidOnce() {
        AlertChanges changes = evaluator.evaluate(List.of(dataSet("{\"rows\":[{\"replica\":\"r1\",\"lag\":\"n/a\"}],\"truncated\":false}")),
                List.of(keyedRule()), List.of(state("r1", "Ok", 0)));
        assertThat(byKey(changes.updatedStates(), "r1")).containsEntry("State", "Unknown")
                .containsEntry("LastMessage", "AlertValueColumn 'lag' of key 'r1' is not a number: 'n/a'");

        AlertChanges noKey = evaluator.evaluate(List.of(dataSet("{\"rows\":[{\"name\":\"r1\",\"lag\":1}],\"truncated\":false}")),
                List.of(keyedRule()), List.of(state("r1", "Ok", 0)));
        assertThat(noKey.newStates()).extracting(r -> r.get("RowKey")).containsExactly("");
        assertThat(noKey.absentStates()).as("a wrong key column vanishes nothing").isEmpty();
    }

    @Test
    void alertsOverdueByTheMultipleOfTheirIntervalTurnStaleOnlyForTimeTheWorkerWatched() {
        Map<String, Object> overdue = new HashMap<>(state("", "Warning", 4));
        overdue.putAll(keyedRule());
        overdue.put("RowKey", "");
        overdue.put("SecondsSinceSeen", 200L);                        // more than 3 × 60 s
        Map<String, Object> recent = new HashMap<>(overdue);
        recent.put("RowKey", "r1");
        recent.put("SecondsSinceSeen", 90L);                          // overdue, but not by 3 intervals
        assertThat(evaluator.staleAfterUptime(List.of(overdue, recent), 3600).absentStates()).extracting(r -> r.get("RowKey"))
                .containsExactly("");
        // a worker that started 100 s ago has not watched 3 intervals go by: nothing is Stale yet
        assertThat(evaluator.staleAfterUptime(List.of(overdue, recent), 100).absentStates()).isEmpty();
    }

    @Test
    void staleMovesAreFencedAndNotified() {
        Map<String, Object> overdue = new HashMap<>(state("", "Warning", 4));
        overdue.putAll(keyedRule());
        overdue.put("RowKey", "");
        overdue.put("SecondsSinceSeen", 200L);
        AlertChanges changes = evaluator.staleAfterUptime(List.of(overdue), 3600);
        assertThat(changes.absentStates()).singleElement().satisfies(r -> assertThat(r).containsEntry("State", "Stale")
                .containsEntry("Sequence", 5L).containsEntry("ReadSequence", 4L));
        assertThat(changes.events()).singleElement().satisfies(e -> assertThat(e).containsEntry("FromState", "Warning")
                .containsEntry("ToState", "Stale").containsEntry("StateSequence", 5L));
        assertThat((String) changes.events().get(0).get("Reason")).isEqualTo("no run for 200 s, more than 3.0 × the 60 s interval");
    }

    @Test
    void keyAndValueColumnsComeTogether() {
        Map<String, Object> onlyKey = keyedRule();
        onlyKey.put("AlertValueColumn", null);
        assertThatThrownBy(() -> AlertRules.from(Row.of(onlyKey), AlertRules.defaults(Thresholds.NONE)))
                .hasMessage("AlertKeyColumn 'replica' needs an AlertValueColumn");
        List<Map<String, Object>> rules = new ArrayList<>(List.of(onlyKey));
        assertThat(evaluator.evaluate(List.of(dataSet("{}")), rules, List.of()).newStates()).as("the query's alerts are left alone").isEmpty();
    }
}

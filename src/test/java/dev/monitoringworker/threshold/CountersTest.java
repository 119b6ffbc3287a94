package dev.monitoringworker.threshold;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CountersTest {

    private static final Thresholds ABOVE_10_20 = Thresholds.of(10.0, 20.0, "GreaterThan");

    private static Evaluation scalar(Object cell) {
        List<Map<String, Object>> rows = cell == null ? List.of() : List.of(Map.of("deadlocks", cell));
        return ThresholdEvaluator.ofRows(ResultType.Scalar, Thresholds.NONE, rows, 100);
    }

    @Test
    void theRateBetweenTwoReadingsIsJudged() {
        CounterReading r = Counters.of(scalar(1300L), ABOVE_10_20, Map.of("", new CounterSample("", 1000, 10_000)), 30_000);
        assertThat(r.evaluation().value()).isCloseTo(15.0, within(1e-12));
        assertThat(r.evaluation().status()).isEqualTo(ResultStatus.Warning);
        assertThat(r.evaluation().text()).as("what the query returned").isEqualTo("1300");
        assertThat(r.evaluation().reason()).isEqualTo("15 > 10 (WarningThreshold); per second: the counter went from 1000 to 1300 in 20.0 s");
        assertThat(r.samples()).containsExactly(new CounterSample("", 1300, 30_000));
        assertThat(r.details().get("counter")).isEqualTo(Map.of("value", 1300.0, "previous", 1000.0, "seconds", 20.0, "perSecond", 15.0));
    }

    @Test
    void aFirstReadingHasNoRateAndIsKept() {
        CounterReading r = Counters.of(scalar(1000), ABOVE_10_20, Map.of(), 5_000);
        assertThat(r.evaluation().status()).isEqualTo(ResultStatus.Ok);
        assertThat(r.evaluation().value()).isNull();
        assertThat(r.evaluation().reason()).isEqualTo("first reading of the counter (1000); the rate follows from the next run");
        assertThat(r.samples()).containsExactly(new CounterSample("", 1000, 5_000));
    }

    @Test
    void aResetIsNoSpikeAndTheNextRateStartsFromIt() {
        CounterReading reset = Counters.of(scalar(4), ABOVE_10_20, Map.of("", new CounterSample("", 1_000_000, 0)), 1_000);
        assertThat(reset.evaluation().status()).isEqualTo(ResultStatus.Ok);
        assertThat(reset.evaluation().value()).isNull();
        assertThat(reset.evaluation().reason()).startsWith("the counter went from 1000000 to 4 (a reset");
        assertThat(reset.samples()).containsExactly(new CounterSample("", 4, 1_000));

        CounterReading next = Counters.of(scalar(14), ABOVE_10_20, Map.of("", reset.samples().get(0)), 2_000);
        assertThat(next.evaluation().value()).isEqualTo(10.0);
        assertThat(next.evaluation().status()).as("10 is not above 10").isEqualTo(ResultStatus.Ok);
    }

    @Test
    void noRateWithoutTimeBetweenReadings() {
        CounterReading r = Counters.of(scalar(20), ABOVE_10_20, Map.of("", new CounterSample("", 10, 7_000)), 7_000);
        assertThat(r.evaluation().value()).isNull();
        assertThat(r.evaluation().reason()).contains("not older than this one");
    }

    @Test
    void aCounterNeedsANumber() {
        CounterReading text = Counters.of(scalar("many"), ABOVE_10_20, Map.of(), 1);
        assertThat(text.evaluation().status()).isEqualTo(ResultStatus.Error);
        assertThat(text.evaluation().reason()).isEqualTo("ValueKind Counter needs a number to take a rate of, but the query returned text 'many'");
        assertThat(text.samples()).isEmpty();
        assertThat(Counters.of(scalar(null), ABOVE_10_20, Map.of(), 1).evaluation().reason()).endsWith("returned no rows");
        Evaluation failed = Evaluation.failure(ResultStatus.Timeout, "no answer");
        assertThat(Counters.of(failed, ABOVE_10_20, Map.of(), 1).evaluation()).isSameAs(failed);
    }

    @Test
    void eachKeyOfADataSetHasItsOwnRate() {
        List<Map<String, Object>> rows = List.of(
                Map.of("NAME", "db1", "COMMITS", 700L),   // +200 in 10 s
                Map.of("NAME", "db2", "COMMITS", 5L),     // reset
                Map.of("NAME", "db3", "COMMITS", 1L),     // new key
                Map.of("NAME", "db4", "COMMITS", "n/a"),  // not a number: no reading
                Map.of("NAME", "db1", "COMMITS", 900L));  // the same key again: the first row counts
        Evaluation dataSet = ThresholdEvaluator.ofRows(ResultType.DataSet, Thresholds.NONE, rows, 100);
        Map<String, CounterSample> previous = Map.of("db1", new CounterSample("db1", 500, 0), "db2", new CounterSample("db2", 50, 0));
        CounterReading r = Counters.ofKeys(dataSet, "name", "commits", previous, 10_000);
        assertThat(r.evaluation()).isSameAs(dataSet);
        assertThat(r.details().get("rates")).isEqualTo(java.util.Arrays.asList(20.0, null, null, null, null));
        assertThat(r.samples()).containsExactly(new CounterSample("db1", 700, 10_000), new CounterSample("db2", 5, 10_000),
                new CounterSample("db3", 1, 10_000));
    }

    @Test
    void valueKindIsGaugeUnlessItSaysCounter() {
        assertThat(ValueKind.parse(null)).isEqualTo(ValueKind.Gauge);
        assertThat(ValueKind.parse(" counter ")).isEqualTo(ValueKind.Counter);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ValueKind.parse("Rate"))
                .hasMessage("unknown ValueKind 'Rate'; use Gauge (or NULL) or Counter");
    }
}

package dev.monitoringworker.threshold;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThresholdEvaluatorTest {

    private static List<Map<String, Object>> scalar(Object value) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("v", value);
        return List.of(row);
    }

    private static Evaluation evaluate(Object value, Double warning, Double critical, String operator) {
        return ThresholdEvaluator.ofRows(ResultType.Scalar, Thresholds.of(warning, critical, operator), scalar(value), 100);
    }

    @Nested
    class Operators {
        @ParameterizedTest(name = "{0} {1} -> value {2}: {3}")
        @CsvSource({
                "GreaterThan,        >,  91, Critical", "GreaterThan,        >,  90, Warning", "GreaterThan,        >,  80, Ok",
                "GreaterThanOrEqual, >=, 90, Critical", "GreaterThanOrEqual, >=, 80, Warning", "GreaterThanOrEqual, >=, 79, Ok",
                "LessThan,           <,  9,  Critical", "LessThan,           <,  19, Warning", "LessThan,           <,  20, Ok",
                "LessThanOrEqual,    <=, 10, Critical", "LessThanOrEqual,    <=, 20, Warning", "LessThanOrEqual,    <=, 21, Ok",
        })
        void orderedOperatorsByNameAndSymbol(String name, String symbol, double value, ResultStatus expected) {
            boolean greater = name.startsWith("Greater");
            double warning = greater ? 80 : 20;
            double critical = greater ? 90 : 10;
            assertThat(evaluate(value, warning, critical, name).status()).isEqualTo(expected);
            assertThat(evaluate(value, warning, critical, symbol).status()).isEqualTo(expected);
        }

        @Test
        void equalAndNotEqual() {
            assertThat(evaluate(0, null, 0.0, "Equal").status()).isEqualTo(ResultStatus.Critical);
            assertThat(evaluate(1, null, 0.0, "=").status()).isEqualTo(ResultStatus.Ok);
            assertThat(evaluate(1, 1.0, null, "NotEqual").status()).isEqualTo(ResultStatus.Ok);
            assertThat(evaluate(2, 1.0, null, "<>").status()).isEqualTo(ResultStatus.Warning);
            assertThat(evaluate(2, 1.0, null, "!=").status()).isEqualTo(ResultStatus.Warning);
        }

        @Test
        void operatorNamesIgnoreCaseAndBlanks() {
            assertThat(ComparisonOperator.parse("  greaterthan ")).isEqualTo(ComparisonOperator.GREATER_THAN);
        }

        @Test
        void unknownOperatorNamesTheAcceptedOnes() {
            assertThatThrownBy(() -> Thresholds.of(1.0, 2.0, "Bigger"))
                    .hasMessageContaining("unknown ComparisonOperator 'Bigger'").hasMessageContaining("GreaterThan (>)");
        }

        @Test
        void missingOperatorMeansGreaterThan() {
            assertThat(evaluate(95, 80.0, 90.0, null).status()).isEqualTo(ResultStatus.Critical);
        }
    }

    @Nested
    class Statuses {
        @Test
        void criticalWinsOverWarning() {
            Evaluation e = evaluate(95, 80.0, 90.0, "GreaterThan");
            assertThat(e.status()).isEqualTo(ResultStatus.Critical);
            assertThat(e.reason()).isEqualTo("95 > 90 (CriticalThreshold)");
        }

        @Test
        void noThresholdMeansOkOnSuccess() {
            Evaluation e = evaluate(12345, null, null, null);
            assertThat(e.status()).isEqualTo(ResultStatus.Ok);
            assertThat(e.value()).isEqualTo(12345.0);
        }

        @Test
        void onlyWarningOrOnlyCritical() {
            assertThat(evaluate(85, 80.0, null, ">").status()).isEqualTo(ResultStatus.Warning);
            assertThat(evaluate(85, null, 80.0, ">").status()).isEqualTo(ResultStatus.Critical);
        }

        @Test
        void thresholdsThatContradictTheOperatorAreRefused() {
            assertThatThrownBy(() -> Thresholds.of(90.0, 80.0, "GreaterThan")).hasMessageContaining("contradict");
            assertThatThrownBy(() -> Thresholds.of(10.0, 20.0, "<")).hasMessageContaining("contradict");
        }

        @Test
        void failuresCarryTheirStatusAndMessage() {
            Evaluation e = Evaluation.failure(ResultStatus.Timeout, "took too long");
            assertThat(e.failed()).isTrue();
            assertThat(e.value()).isNull();
        }
    }

    @Nested
    class Scalar {
        @Test
        void readsTheFirstColumnOfTheFirstRow() {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("a", 7);
            row.put("b", 99);
            Evaluation e = ThresholdEvaluator.ofRows(ResultType.Scalar, Thresholds.of(50.0, null, ">"), List.of(row, Map.of("a", 100)), 100);
            assertThat(e.value()).isEqualTo(7.0);
            assertThat(e.status()).isEqualTo(ResultStatus.Ok);
            assertThat(e.rowCount()).isEqualTo(2);
        }

        @Test
        void numbersOfAnyTypeBooleansAndNumericText() {
            assertThat(evaluate(new BigDecimal("12.5"), null, null, null).value()).isEqualTo(12.5);
            assertThat(evaluate(42L, null, null, null).value()).isEqualTo(42.0);
            assertThat(evaluate(true, null, null, null).value()).isEqualTo(1.0);
            assertThat(evaluate(" 3.25 ", 3.0, null, ">").status()).isEqualTo(ResultStatus.Warning);
        }

        @Test
        void nullWithThresholdsIsAnError() {
            Evaluation e = evaluate(null, 1.0, null, ">");
            assertThat(e.status()).isEqualTo(ResultStatus.Error);
            assertThat(e.reason()).isEqualTo("Scalar query returned NULL; thresholds need a number");
        }

        @Test
        void nullWithoutThresholdsIsOk() {
            assertThat(evaluate(null, null, null, null).status()).isEqualTo(ResultStatus.Ok);
        }

        @Test
        void textWithThresholdsIsAnErrorNamingTheText() {
            Evaluation e = evaluate("ONLINE", 1.0, null, ">");
            assertThat(e.status()).isEqualTo(ResultStatus.Error);
            assertThat(e.reason()).contains("'ONLINE'").contains("not a number");
        }

        @Test
        void textWithoutThresholdsIsKeptAsText() {
            Evaluation e = evaluate("ONLINE", null, null, null);
            assertThat(e.status()).isEqualTo(ResultStatus.Ok);
            assertThat(e.text()).isEqualTo("ONLINE");
            assertThat(e.value()).isNull();
        }

        @Test
        void noRowsWithThresholdsIsAnError() {
            Evaluation e = ThresholdEvaluator.ofRows(ResultType.Scalar, Thresholds.of(1.0, null, ">"), List.of(), 100);
            assertThat(e.status()).isEqualTo(ResultStatus.Error);
            assertThat(e.reason()).contains("no rows");
        }

        @Test
        void anUpdateCountIsNotAScalar() {
            Evaluation e = ThresholdEvaluator.ofUpdateCount(ResultType.Scalar, Thresholds.NONE, 3);
            assertThat(e.status()).isEqualTo(ResultStatus.Error);
            assertThat(e.reason()).contains("use ResultType NonQuery");
        }
    }

    @Nested
    class NonQuery {
        @Test
        void rowsAffectedIsTheValue() {
            Evaluation e = ThresholdEvaluator.ofUpdateCount(ResultType.NonQuery, Thresholds.of(10.0, 100.0, ">"), 42);
            assertThat(e.value()).isEqualTo(42.0);
            assertThat(e.rowCount()).isEqualTo(42);
            assertThat(e.status()).isEqualTo(ResultStatus.Warning);
        }

        @Test
        void aResultSetIsNotANonQuery() {
            Evaluation e = ThresholdEvaluator.ofRows(ResultType.NonQuery, Thresholds.NONE, scalar(1), 100);
            assertThat(e.status()).isEqualTo(ResultStatus.Error);
            assertThat(e.reason()).contains("NonQuery");
        }
    }

    @Nested
    class DataSet {
        private List<Map<String, Object>> rows(int n) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                rows.add(Map.of("id", i));
            }
            return rows;
        }

        @Test
        void rowCountIsTheValueAndRowsAreKept() {
            Evaluation e = ThresholdEvaluator.ofRows(ResultType.DataSet, Thresholds.of(2.0, 5.0, ">"), rows(3), 10);
            assertThat(e.value()).isEqualTo(3.0);
            assertThat(e.rows()).hasSize(3);
            assertThat(e.status()).isEqualTo(ResultStatus.Warning);
            assertThat(e.truncated()).isFalse();
        }

        @Test
        void moreRowsThanMaxRowsAreCappedAndFlagged() {
            Evaluation e = ThresholdEvaluator.ofRows(ResultType.DataSet, Thresholds.NONE, rows(6), 5);
            assertThat(e.rows()).hasSize(5);
            assertThat(e.truncated()).isTrue();
            assertThat(e.reason()).contains("truncated at MaxRows=5");
        }

        @Test
        void emptyDataSetIsZero() {
            Evaluation e = ThresholdEvaluator.ofRows(ResultType.DataSet, Thresholds.of(null, 0.0, "="), List.of(), 5);
            assertThat(e.value()).isEqualTo(0.0);
            assertThat(e.status()).isEqualTo(ResultStatus.Critical);
        }
    }

    @Test
    void resultTypeParsingNamesTheAcceptedValues() {
        assertThat(ResultType.parse("dataset")).isEqualTo(ResultType.DataSet);
        assertThatThrownBy(() -> ResultType.parse("Table")).hasMessage("unknown ResultType 'Table'; use Scalar, NonQuery or DataSet");
    }
}

package dev.monitoringworker.checks;

import dev.monitoringworker.alert.AlertRules;
import dev.monitoringworker.execution.MonitoringQuery;
import dev.monitoringworker.execution.Provider;
import dev.monitoringworker.execution.SqlText;
import dev.monitoringworker.execution.SqlVariant;
import dev.monitoringworker.store.Row;
import dev.monitoringworker.threshold.ResultType;
import dev.monitoringworker.threshold.Thresholds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every check of every pack is a query the worker can run and judge, says what a breach means, and installs as one row. */
class CheckPacksTest {

    @ParameterizedTest
    @ValueSource(strings = {"sqlserver", "postgresql", "mysql", "oracle"})
    void everyCheckIsARunnableJudgedAndExplainedQuery(String name) {
        CheckPack pack = CheckPack.load(name);
        assertThat(pack.pack()).isEqualTo(name);
        Provider provider = Provider.parse(pack.provider());
        assertThat(pack.checks()).hasSizeGreaterThanOrEqualTo(7);
        for (CheckPack.Check check : pack.checks()) {
            String what = name + " / " + check.name();
            assertThat(check.name()).as(what).startsWith(provider == Provider.SqlServer ? "SQL Server: " : pack.provider() + ": ");
            assertThat(check.queryType()).as(what).isIn("HealthCheck", "Performance");
            ResultType type = ResultType.parse(check.resultType());
            assertThat(check.description()).as(what + ": says what a breach means and where to look").hasSizeGreaterThan(80);
            assertThat(check.interval()).as(what).isPositive();
            assertThat(check.critical()).as(what + ": a check that never goes red is no check").isNotNull();
            Thresholds.of(check.warning(), check.critical(), check.operator());
            assertThat(SqlText.statementCount(provider, check.sql())).as(what).isEqualTo(1);
            for (SqlVariant variant : check.variants()) {
                assertThat(SqlText.statementCount(provider, variant.sql())).as(what + " variant").isEqualTo(1);
            }
            assertThat(check.keyColumn() == null).as(what + ": key and value columns together").isEqualTo(check.valueColumn() == null);
            if (check.keyColumn() != null) {
                assertThat(type).as(what).isEqualTo(ResultType.DataSet);
            }
            Map<String, Object> row = CheckInstaller.row(pack, check);
            MonitoringQuery query = MonitoringQuery.from(Row.of(row));
            assertThat(query.invalidSettings()).as(what).isNull();
            AlertRules.from(Row.of(row), AlertRules.defaults(Thresholds.NONE));
        }
    }

    @Test
    void namesAreUniqueAndCatalogChangesHaveVariants() {
        Set<String> names = new HashSet<>();
        for (String name : CheckPack.NAMES) {
            CheckPack.load(name).checks().forEach(c -> assertThat(names.add(c.name())).as(c.name()).isTrue());
        }
        for (String versioned : List.of("postgresql", "mysql", "oracle")) {
            assertThat(CheckPack.load(versioned).checks()).as(versioned).anySatisfy(c -> assertThat(c.variants()).isNotEmpty());
        }
        assertThatThrownBy(() -> CheckPack.load("db2")).hasMessage("no check pack 'db2'; there are sqlserver, postgresql, mysql, oracle");
    }

    @Test
    void theDocumentationListsEveryCheck() throws Exception {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/check-packs.md"));
        for (String name : CheckPack.NAMES) {
            CheckPack.load(name).checks().forEach(c -> assertThat(doc).as(c.name()).contains("| `" + c.name() + "` |"));
        }
    }

    @Test
    void theHashIsTheSameWhateverTypeTheStoreReturnsNumbersAs() {
        CheckPack pack = CheckPack.load("postgresql");
        Map<String, Object> installed = CheckInstaller.row(pack, pack.checks().get(1));
        Map<String, Object> asStored = new HashMap<>(installed);
        asStored.put("WarningThreshold", 80);                      // an INTEGER-looking FLOAT
        asStored.put("IntervalSeconds", 60L);
        assertThat(CheckInstaller.hash(Row.of(asStored))).isEqualTo(installed.get("CheckPackHash"));
        asStored.put("CriticalThreshold", 97.5);
        assertThat(CheckInstaller.hash(Row.of(asStored))).as("an edit").isNotEqualTo(installed.get("CheckPackHash"));
    }

    @Test
    void aVariantHoldsTheVersionsItNames() {
        SqlVariant from13 = new SqlVariant("13", null, "x");
        assertThat(from13.holds("17.6")).isTrue();
        assertThat(from13.holds("13")).isTrue();
        assertThat(from13.holds("12.22")).isFalse();
        SqlVariant upTo12 = new SqlVariant(null, "12", "x");
        assertThat(upTo12.holds("12.22")).as("a bound holds what it is a prefix of").isTrue();
        assertThat(upTo12.holds("13.0")).isFalse();
        SqlVariant mysql = new SqlVariant("8.0.22", "9", "x");
        assertThat(mysql.holds("8.0.21")).isFalse();
        assertThat(mysql.holds("8.0.36")).isTrue();
        assertThat(mysql.holds("11.4.5")).isFalse();
        assertThat(SqlVariant.versionOf("11.4.5-MariaDB-log")).isEqualTo("11.4.5");
        assertThat(SqlVariant.versionOf("Oracle Database 19c Enterprise Edition Release 19.0.0.0.0 - Production")).isEqualTo("19.0.0.0.0");
        assertThatThrownBy(() -> SqlVariant.parse("[{\"minVersion\": \"thirteen\", \"sql\": \"SELECT 1\"}]"))
                .hasMessage("SqlVariants[0]: version 'thirteen' is not a version such as 13 or 8.0.22");
        assertThatThrownBy(() -> SqlVariant.parse("{\"sql\":")).hasMessageStartingWith("SqlVariants is not a JSON list");
    }
}

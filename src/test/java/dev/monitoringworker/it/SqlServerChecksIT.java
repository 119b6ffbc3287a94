package dev.monitoringworker.it;

import dev.monitoringworker.checks.CheckPack;
import dev.monitoringworker.support.SqlServerDatabases;
import dev.monitoringworker.threshold.Cells;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every SQL Server check on the SQL Server the build has: each that runs reads numbers; on SQL Server itself every
 * check runs; on the TDS engine exactly those docs/check-packs.md lists as not run there fail.
 */
class SqlServerChecksIT {

    @Test
    void everyCheckRunsWhereTheServerHasWhatItReads() throws Exception {
        JdbcTemplate db = new JdbcTemplate(SqlServerDatabases.dataSource(SqlServerDatabases.newDatabase("checks")));
        boolean tds = String.valueOf(db.queryForObject("SELECT @@VERSION", String.class)).contains("Babelfish");
        Set<String> failing = new TreeSet<>();
        for (CheckPack.Check check : CheckPack.load("sqlserver").checks()) {
            List<Map<String, Object>> rows;
            try {
                rows = db.queryForList(check.sql());
            } catch (RuntimeException e) {
                failing.add(check.name());
                continue;
            }
            if (check.keyColumn() == null) {
                assertThat(rows).as(check.name()).hasSize(1);
                assertThat(rows.get(0).values().iterator().next()).as(check.name()).isInstanceOf(Number.class);
            } else {
                rows.forEach(r -> assertThat(Cells.cell(r, check.valueColumn())).as(check.name()).isInstanceOf(Number.class));
            }
        }
        assertThat(failing).as(tds ? "the checks docs/check-packs.md says the TDS engine does not run" : "checks that fail on SQL Server")
                .isEqualTo(tds ? documentedAsNotOnTds() : Set.of());
    }

    private static Set<String> documentedAsNotOnTds() throws Exception {
        String doc = Files.readString(Path.of("docs/check-packs.md"));
        String section = doc.substring(doc.indexOf("The local TDS engine"));
        section = section.substring(0, section.contains("\n## ") ? section.indexOf("\n## ") : section.length());
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^- `([^`]+)`$").matcher(section);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}

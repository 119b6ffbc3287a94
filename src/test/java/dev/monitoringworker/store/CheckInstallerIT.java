package dev.monitoringworker.store;

import dev.monitoringworker.checks.CheckInstaller;
import dev.monitoringworker.checks.CheckInstaller.Outcome;
import dev.monitoringworker.support.StoreStatements;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Installing a check pack on every store dialect: everything the first time, nothing the second; a check edited by
 * hand is kept; one installed from an older pack and unchanged since is brought up to date; a query of the same name
 * not from the pack is left alone.
 */
class CheckInstallerIT {

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreDialect.class)
    void installingIsIdempotentAndNeverOverwritesAnEdit(StoreDialect dialect) {
        DataSource store = StoreStatements.freshStore(dialect, "checkinstall");
        JdbcTemplate db = new JdbcTemplate(store);
        db.update("INSERT INTO monitoring.DatabaseQueries (QueryName, SqlQuery) VALUES ('PostgreSQL: cache hit ratio (%)', 'SELECT 99')");
        CheckInstaller installer = new CheckInstaller(new NamedParameterJdbcTemplate(store), dialect);

        List<CheckInstaller.Line> first = installer.install("postgresql", "ops");
        assertThat(first).filteredOn(l -> l.outcome() == Outcome.INSTALLED).hasSize(10);
        assertThat(first).filteredOn(l -> l.outcome() == Outcome.KEPT_NOT_FROM_PACK).extracting(CheckInstaller.Line::check)
                .containsExactly("PostgreSQL: cache hit ratio (%)");
        assertThat(db.queryForObject("SELECT COUNT(*) FROM monitoring.DatabaseQueries WHERE CheckPack = 'postgresql'", Integer.class)).isEqualTo(10);
        assertThat(installer.install("postgresql", "ops")).extracting(CheckInstaller.Line::outcome)
                .containsOnly(Outcome.UNCHANGED, Outcome.KEPT_NOT_FROM_PACK);

        // a DBA raises a threshold; another check looks as an older pack installed it
        db.update("UPDATE monitoring.DatabaseQueries SET CriticalThreshold = 99 WHERE QueryName = 'PostgreSQL: longest transaction (s)'");
        String older = "PostgreSQL: dead tuples (% of the worst table)";
        db.update("UPDATE monitoring.DatabaseQueries SET SqlQuery = 'SELECT 0', IsEnabled = ? WHERE QueryName = ?", false, older);
        Map<String, Object> row = new HashMap<>(db.queryForMap("SELECT * FROM monitoring.DatabaseQueries WHERE QueryName = ?", older));
        db.update("UPDATE monitoring.DatabaseQueries SET CheckPackHash = ? WHERE QueryName = ?", CheckInstaller.hash(Row.of(row)), older);
        assertThat(installer.states("postgresql")).containsEntry("PostgreSQL: longest transaction (s)", "Edited").containsEntry(older, "Outdated");

        List<CheckInstaller.Line> again = installer.install("postgresql", "ops");
        assertThat(again).filteredOn(l -> l.check().equals("PostgreSQL: longest transaction (s)")).singleElement()
                .satisfies(l -> assertThat(l.outcome()).isEqualTo(Outcome.KEPT_EDITED));
        assertThat(again).filteredOn(l -> l.check().equals(older)).singleElement().satisfies(l -> assertThat(l.outcome()).isEqualTo(Outcome.UPDATED));
        assertThat(db.queryForObject("SELECT CriticalThreshold FROM monitoring.DatabaseQueries WHERE QueryName = 'PostgreSQL: longest transaction (s)'",
                Double.class)).isEqualTo(99.0);
        Row updated = Row.of(db.queryForMap("SELECT * FROM monitoring.DatabaseQueries WHERE QueryName = ?", older));
        assertThat(updated.string("SqlQuery")).contains("n_dead_tup");
        assertThat(updated.flag("IsEnabled", true)).as("left disabled").isFalse();
        assertThat(updated.string("ModifiedBy")).isEqualTo("ops");
        assertThat(installer.states("postgresql")).containsEntry(older, "Installed");
        assertThat(db.queryForObject("SELECT SqlVariants FROM monitoring.DatabaseQueries WHERE QueryName = ?", String.class,
                "PostgreSQL: inactive replication slots (retained WAL MB)")).contains("\"minVersion\":\"13\"");
    }
}

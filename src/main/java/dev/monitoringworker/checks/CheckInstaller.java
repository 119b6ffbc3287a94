package dev.monitoringworker.checks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringworker.store.Row;
import dev.monitoringworker.store.StoreDialect;
import dev.monitoringworker.store.StoreSql;
import dev.monitoringworker.threshold.Thresholds;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Installs a check pack into DatabaseQueries, idempotently: a check not there is added; one installed from the pack
 * and unchanged since is brought up to the pack's text; one changed since it was installed (its columns no longer
 * hash to CheckPackHash), or a query of that name that is not from the pack, is left as it is.
 */
public class CheckInstaller {

    /** The columns that make a check what it is: what CheckPackHash is taken over. */
    static final List<String> DEFINITION = List.of("QueryType", "SqlQuery", "ResultType", "Description", "Provider", "WarningThreshold",
            "CriticalThreshold", "ComparisonOperator", "IntervalSeconds", "TimeoutSeconds", "WarningRecovery", "CriticalRecovery", "HardAfter",
            "AlertKeyColumn", "AlertValueColumn", "ValueKind", "SqlVariants");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What installing did to one check. */
    public enum Outcome { INSTALLED, UPDATED, UNCHANGED, KEPT_EDITED, KEPT_NOT_FROM_PACK }

    /** One check's outcome, as a report line. */
    public record Line(String check, Outcome outcome, String note) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final StoreDialect dialect;

    public CheckInstaller(NamedParameterJdbcTemplate jdbc, StoreDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    public List<Line> install(String packName, String user) {
        CheckPack pack = CheckPack.load(packName);
        Map<String, Row> existing = existing(pack);
        List<Line> report = new ArrayList<>();
        for (CheckPack.Check check : pack.checks()) {
            Map<String, Object> row = row(pack, check);
            Row stored = existing.get(check.name());
            String hash = (String) row.get("CheckPackHash");
            row.put("UserName", user);
            if (stored == null) {
                row.put("QueryId", UUID.randomUUID());
                jdbc.update(StoreSql.load(dialect, "install-check"), row);
                report.add(new Line(check.name(), Outcome.INSTALLED, null));
            } else if (stored.string("CheckPack") == null) {
                report.add(new Line(check.name(), Outcome.KEPT_NOT_FROM_PACK, "a query of this name exists that was not installed from a pack"));
            } else if (!hash(stored).equals(stored.string("CheckPackHash"))) {
                report.add(new Line(check.name(), Outcome.KEPT_EDITED, "changed since it was installed (by " + stored.string("ModifiedBy") + ")"));
            } else if (hash.equals(stored.string("CheckPackHash"))) {
                report.add(new Line(check.name(), Outcome.UNCHANGED, null));
            } else {
                row.put("QueryId", stored.uuid("QueryId"));
                row.put("PreviousHash", stored.string("CheckPackHash"));
                int updated = jdbc.update(StoreSql.load(dialect, "update-installed-check"), row);
                report.add(updated == 1 ? new Line(check.name(), Outcome.UPDATED, null)
                        : new Line(check.name(), Outcome.KEPT_EDITED, "changed while installing"));
            }
        }
        return report;
    }

    /** Each check of the pack with what the store holds of it: not installed, installed, edited, or outdated. */
    public Map<String, String> states(String packName) {
        CheckPack pack = CheckPack.load(packName);
        Map<String, Row> existing = existing(pack);
        Map<String, String> states = new LinkedHashMap<>();
        for (CheckPack.Check check : pack.checks()) {
            Row stored = existing.get(check.name());
            String state;
            if (stored == null) {
                state = "NotInstalled";
            } else if (stored.string("CheckPack") == null) {
                state = "NameTakenByAnotherQuery";
            } else if (!hash(stored).equals(stored.string("CheckPackHash"))) {
                state = "Edited";
            } else {
                state = hash(Row.of(row(pack, check))).equals(stored.string("CheckPackHash")) ? "Installed" : "Outdated";
            }
            states.put(check.name(), state);
        }
        return states;
    }

    private Map<String, Row> existing(CheckPack pack) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("Names", pack.checks().stream().map(CheckPack.Check::name).toList());
        Map<String, Row> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map<String, Object> r : jdbc.queryForList(StoreSql.load(dialect, "select-checks-by-name"), p)) {
            Row row = Row.of(r);
            byName.put(row.string("QueryName"), row);
        }
        return byName;
    }

    /** The DatabaseQueries columns of a check, with the hash of its definition. */
    static Map<String, Object> row(CheckPack pack, CheckPack.Check check) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("QueryName", check.name());
        p.put("QueryType", check.queryType());
        p.put("SqlQuery", check.sql());
        p.put("ResultType", check.resultType());
        p.put("Description", check.description());
        p.put("Provider", pack.provider());
        p.put("WarningThreshold", check.warning());
        p.put("CriticalThreshold", check.critical());
        p.put("ComparisonOperator", check.operator() == null ? null
                : Thresholds.of(check.warning(), check.critical(), check.operator()).operator().designName());
        p.put("IntervalSeconds", check.interval());
        p.put("TimeoutSeconds", check.timeout());
        p.put("WarningRecovery", check.warningRecovery());
        p.put("CriticalRecovery", check.criticalRecovery());
        p.put("HardAfter", check.hardAfter());
        p.put("AlertKeyColumn", check.keyColumn());
        p.put("AlertValueColumn", check.valueColumn());
        p.put("ValueKind", check.valueKind());
        try {
            p.put("SqlVariants", check.variants().isEmpty() ? null : JSON.writeValueAsString(check.variants()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        p.put("CheckPack", pack.pack());
        p.put("CheckPackHash", hash(Row.of(p)));
        return p;
    }

    /** SHA-256 over the definition columns of a row, numbers compared by value, whatever type the store returns them as. */
    public static String hash(Row row) {
        StringBuilder text = new StringBuilder();
        for (String column : DEFINITION) {
            Object v = row.get(column);
            if (v instanceof Number n) {
                v = new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
            } else if (v instanceof java.sql.Clob clob) {
                try {
                    v = clob.getSubString(1, (int) clob.length());
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
            text.append(column).append('=').append(v == null ? "\u0000" : v).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

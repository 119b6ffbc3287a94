package dev.monitoringworker.web.api;

import dev.monitoringworker.store.StoreDialect;
import dev.monitoringworker.store.StoreSql;
import dev.monitoringworker.store.WallClockRows;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.security.core.Authentication;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The API's reads and writes of the store, one statement file each ({@code sql/<dialect>/api-*.sql}). Rows come
 * back with the design's column names in lowerCamelCase, whatever case the store answers in, and store times as
 * UTC instants.
 */
public class StoreApi {

    private final NamedParameterJdbcTemplate jdbc;
    private final StoreDialect dialect;

    private final TransactionTemplate transactions;

    public StoreApi(NamedParameterJdbcTemplate jdbc, StoreDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getJdbcTemplate().getDataSource()));
    }

    /** @param columns the statement's columns as the design spells them, in the order to show them */
    public List<Map<String, Object>> read(String statement, Map<String, ?> params, String... columns) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> raw : jdbc.query(StoreSql.load(dialect, statement), params, WallClockRows.rows())) {
            Map<String, Object> row = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            row.putAll(raw);
            Map<String, Object> named = new LinkedHashMap<>();
            for (String column : columns) {
                named.put(Character.toLowerCase(column.charAt(0)) + column.substring(1), json(row.get(column)));
            }
            out.add(named);
        }
        return out;
    }

    /** Rows as the store answers them (its column names, its case), for code that reads them as the routes do. */
    public List<Map<String, Object>> rows(String statement, Map<String, ?> params) {
        return jdbc.query(StoreSql.load(dialect, statement), params, WallClockRows.rows());
    }

    public int write(String statement, Map<String, ?> params) {
        return jdbc.update(StoreSql.load(dialect, statement), params);
    }

    /**
     * A write and its line in the audit log (AuditLog), in one transaction; the line only when the write changed a row.
     *
     * @return the rows the write changed
     */
    public int audited(String statement, Map<String, ?> params, String user, String action, String subject, String details) {
        Integer changed = transactions.execute(status -> {
            int rows = write(statement, params);
            if (rows > 0) {
                write("api-insert-audit", params("UserName", user, "Action", action, "Subject", subject,
                        "Details", details != null && details.length() > 4000 ? details.substring(0, 3997) + "..." : details));
            }
            return rows;
        });
        return changed == null ? 0 : changed;
    }

    public LocalDateTime storeNow() {
        Object now = jdbc.query(StoreSql.load(dialect, "api-store-now"), Map.of(), WallClockRows.rows()).get(0).values().iterator().next();
        return now instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) now;
    }

    /** Parameters with every given name present, blank text as NULL (an absent filter), as optional filters expect. */
    public static Map<String, Object> params(Object... pairs) {
        Map<String, Object> p = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            p.put((String) pairs[i], pairs[i + 1] instanceof String s && s.isBlank() ? null : pairs[i + 1]);
        }
        return p;
    }

    /** The signed-in user's name: CreatedBy / ModifiedBy of what they change. */
    public static String user(Authentication who) {
        return who == null ? "api" : who.getName();
    }

    private static Object json(Object v) {
        if (v instanceof Timestamp t) {
            return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (v instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        if (v instanceof java.sql.Clob clob) {
            try {
                return clob.getSubString(1, (int) clob.length());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return v;
    }
}

package dev.monitoringworker.store;

import org.apache.camel.component.sql.DefaultRowMapperFactory;
import org.springframework.jdbc.core.ColumnMapRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * Store rows as maps, each TIMESTAMP column read as the wall-clock {@link LocalDateTime} the store holds (UTC). Read as a
 * {@link java.sql.Timestamp}, the driver would pass it through the JVM's time zone, and a UTC time that falls in that
 * zone's daylight-saving gap (02:30 on a spring-forward night in New York) would come back an hour later.
 */
public final class WallClockRows extends DefaultRowMapperFactory {

    private static final RowMapper<Map<String, Object>> ROWS = new ColumnMapRowMapper() {
        @Override
        public Map<String, Object> mapRow(ResultSet rs, int rowNum) throws SQLException {
            ResultSetMetaData meta = rs.getMetaData();
            int columns = meta.getColumnCount();
            Map<String, Object> row = createColumnMap(columns);
            for (int i = 1; i <= columns; i++) {
                Object value = meta.getColumnType(i) == Types.TIMESTAMP ? rs.getObject(i, LocalDateTime.class) : getColumnValue(rs, i);
                row.putIfAbsent(getColumnKey(JdbcUtils.lookupColumnName(meta, i)), value);
            }
            return row;
        }
    };

    /** For camel-sql's queries. */
    @Override
    public RowMapper<?> newColumnRowMapper() {
        return ROWS;
    }

    /** For Spring's JdbcTemplate queries. */
    public static RowMapper<Map<String, Object>> rows() {
        return ROWS;
    }
}

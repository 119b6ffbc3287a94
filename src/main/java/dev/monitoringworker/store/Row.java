package dev.monitoringworker.store;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One row read from the store, looked up by the design's column names whatever case the dialect labels them
 * in (PostgreSQL lower, H2 upper), and with values converted to the types the worker uses.
 */
public final class Row {

    private final Map<String, Object> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    private Row(Map<String, ?> raw) {
        values.putAll(raw);
    }

    public static Row of(Map<String, ?> raw) {
        return new Row(raw);
    }

    public Object get(String column) {
        return values.get(column);
    }

    public String string(String column) {
        Object v = values.get(column);
        if (v instanceof java.sql.Clob clob) {
            try {
                return clob.getSubString(1, (int) clob.length());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot read column " + column, e);
            }
        }
        return v == null ? null : v.toString();
    }

    public UUID uuid(String column) {
        Object v = values.get(column);
        if (v == null || v instanceof UUID) {
            return (UUID) v;
        }
        return UUID.fromString(v.toString().trim());
    }

    public Integer integer(String column) {
        Object v = values.get(column);
        if (v == null) {
            return null;
        }
        return v instanceof Number n ? Integer.valueOf(n.intValue()) : Integer.valueOf(v.toString().trim());
    }

    public Double decimal(String column) {
        Object v = values.get(column);
        if (v == null) {
            return null;
        }
        return v instanceof Number n ? Double.valueOf(n.doubleValue()) : Double.valueOf(v.toString().trim());
    }

    public boolean flag(String column, boolean absent) {
        Object v = values.get(column);
        if (v == null) {
            return absent;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.intValue() != 0;
        }
        String s = v.toString().trim();
        return s.equalsIgnoreCase("true") || s.equals("1");
    }

    public LocalDateTime time(String column) {
        Object v = values.get(column);
        if (v instanceof Timestamp t) {
            return t.toLocalDateTime();
        }
        return v instanceof LocalDateTime l ? l : null;
    }
}

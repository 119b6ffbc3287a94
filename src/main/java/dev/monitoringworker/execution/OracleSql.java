package dev.monitoringworker.execution;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Oracle before 23ai needs a FROM clause ({@code SELECT 1} is {@code ORA-00923}): a query that selects only
 * expressions, such as the seeded Connection Test's {@code SELECT 1}, runs there as {@code SELECT 1 FROM DUAL}.
 * Every other text runs as written.
 */
public final class OracleSql {

    /** Literals, quoted names and comments, blanked before the text is looked at. */
    private static final Pattern OPAQUE = Pattern.compile("'(?:[^']|'')*'|\"[^\"]*\"|--[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern SELECT = Pattern.compile("\\s*SELECT\\b.*", Pattern.DOTALL);
    private static final Pattern TOP_LEVEL_CLAUSE = Pattern.compile("\\b(FROM|INTO|UNION|INTERSECT|MINUS|EXCEPT)\\b");

    private OracleSql() {
    }

    public static String runnable(String sql) {
        String visible = OPAQUE.matcher(sql).replaceAll(" ").toUpperCase(Locale.ROOT);
        if (!SELECT.matcher(visible).matches() || TOP_LEVEL_CLAUSE.matcher(topLevel(visible)).find() || visible.contains(";")) {
            return sql;
        }
        // on a line of its own: the text may end in a line comment
        return sql.stripTrailing() + "\nFROM DUAL";
    }

    /** The text outside parentheses. */
    private static String topLevel(String text) {
        StringBuilder top = new StringBuilder();
        int depth = 0;
        for (char c : text.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0) {
                top.append(c);
            }
        }
        return top.toString();
    }
}

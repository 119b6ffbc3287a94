package dev.monitoringworker.execution;

/**
 * Reads monitoring SQL just enough to count its statements: semicolons inside string literals, quoted
 * identifiers, comments and PostgreSQL dollar quotes do not separate statements, and a trailing semicolon
 * does not start a new one.
 */
public final class SqlText {

    private SqlText() {
    }

    /**
     * Counts the statements as the provider's engine reads them: T-SQL needs no semicolon between statements
     * ({@link TsqlText}), the other engines' drivers do.
     */
    public static int statementCount(Provider provider, String sql) {
        int separated = statementCount(sql);
        return provider == Provider.SqlServer ? Math.max(separated, TsqlText.statementCount(sql)) : separated;
    }

    /**
     * Counts under both readings of a backslash in a literal (an escape for MySQL, a plain character for
     * PostgreSQL and SQL Server) and returns the larger: a text cannot hide a second statement from either.
     */
    public static int statementCount(String sql) {
        return Math.max(count(sql, true), count(sql, false));
    }

    private static int count(String sql, boolean backslashEscapes) {
        int count = 0;
        boolean content = false;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                i = endOfLine(sql, i);
                continue;
            }
            if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                continue;
            }
            if (c == ';') {
                if (content) {
                    count++;
                }
                content = false;
                i++;
                continue;
            }
            if (!Character.isWhitespace(c)) {
                content = true;
            }
            if (c == '\'' || c == '"' || c == '`') {
                i = endOfQuoted(sql, i, c, backslashEscapes);
            } else if (c == '[') {
                int end = sql.indexOf(']', i + 1);
                i = end < 0 ? n : end + 1;
            } else if (c == '$') {
                i = endOfDollarQuoted(sql, i);
            } else {
                i++;
            }
        }
        return content ? count + 1 : count;
    }

    private static int endOfLine(String sql, int i) {
        int end = sql.indexOf('\n', i);
        return end < 0 ? sql.length() : end + 1;
    }

    /** A quote doubled inside a literal is part of it, as in 'it''s'. */
    static int endOfQuoted(String sql, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            if (backslashEscapes && sql.charAt(i) == '\\' && quote != '"') {
                i++;
            }
            i++;
        }
        return sql.length();
    }

    /** $tag$ ... $tag$ (tag may be empty); a lone $ (a positional parameter like $1) is just a character. */
    private static int endOfDollarQuoted(String sql, int start) {
        int close = sql.indexOf('$', start + 1);
        if (close < 0) {
            return start + 1;
        }
        String tag = sql.substring(start, close + 1);
        if (!tag.matches("\\$[A-Za-z_]?[A-Za-z0-9_]*\\$")) {
            return start + 1;
        }
        int end = sql.indexOf(tag, close + 1);
        return end < 0 ? sql.length() : end + tag.length();
    }
}

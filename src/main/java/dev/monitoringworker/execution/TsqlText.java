package dev.monitoringworker.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Counts the statements of T-SQL text, which needs no semicolons: {@code SELECT 1 DELETE FROM t} is two
 * statements, as SQL Server reads it. A statement ends at a semicolon, or where one of T-SQL's reserved
 * statement keywords begins a new one at the top level (outside parentheses, literals, quoted names and comments,
 * nested block comments included) and cannot continue the current statement: {@code SELECT} after {@code UNION},
 * {@code EXCEPT}, {@code INTERSECT} or {@code ALL}, or as the query of {@code WITH ... AS (...)} or
 * {@code INSERT ...}; {@code SET} once after {@code UPDATE}; {@code FETCH} after {@code ROWS}; {@code UPDATE}
 * after {@code FOR}; {@code EXEC} as the source of {@code INSERT}; anything within {@code MERGE} (which must end
 * with a semicolon) or within {@code CREATE}/{@code ALTER} (module bodies hold statements).
 * JSqlParser 5.3 and Druid 1.2.27 read {@code SELECT 1 DELETE FROM t} as one statement (DELETE taken for an alias),
 * and SQL Server's own compile-only switches are not honoured by every engine that speaks T-SQL, so the rule is
 * kept here, on T-SQL's reserved words.
 */
public final class TsqlText {

    /** Reserved words that begin a statement (SQL Server's reserved keyword list, statement-initial ones). */
    private static final Set<String> STATEMENT_WORDS = Set.of("ALTER", "BACKUP", "BEGIN", "BREAK", "BULK", "CHECKPOINT", "CLOSE",
            "COMMIT", "CONTINUE", "CREATE", "DBCC", "DEALLOCATE", "DECLARE", "DELETE", "DENY", "DROP", "EXEC", "EXECUTE", "FETCH",
            "GOTO", "GRANT", "IF", "INSERT", "KILL", "MERGE", "OPEN", "PRINT", "RAISERROR", "READTEXT", "RECONFIGURE", "RESTORE",
            "RETURN", "REVERT", "REVOKE", "ROLLBACK", "SAVE", "SELECT", "SET", "SETUSER", "SHUTDOWN", "TRUNCATE", "UPDATE",
            "UPDATETEXT", "USE", "WAITFOR", "WHILE", "WRITETEXT");
    private static final Set<String> SET_OPERATORS = Set.of("UNION", "EXCEPT", "INTERSECT", "ALL");

    private TsqlText() {
    }

    public static int statementCount(String sql) {
        int count = 0;
        Statement current = null;
        String previous = null;
        for (Token token : tokens(sql)) {
            if (token.text().equals(";")) {
                current = null;
                previous = null;
                continue;
            }
            String word = token.word() ? token.text().toUpperCase(Locale.ROOT) : null;
            if (current == null) {
                current = new Statement(word == null ? token.text() : word);
                count++;
            } else if (token.depth() == 0 && word != null && STATEMENT_WORDS.contains(word) && !current.continuedBy(word, previous)) {
                current = new Statement(word);
                count++;
            } else if (token.depth() == 0 && word != null) {
                current.saw(word);
            }
            previous = token.depth() == 0 ? (word != null ? word : token.text()) : previous;
        }
        return count;
    }

    /** The statement being read: its first word and what it has shown so far at the top level. */
    private static final class Statement {
        private static final Set<String> AFTER_WITH = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "MERGE");
        private String kind;
        private boolean query;
        private boolean set;
        private boolean values;

        Statement(String kind) {
            this.kind = kind;
            this.query = kind.equals("SELECT");
        }

        void saw(String word) {
            if (word.equals("VALUES") || word.equals("DEFAULT")) {
                values = true;
            }
        }

        boolean continuedBy(String word, String previous) {
            if (kind.equals("MERGE") || kind.equals("CREATE") || kind.equals("ALTER")) {
                return true;
            }
            if (kind.equals("WITH") && AFTER_WITH.contains(word)) {
                // the statement the common table expressions are for
                kind = word;
                query = word.equals("SELECT");
                return true;
            }
            boolean continues = switch (word) {
                case "SELECT" -> SET_OPERATORS.contains(previous) || (!query && (kind.equals("(") || (kind.equals("INSERT") && !values)));
                case "UPDATE" -> "FOR".equals(previous);
                case "SET" -> kind.equals("UPDATE") && !set;
                case "FETCH" -> "ROWS".equals(previous) || "ROW".equals(previous);
                case "EXEC", "EXECUTE" -> kind.equals("INSERT") && !query && !values;
                default -> false;
            };
            if (continues) {
                query |= word.equals("SELECT");
                set |= word.equals("SET");
            }
            return continues;
        }
    }

    private record Token(String text, boolean word, int depth) {
    }

    /** Words, @variables and #temp names, and single punctuation; literals, quoted names and comments skipped. */
    private static List<Token> tokens(String sql) {
        List<Token> tokens = new ArrayList<>();
        int depth = 0;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = endOfBlockComment(sql, i);
            } else if (c == '\'' || c == '"') {
                i = SqlText.endOfQuoted(sql, i, c, false);
                tokens.add(new Token("'", false, depth));
            } else if (c == '[') {
                i = SqlText.endOfQuoted(sql, i, ']', false); // ]] inside a name is a ]
                tokens.add(new Token("[]", false, depth));
            } else if (Character.isLetter(c) || c == '_' || c == '@' || c == '#') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || "_@#$".indexOf(sql.charAt(i)) >= 0)) {
                    i++;
                }
                if (i < n && sql.charAt(i) == '\'' && i - start == 1 && (c == 'N' || c == 'n')) {
                    continue; // N'...': the literal follows
                }
                tokens.add(new Token(sql.substring(start, i), c != '@' && c != '#', depth));
            } else if (Character.isDigit(c)) {
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token("0", false, depth));
            } else {
                if (c == ')') {
                    depth = Math.max(0, depth - 1);
                }
                tokens.add(new Token(String.valueOf(c), false, depth));
                if (c == '(') {
                    depth++;
                }
                i++;
            }
        }
        return tokens;
    }

    /** T-SQL block comments nest. */
    private static int endOfBlockComment(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }
}

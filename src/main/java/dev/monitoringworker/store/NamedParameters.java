package dev.monitoringworker.store;

import org.apache.camel.Exchange;
import org.apache.camel.RuntimeExchangeException;
import org.apache.camel.component.sql.DefaultSqlPrepareStatementStrategy;
import org.apache.camel.component.sql.SqlHelper;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * camel-sql's named parameters ({@code :#name}, {@code :#in:name}, {@code :#${expression}}) with each statement's
 * names found once: camel-sql's own strategy scans the statement's text with a regular expression for every row it
 * binds, which in a batch of fifty result rows was a quarter of a batch thread's time, and rewrites the text into
 * its JDBC form ({@code ?} for each name) with another one on every execution. Here both are done once per
 * statement, except for {@code in:} names, whose number of {@code ?} depends on the values. Values are looked up as
 * camel-sql looks them up: the row (a map), then headers, then variables; expressions are evaluated by camel-sql.
 */
public final class NamedParameters extends DefaultSqlPrepareStatementStrategy {

    /** camel-sql's pattern for a parameter, after the placeholder {@code #} became {@code ?}. */
    private static final Pattern NAME = Pattern.compile(
            "\\:\\?((in\\:(\\w+|\\$\\{[^\\}]+\\}|\\$simple\\{[^\\}]+\\}))|(\\w+|\\$\\{[^\\}]+\\}|\\$simple\\{[^\\}]+\\}))",
            Pattern.MULTILINE);
    private static final String MISSING = "Cannot find key [%s] in message body or headers to use when setting named parameter in query [%s]";
    /** Statements are files, a bounded set; text beyond this many is parsed each time instead of kept. */
    private static final int MAX_KEPT = 2_000;

    private final Map<String, List<String>> names = new ConcurrentHashMap<>();
    private final Map<String, String> prepared = new ConcurrentHashMap<>();

    /** The statement's parameter names in order ({@code in:} kept as a prefix); empty without named parameters. */
    static List<String> namesIn(String query) {
        List<String> found = new ArrayList<>();
        Matcher m = NAME.matcher(query);
        while (m.find()) {
            String name = m.group(1);
            if (name.chars().filter(c -> c == '{').count() != name.chars().filter(c -> c == '}').count()) {
                // a nested expression (:?${a[${i}]}) ends at its matching bracket, as camel-sql reads it
                name = "$" + closedExpression(query.substring(m.start()));
            }
            found.add(name);
        }
        return Collections.unmodifiableList(found);
    }

    private static String closedExpression(String text) {
        int open = text.indexOf('{');
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            depth += text.charAt(i) == '{' ? 1 : text.charAt(i) == '}' ? -1 : 0;
            if (depth == 0) {
                return text.substring(open, i + 1);
            }
        }
        throw new IllegalArgumentException("String doesn't have equal opening and closing brackets: " + text);
    }

    private List<String> names(String query) {
        List<String> kept = names.get(query);
        if (kept != null) {
            return kept;
        }
        List<String> parsed = namesIn(query);
        if (names.size() < MAX_KEPT) {
            names.put(query, parsed);
        }
        return parsed;
    }

    @Override
    public String prepareQuery(String query, boolean allowNamedParameters, Exchange exchange) throws SQLException {
        if (!allowNamedParameters || names(query).stream().anyMatch(n -> n.startsWith("in:"))) {
            return super.prepareQuery(query, allowNamedParameters, exchange);
        }
        String kept = prepared.get(query);
        if (kept != null) {
            return kept;
        }
        String answer = super.prepareQuery(query, true, exchange);
        if (prepared.size() < MAX_KEPT) {
            prepared.put(query, answer);
        }
        return answer;
    }

    @Override
    protected boolean hasNamedParameters(String query) {
        return !names(query).isEmpty();
    }

    @Override
    public Iterator<?> createPopulateIterator(String query, String preparedQuery, int expectedParams, Exchange exchange, Object value)
            throws SQLException {
        List<String> params = names(query);
        if (params.isEmpty()) {
            return super.createPopulateIterator(query, preparedQuery, expectedParams, exchange, value);
        }
        Map<?, ?> row = value instanceof Map<?, ?> map ? map : null;
        Iterator<String> it = params.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Object next() {
                if (!it.hasNext()) {
                    throw new NoSuchElementException();
                }
                String name = it.next();
                boolean in = name.startsWith("in:");
                String key = in ? name.substring(3) : name;
                Object found = lookup(key, query, exchange, value, row);
                return in && found != null ? createInParameterIterator(found) : found;
            }
        };
    }

    private static Object lookup(String key, String query, Exchange exchange, Object value, Map<?, ?> row) {
        if (row == null || key.startsWith("$")) {
            if (!SqlHelper.hasParameter(key, exchange, value)) {
                throw new RuntimeExchangeException(String.format(MISSING, key, query), exchange);
            }
            return SqlHelper.lookupParameter(key, exchange, value);
        }
        if (row.containsKey(key)) {
            return row.get(key);
        }
        Map<String, Object> headers = exchange.getIn().getHeaders();
        if (headers.containsKey(key)) {
            return headers.get(key);
        }
        Map<String, Object> variables = exchange.getVariables();
        if (variables.containsKey(key)) {
            return variables.get(key);
        }
        throw new RuntimeExchangeException(String.format(MISSING, key, query), exchange);
    }
}

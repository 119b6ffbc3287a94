package dev.monitoringworker.store;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RuntimeExchangeException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NamedParametersTest {

    private final CamelContext camel = new DefaultCamelContext();
    private final NamedParameters strategy = new NamedParameters();

    @AfterEach
    void stop() throws Exception {
        camel.close();
    }

    @Test
    void namesAreFoundInOrderWithInListsAndExpressions() {
        assertThat(NamedParameters.namesIn("UPDATE t SET a = :?A, b = :?${header.B} WHERE id IN (:?in:Ids) AND c = :?A"))
                .containsExactly("A", "${header.B}", "in:Ids", "A");
        assertThat(NamedParameters.namesIn("SELECT :?${body[${header.i}]} FROM t")).containsExactly("${body[${header.i}]}");
        assertThat(NamedParameters.namesIn("SELECT 1 FROM t WHERE a = ?")).isEmpty();
    }

    @Test
    void aRowIsBoundFromItsMapThenHeadersThenVariables() throws Exception {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getIn().setHeader("Worker", "w-1");
        exchange.setVariable("Lease", 60);
        String query = "UPDATE t SET a = :?A, w = :?Worker, l = :?Lease WHERE id IN (:?in:Ids)";
        Iterator<?> values = strategy.createPopulateIterator(query, "unused", 4, exchange, Map.of("A", 7, "Ids", List.of(1, 2, 3)));
        List<Object> bound = new ArrayList<>();
        values.forEachRemaining(bound::add);
        assertThat(bound.subList(0, 3)).containsExactly(7, "w-1", 60);
        List<Object> ids = new ArrayList<>();
        ((Iterator<?>) bound.get(3)).forEachRemaining(ids::add);
        assertThat(ids).containsExactly(1, 2, 3);
    }

    @Test
    void expressionsAreEvaluatedAgainstTheRow() throws Exception {
        Exchange exchange = new DefaultExchange(camel);
        Iterator<?> values = strategy.createPopulateIterator("SELECT :?${body[A]}", "unused", 1, exchange, Map.of("A", "x"));
        assertThat(values.next()).isEqualTo("x");
        assertThat(values.hasNext()).isFalse();
    }

    @Test
    void aMissingParameterNamesItselfAndTheStatement() throws Exception {
        Exchange exchange = new DefaultExchange(camel);
        Iterator<?> values = strategy.createPopulateIterator("SELECT :?Absent", "unused", 1, exchange, Map.of("A", 1));
        assertThatThrownBy(values::next).isInstanceOf(RuntimeExchangeException.class)
                .hasMessageContaining("Cannot find key [Absent]").hasMessageContaining("SELECT :?Absent");
    }

    @Test
    void theJdbcTextIsCamelSqlsAndAnInListFollowsItsValues() throws Exception {
        Exchange exchange = new DefaultExchange(camel);
        String plain = "UPDATE t SET a = :?A, b = :?${header.B} WHERE c = :?A";
        assertThat(strategy.prepareQuery(plain, true, exchange)).isEqualTo("UPDATE t SET a = ?, b = ? WHERE c = ?")
                .isEqualTo(new org.apache.camel.component.sql.DefaultSqlPrepareStatementStrategy().prepareQuery(plain, true, exchange));
        assertThat(strategy.prepareQuery(plain, true, exchange)).as("kept").isSameAs(strategy.prepareQuery(plain, true, exchange));
        String in = "SELECT a FROM t WHERE id IN (:?in:Ids)";
        exchange.getIn().setHeader("Ids", List.of(1, 2, 3));
        assertThat(strategy.prepareQuery(in, true, exchange)).isEqualTo("SELECT a FROM t WHERE id IN (?,?,?)");
        exchange.getIn().setHeader("Ids", List.of(4));
        assertThat(strategy.prepareQuery(in, true, exchange)).as("as many as the values, each time").isEqualTo("SELECT a FROM t WHERE id IN (?)");
        assertThat(strategy.prepareQuery("SELECT :?A", false, exchange)).as("named parameters off").isEqualTo("SELECT :?A");
    }
}

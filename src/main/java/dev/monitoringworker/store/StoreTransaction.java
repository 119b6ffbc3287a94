package dev.monitoringworker.store;

import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.spi.Policy;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

/**
 * The {@code policy: {ref: storeTransaction}} of the routes: its steps' store statements run in one transaction on
 * one connection, committed when they all succeed and rolled back when one fails. The failure goes on to the
 * calling route, whose error handling tries the whole transaction again: a statement is never retried inside a
 * transaction the store has already aborted. The data source is the one camel-sql uses, so its JdbcTemplate
 * joins the transaction.
 */
public class StoreTransaction implements Policy {

    public static final String REGISTRY_NAME = "storeTransaction";

    private final TransactionTemplate transactions;

    public StoreTransaction(DataSource statements) {
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(statements));
    }

    @Override
    public void beforeWrap(Route route, NamedNode definition) {
        // nothing to prepare
    }

    @Override
    public Processor wrap(Route route, Processor steps) {
        return exchange -> {
            // a transacted exchange, as Camel's own transacted() marks it: camel-sql then leaves the commit to the
            // transaction, where it would otherwise commit after each batch statement (batchAutoCommitDisabled)
            boolean transacted = exchange.isTransacted();
            exchange.getExchangeExtension().setTransacted(true);
            try {
                transactions.executeWithoutResult(status -> {
                    try {
                        steps.process(exchange);
                    } catch (Exception e) {
                        exchange.setException(e);
                    }
                    if (exchange.getException() != null) {
                        status.setRollbackOnly();
                    }
                });
            } finally {
                exchange.getExchangeExtension().setTransacted(transacted);
            }
        };
    }
}

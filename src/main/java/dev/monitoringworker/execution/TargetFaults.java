package dev.monitoringworker.execution;

import org.apache.camel.ExchangeTimedOutException;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a fault of the target itself (unreachable, not answering, refusing the login, dropping the connection)
 * from a fault of one query (syntax, permissions on a table, a statement timeout the server honoured). Only
 * the first kind counts against the target's circuit breaker: a query error proves the target answers.
 */
final class TargetFaults {

    /** Vendor error codes of a refused login where the SQL state does not say so (SQL Server 18456, Oracle
     *  ORA-01017 invalid credentials, ORA-28000 account locked); MySQL's general state HY000 uses
     *  the same numbers for other things. */
    private static final Set<Integer> LOGIN_ERROR_CODES = Set.of(18456, 1017, 28000);
    /** PostgreSQL: administrator shutdown, crash shutdown, cannot connect now; any engine: too many connections. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300", "08S01");

    private TargetFaults() {
    }

    /** A login the target refused: retrying it changes nothing and may lock the account. */
    static boolean loginRefused(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException s && (s.getSQLState() != null && s.getSQLState().startsWith("28")
                    || LOGIN_ERROR_CODES.contains(s.getErrorCode()) && !"HY000".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** A connect the target refused outright: a login refused, or nothing listening on its port. */
    static boolean connectRefused(Throwable t) {
        if (loginRefused(t)) {
            return true;
        }
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ConnectException || String.valueOf(c.getMessage()).contains("Connection refused")) {
                return true;
            }
        }
        return false;
    }

    static boolean ofTarget(Throwable t) {
        if (loginRefused(t)) {
            return true;
        }
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ExchangeTimedOutException || c instanceof SQLTransientConnectionException
                    || c instanceof ConnectException || c instanceof SocketTimeoutException
                    || c instanceof UnknownHostException || c instanceof SocketException) {
                return true;
            }
            if (c instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || UNAVAILABLE_STATES.contains(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}

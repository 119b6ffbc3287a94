package dev.monitoringworker.execution;

/** A connection string that cannot be used; the message names keys, never values of secrets. */
public class ConnectionStringException extends IllegalArgumentException {
    public ConnectionStringException(String message) {
        super(message);
    }
}

package dev.monitoringworker.execution;

/** A work item that cannot run as written; the message names the row and the field at fault. */
public class TargetException extends RuntimeException {
    public TargetException(String message) {
        super(message);
    }
}

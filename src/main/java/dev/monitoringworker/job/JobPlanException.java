package dev.monitoringworker.job;

/** A job that cannot be expanded into work (unknown connection, bad Parameters, nothing applicable). */
public class JobPlanException extends IllegalStateException {
    public JobPlanException(String message) {
        super(message);
    }
}

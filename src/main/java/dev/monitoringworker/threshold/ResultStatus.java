package dev.monitoringworker.threshold;

/** Outcome of one (connection, query) run, as stored in DatabaseMonitoringResults.Status. */
public enum ResultStatus {
    Ok, Warning, Critical, Error, Timeout
}

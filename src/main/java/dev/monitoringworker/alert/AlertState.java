package dev.monitoringworker.alert;

/**
 * What an operator should believe about one (connection, query) — or one row key of a DataSet query — as
 * opposed to what a single run saw. Unknown: the runs fail (error, timeout, breaker open). Stale: no run for
 * longer than the query's interval allows. NoData: a DataSet key that was there and vanished.
 */
public enum AlertState {
    Ok, Warning, Critical, Unknown, Stale, NoData;

    /** One letter per state, for the compact history kept with each alert. */
    char letter() {
        return name().charAt(0) == 'N' ? 'D' : name().charAt(0);
    }

    public boolean isProblem() {
        return this != Ok;
    }
}

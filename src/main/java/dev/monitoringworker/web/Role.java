package dev.monitoringworker.web;

import java.util.Arrays;
import java.util.Locale;

/** Who may do what on the status page and the management API; each role may do all the roles below it may. */
public enum Role {
    /** reads everything: status page, connections (never their connection strings), queries, jobs, results, alerts, workers */
    VIEWER,
    /** and enqueues and cancels jobs, pauses and resumes claiming, acknowledges alerts */
    OPERATOR,
    /** and creates, changes and disables connections and queries, and reads the key ring's state */
    ADMIN;

    public static Role parse(String text, String where) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(where + ": role '" + text + "' is not one of " + Arrays.toString(values()).toLowerCase(Locale.ROOT));
        }
    }
}

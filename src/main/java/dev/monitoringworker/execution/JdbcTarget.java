package dev.monitoringworker.execution;

import java.util.Map;

/** A connection string translated for JDBC: the URL holds no credentials, they travel beside it. */
public record JdbcTarget(String url, String username, String password, Map<String, String> properties) {

    @Override
    public String toString() {
        return "JdbcTarget[url=" + url + ", username=" + username + ", password=" + (password == null ? "none" : "***")
                + ", properties=" + properties.keySet() + "]";
    }
}

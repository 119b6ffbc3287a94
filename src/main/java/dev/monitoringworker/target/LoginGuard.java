package dev.monitoringworker.target;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * Stands between a target pool and its driver. Once the target refuses a login, every further attempt of this
 * pool fails here without reaching the target: HikariCP retries failed connects until its connection timeout,
 * and against a wrong password each retry would be one more failed login towards an account lockout. The
 * circuit breaker then opens and drops the pool; its next probe builds a new one, which tries exactly once.
 */
final class LoginGuard implements DataSource {

    private final DataSource driver;
    private volatile SQLException refused;

    LoginGuard(DataSource driver) {
        this.driver = driver;
    }

    @Override
    public Connection getConnection() throws SQLException {
        SQLException earlier = refused;
        if (earlier != null) {
            throw earlier;
        }
        try {
            return driver.getConnection();
        } catch (SQLException e) {
            if (TargetFaults.loginRefused(e)) {
                refused = e;
            }
            throw e;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("a target pool connects with the credentials of its connection string only");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return driver.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        driver.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        driver.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return driver.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getLogger("dev.monitoringworker.target");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}

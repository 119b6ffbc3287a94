package dev.monitoringworker.execution;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Stands between a target pool and its driver. Once the target refuses a login, every further attempt of this
 * pool fails here without reaching the target: HikariCP retries failed connects until its connection timeout,
 * and against a wrong password each retry would be one more failed login towards an account lockout. The
 * circuit breaker then opens and drops the pool; its next probe builds a new one, which tries exactly once.
 * It also remembers whether the last connect was refused outright, for {@link FailFastPool}.
 */
final class LoginGuard extends DelegatingDataSource {

    private volatile SQLException refused;
    private volatile SQLException lastConnectRefused;

    LoginGuard(DataSource driver) {
        super(driver);
    }

    @Override
    public Connection getConnection() throws SQLException {
        SQLException earlier = refused;
        if (earlier != null) {
            throw earlier;
        }
        try {
            Connection connection = super.getConnection();
            lastConnectRefused = null;
            return connection;
        } catch (SQLException e) {
            if (TargetFaults.loginRefused(e)) {
                refused = e;
            }
            if (TargetFaults.connectRefused(e)) {
                lastConnectRefused = e;
            }
            throw e;
        }
    }

    /** The refusal of this pool's last connect (a login refused, nothing listening), or null when it was not refused. */
    SQLException lastRefusal() {
        SQLException login = refused;
        return login != null ? login : lastConnectRefused;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("a target pool connects with the credentials of its connection string only");
    }
}

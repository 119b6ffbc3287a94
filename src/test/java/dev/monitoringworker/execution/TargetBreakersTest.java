package dev.monitoringworker.execution;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.ExchangeTimedOutException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class TargetBreakersTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TargetBreakers breakers = new TargetBreakers(new TargetPools(null, true), 3, Duration.ofMillis(300), Duration.ofSeconds(1), meters);
    private final TargetConnection target = new TargetConnection(UUID.randomUUID(), "orders-db", "PostgreSQL",
            "jdbc:postgresql://db/orders", "prod", true, 5, 30, 2);

    private static final SQLException REFUSED = new SQLException("Connection to db:5432 refused", "08001", 0, new ConnectException("refused"));
    private static final SQLException SYNTAX = new SQLException("syntax error at or near \"SELEC\"", "42601");
    private static final SQLException WRONG_PASSWORD = new SQLException("password authentication failed for user \"mon\"", "28P01");

    @Test
    void opensAfterThreeTargetFaultsInARowAndSaysWhy() {
        for (int i = 0; i < 2; i++) {
            run(REFUSED);
        }
        assertThat(breakers.state(target)).isEqualTo("CLOSED");
        run(REFUSED);
        assertThat(breakers.state(target)).isEqualTo("OPEN");
        assertThatThrownBy(() -> breakers.admit(target)).isInstanceOf(TargetException.class)
                .hasMessageStartingWith("connection 'orders-db': not run, circuit OPEN")
                .hasMessageContaining("last fault: refused 3");
    }

    @Test
    void eachBreakerIsOneStateSeriesThatGoesWithIt() {
        TargetConnection other = new TargetConnection(UUID.randomUUID(), "billing-db", "PostgreSQL", "jdbc:postgresql://db/billing", "prod", true, 5, 30, 2);
        breakers.admit(other);
        for (int i = 0; i < 3; i++) {
            run(REFUSED);
        }
        assertThat(meters.getMeters()).hasSize(2).allMatch(m -> m.getId().getName().equals("monitoring.target.circuit.state"));
        assertThat(state(target)).isEqualTo(2.0);
        assertThat(state(other)).isEqualTo(0.0);

        breakers.retainOnly(Set.of(other.connectionId()));
        assertThat(meters.find("monitoring.target.circuit.state").tag("connection", target.connectionId().toString()).gauge()).isNull();
        assertThat(state(other)).isEqualTo(0.0);
        assertThat(breakers.state(target)).as("a connection seen again starts with a closed breaker").isEqualTo("CLOSED");
        assertThat(state(target)).isEqualTo(0.0);

        breakers.forget(List.of(target.connectionId(), other.connectionId()));
        assertThat(meters.getMeters()).isEmpty();
    }

    private double state(TargetConnection connection) {
        return meters.get("monitoring.target.circuit.state").tag("connection", connection.connectionId().toString()).gauge().value();
    }

    @Test
    void anAnswerInBetweenResetsTheCount() {
        run(REFUSED);
        run(REFUSED);
        run(null);
        run(REFUSED);
        run(REFUSED);
        assertThat(breakers.state(target)).isEqualTo("CLOSED");
    }

    @Test
    void queryErrorsProveTheTargetAnswersAndNeverOpenIt() {
        for (int i = 0; i < 10; i++) {
            run(SYNTAX);
            run(new SQLException("canceling statement due to statement timeout", "57014"));
        }
        assertThat(breakers.state(target)).isEqualTo("CLOSED");
    }

    @Test
    void aRefusedLoginOpensAtOnce() {
        run(WRONG_PASSWORD);
        assertThat(breakers.state(target)).isEqualTo("OPEN");
        assertThat(TargetFaults.loginRefused(new SQLException("Login failed for user 'mon'.", "S0001", 18456))).isTrue();
        assertThat(TargetFaults.loginRefused(new SQLException("ORA-01017: invalid username/password", "72000", 1017))).isTrue();
        assertThat(TargetFaults.loginRefused(new SQLException("Can't find file", "HY000", 1017))).as("MySQL's 1017 is no login").isFalse();
    }

    @Test
    void hangsDropsAndPoolTimeoutsAreTargetFaults() {
        assertThat(TargetFaults.ofTarget(new ExchangeTimedOutException(null, 4000))).isTrue();
        assertThat(TargetFaults.ofTarget(new SQLTransientConnectionException("Connection is not available, request timed out"))).isTrue();
        assertThat(TargetFaults.ofTarget(new SQLException("An I/O error occurred while sending to the backend.", "08006"))).isTrue();
        assertThat(TargetFaults.ofTarget(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(TargetFaults.ofTarget(new RuntimeException("wrapped", REFUSED))).isTrue();
        assertThat(TargetFaults.ofTarget(SYNTAX)).isFalse();
    }

    @Test
    void afterTheOpenIntervalOneProbeGoesAheadAndItsSuccessClosesTheBreaker() {
        run(WRONG_PASSWORD);
        awaitProbe();
        assertThat(breakers.state(target)).isEqualTo("HALF_OPEN");
        assertThatThrownBy(() -> breakers.admit(target)).hasMessageContaining("circuit HALF_OPEN: a probe of the target is under way");
        breakers.record(target, 1_000_000, null, null);
        assertThat(breakers.state(target)).isEqualTo("CLOSED");
        breakers.admit(target);
    }

    @Test
    void aFailedProbeOpensTheBreakerAgain() {
        run(WRONG_PASSWORD);
        awaitProbe();
        breakers.record(target, 1_000_000, WRONG_PASSWORD, "probe refused");
        assertThat(breakers.state(target)).isEqualTo("OPEN");
        assertThatThrownBy(() -> breakers.admit(target)).hasMessageContaining("last fault: probe refused");
    }

    /** Retries admission until the open interval has passed and the probe is let through. */
    private void awaitProbe() {
        await().atMost(Duration.ofSeconds(2)).ignoreException(TargetException.class).until(() -> {
            breakers.admit(target);
            return true;
        });
    }

    private int sequence;

    private void run(Throwable outcome) {
        breakers.admit(target);
        breakers.record(target, 1_000_000, outcome, outcome == null ? null : "refused " + ++sequence);
    }
}

package dev.monitoringworker.web;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(15));

    @Test
    void aUserIsBlockedAfterMaxFailuresFromAnyAddresses() {
        throttle.failed("ops", "10.0.0.1");
        throttle.failed("ops", "10.0.0.2");
        assertThat(throttle.blocked("ops", "10.0.0.9")).isFalse();
        assertThat(throttle.failed("ops", "10.0.0.3")).isEqualTo(3);
        assertThat(throttle.blocked("ops", "10.0.0.9")).isTrue();
        assertThat(throttle.blocked("vera", "10.0.0.9")).isFalse();
    }

    @Test
    void anAddressIsBlockedAfterMaxFailuresForAnyUsers() {
        throttle.failed("a", "10.0.0.1");
        throttle.failed("b", "10.0.0.1");
        throttle.failed("c", "10.0.0.1");
        assertThat(throttle.blocked("vera", "10.0.0.1")).isTrue();
        assertThat(throttle.blocked("vera", "10.0.0.2")).isFalse();
    }

    @Test
    void successClearsTheUserButNotTheAddress() {
        throttle.failed("ops", "10.0.0.1");
        throttle.failed("ops", "10.0.0.1");
        throttle.succeeded("ops");
        assertThat(throttle.failed("ops", "10.0.0.2")).as("the user's count started again").isEqualTo(1);
        throttle.failed("x", "10.0.0.1");
        assertThat(throttle.blocked("vera", "10.0.0.1")).as("the address kept its failures").isTrue();
    }

    @Test
    void failuresExpireAfterTheWindow() {
        LoginThrottle quick = new LoginThrottle(1, Duration.ofMillis(50));
        quick.failed("ops", "10.0.0.1");
        assertThat(quick.blocked("ops", "10.0.0.2")).isTrue();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> !quick.blocked("ops", "10.0.0.2"));
    }

    @Test
    void refusesANonsenseLimit() {
        assertThatThrownBy(() -> new LoginThrottle(0, Duration.ofMinutes(1))).hasMessageContaining("max-failures");
    }
}

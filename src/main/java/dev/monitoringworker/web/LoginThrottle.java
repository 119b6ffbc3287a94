package dev.monitoringworker.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failed sign-ins counted per user name and per client address. Once either has {@code maxFailures} failures, its
 * sign-ins are refused (even with the right password) until {@code window} passes without another failure. A
 * successful sign-in clears the user's count, never the address's, so one valid account cannot reset an address
 * that guesses others' passwords.
 */
public final class LoginThrottle {

    private final int maxFailures;
    private final Cache<String, AtomicInteger> failures;

    public LoginThrottle(int maxFailures, Duration window) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("monitoring.security.logins.max-failures must be at least 1");
        }
        this.maxFailures = maxFailures;
        this.failures = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).build();
    }

    public boolean blocked(String user, String address) {
        return count("user:" + user) >= maxFailures || count("address:" + address) >= maxFailures;
    }

    /** @return the failures of the user after this one */
    public int failed(String user, String address) {
        bump("address:" + address);
        return bump("user:" + user);
    }

    public void succeeded(String user) {
        failures.invalidate("user:" + user);
    }

    private int count(String key) {
        AtomicInteger n = failures.getIfPresent(key);
        return n == null ? 0 : n.get();
    }

    private int bump(String key) {
        // re-put so the entry's window starts again at its latest failure
        AtomicInteger n = failures.get(key, k -> new AtomicInteger());
        int now = n.incrementAndGet();
        failures.put(key, n);
        return now;
    }
}

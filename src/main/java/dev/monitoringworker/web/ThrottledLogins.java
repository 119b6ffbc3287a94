package dev.monitoringworker.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Every sign-in, whatever the surface (status page, API, remote JMX, Jolokia): the configured users' bcrypt hashes
 * checked by Spring Security, throttled by {@link LoginThrottle}, each failure logged (user name, address, surface;
 * never the password) and counted in {@code monitoring.logins.failed}, each refusal of a throttled sign-in in
 * {@code monitoring.logins.throttled}.
 */
public class ThrottledLogins implements AuthenticationManager {

    private static final Logger LOG = LoggerFactory.getLogger(ThrottledLogins.class);

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final MeterRegistry meters;

    public ThrottledLogins(UserDetailsService users, LoginThrottle throttle, MeterRegistry meters) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.throttle = throttle;
        this.meters = meters;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = printable(authentication.getName());
        LoginAttempt from = LoginAttempt.of(authentication.getDetails());
        if (throttle.blocked(user, from.address())) {
            Counter.builder("monitoring.logins.throttled").description("Sign-ins refused unchecked after too many failures")
                    .tag("surface", from.surface()).register(meters).increment();
            LOG.warn("Sign-in of user '{}' from {} over {} refused unchecked: too many failed sign-ins", user, from.address(), from.surface());
            throw new LockedException("too many failed sign-ins; try again later");
        }
        try {
            Authentication signedIn = passwords.authenticate(authentication);
            throttle.succeeded(user);
            return signedIn;
        } catch (AuthenticationException e) {
            int failures = throttle.failed(user, from.address());
            Counter.builder("monitoring.logins.failed").description("Failed sign-ins (wrong user name or password)")
                    .tag("surface", from.surface()).register(meters).increment();
            LOG.warn("Failed sign-in of user '{}' from {} over {} ({} in a row for this user)", user, from.address(), from.surface(), failures);
            throw e;
        }
    }

    /** A user name as typed by anyone: cut short and stripped of control characters before it reaches a log line. */
    private static String printable(String name) {
        String clean = name == null ? "" : name.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 64 ? clean.substring(0, 64) + "..." : clean;
    }
}

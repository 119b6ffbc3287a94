package dev.monitoringworker.ops;

import dev.monitoringworker.web.LoginAttempt;
import dev.monitoringworker.web.Role;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;

import javax.management.remote.JMXPrincipal;
import javax.security.auth.Subject;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/** Signs in a JMX or Jolokia user against the same users, hashes, roles and throttle as the status page and API. */
public class ManagementLogin {

    private final AuthenticationManager logins;

    public ManagementLogin(AuthenticationManager logins) {
        this.logins = logins;
    }

    /** @return the signed-in user as a Subject, or empty when the name, password or throttle refuses */
    public Optional<Subject> signIn(String surface, String user, String password, String address) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(user, password);
        attempt.setDetails(new LoginAttempt(surface, address));
        try {
            Authentication signedIn = logins.authenticate(attempt);
            Role role = signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority).map(ManagementLogin::role)
                    .flatMap(Optional::stream).max(Comparator.naturalOrder()).orElse(null);
            if (role == null) {
                return Optional.empty();
            }
            return Optional.of(new Subject(true, Set.of(new ManagementPrincipal(signedIn.getName(), role), new JMXPrincipal(signedIn.getName())),
                    Set.of(), Set.of()));
        } catch (AuthenticationException refused) {
            return Optional.empty();
        }
    }

    private static Optional<Role> role(String authority) {
        return Arrays.stream(Role.values()).filter(r -> ("ROLE_" + r.name()).equals(authority)).findFirst();
    }
}

package dev.monitoringworker.ops;

import dev.monitoringworker.web.Role;

import javax.security.auth.Subject;
import java.security.AccessController;
import java.security.Principal;
import java.util.Optional;

/** A user signed in over remote JMX or Jolokia, with the role that decides what they may do. */
public record ManagementPrincipal(String name, Role role) implements Principal {

    @Override
    public String getName() {
        return name;
    }

    /** The role of the user on whose behalf the current JMX or Jolokia request runs, if any. */
    @SuppressWarnings("removal")
    static Optional<Role> currentRole() {
        // the JMX connector and Jolokia's handler run each request as its Subject (Subject.doAs / an ACC of it)
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject == null) {
            return Optional.empty();
        }
        return subject.getPrincipals(ManagementPrincipal.class).stream().map(ManagementPrincipal::role).findFirst();
    }
}

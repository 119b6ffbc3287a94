package dev.monitoringworker.web;

import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Where a sign-in comes from: the surface (web, jmx, jolokia) and the client's address. */
public record LoginAttempt(String surface, String address) {

    /** From the details Spring Security puts on a web sign-in, or ones the JMX and Jolokia logins give. */
    static LoginAttempt of(Object details) {
        if (details instanceof LoginAttempt attempt) {
            return attempt;
        }
        if (details instanceof WebAuthenticationDetails web) {
            return new LoginAttempt("web", String.valueOf(web.getRemoteAddress()));
        }
        return new LoginAttempt("web", "unknown");
    }
}

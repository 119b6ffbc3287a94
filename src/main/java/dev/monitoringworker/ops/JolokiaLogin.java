package dev.monitoringworker.ops;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;

import javax.security.auth.Subject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Jolokia's HTTP sign-in ({@code camel.component.jolokia.server-config.authClass}): HTTP Basic checked by
 * {@link ManagementLogin}. The signed-in Subject is handed to Jolokia, which runs the request as it, so
 * {@link JolokiaRestrictor} knows the user's role. Jolokia makes this class by name, so the login it uses is the one
 * the application {@linkplain #use(ManagementLogin) installed} at start; until then every request is refused.
 */
public class JolokiaLogin extends Authenticator {

    /** The request attribute Jolokia's HTTP handler runs a request's Subject from. */
    static final String SUBJECT_ATTRIBUTE = "org.jolokia.jaasSubject";

    private static volatile ManagementLogin login;

    public static void use(ManagementLogin installed) {
        login = installed;
    }

    @Override
    public Result authenticate(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        ManagementLogin current = login;
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6) || current == null) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"jolokia\"");
            return new Retry(401);
        }
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return new Failure(401);
        }
        int colon = pair.indexOf(':');
        if (colon < 0) {
            return new Failure(401);
        }
        String user = pair.substring(0, colon);
        Optional<Subject> subject = current.signIn("jolokia", user, pair.substring(colon + 1),
                exchange.getRemoteAddress().getAddress().getHostAddress());
        if (subject.isEmpty()) {
            return new Failure(401);
        }
        exchange.setAttribute(SUBJECT_ATTRIBUTE, subject.get());
        return new Success(new HttpPrincipal(user, "jolokia"));
    }
}

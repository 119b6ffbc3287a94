package dev.monitoringworker.web;

import dev.monitoringworker.security.WorkerSecurityProperties;
import dev.monitoringworker.store.StoreProperties;
import dev.monitoringworker.store.StoreDialect;
import dev.monitoringworker.web.api.StoreApi;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Who may reach what. The management port's actuator endpoints (health, info, prometheus) stay open as before;
 * everything on the application port needs a user: the status page signs in with a form, API clients send HTTP
 * Basic. API answers without a user are 401 JSON with no Basic challenge, so a browser never caches credentials
 * it could replay across sites; requests with an Authorization header (or, on the API, without any session) need
 * no CSRF token, page sessions do. Every sign-in goes through {@link ThrottledLogins}. Pages carry a
 * Content-Security-Policy without inline script, a same-origin Referrer-Policy, and a SameSite session cookie
 * (Secure behind a TLS-terminating proxy, {@code server.forward-headers-strategy}); a refused API call makes no
 * session.
 */
@Configuration(proxyBeanMethods = false)
public class WebSecurity {

    /** The status pages load script, style and images from the worker only and run no inline script. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    @Bean
    UserDetailsService apiUsers(ApiProperties api) {
        return new InMemoryUserDetailsManager(ApiUsers.load(api.users(), api.usersFile(), Path.of(api.initialPasswordFile())));
    }

    /** Sign-ins of the page, the API, remote JMX and Jolokia, throttled per user and per client address. */
    @Bean
    ThrottledLogins throttledLogins(UserDetailsService users, MeterRegistry meters, WorkerSecurityProperties security) {
        return new ThrottledLogins(users, new LoginThrottle(security.logins().maxFailures(), security.logins().window()), meters);
    }

    @Bean
    StoreApi storeApi(NamedParameterJdbcTemplate jdbc, StoreProperties store) {
        return new StoreApi(jdbc, StoreDialect.fromKey(store.dialect()));
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix().role(Role.ADMIN.name()).implies(Role.OPERATOR.name())
                .role(Role.OPERATOR.name()).implies(Role.VIEWER.name()).build();
    }

    /** Actuator on the management port: what it exposes (health, info, prometheus) is readable as before. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain actuator(HttpSecurity http, Environment env) throws Exception {
        // exposed endpoints, and the paths of those not exposed, which answer 404 as without security
        return http.securityMatcher(new OrRequestMatcher(EndpointRequest.toAnyEndpoint(),
                        new AntPathRequestMatcher(env.getProperty("management.endpoints.web.base-path", "/actuator") + "/**")))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .build();
    }

    @Bean
    SecurityFilterChain application(HttpSecurity http, Environment env, ThrottledLogins logins) throws Exception {
        // the embedded store's console, by path: it may be switched off, and then has no beans to ask
        AntPathRequestMatcher h2Console = new AntPathRequestMatcher(env.getProperty("spring.h2.console.path", "/h2-console") + "/**");
        RequestMatcher apiPaths = new OrRequestMatcher(new AntPathRequestMatcher("/api/**"), new AntPathRequestMatcher("/v3/api-docs/**"));
        // only a page worth returning to after signing in is remembered, in a session: a browser's navigation, never an
        // API call (which so makes no session), a script's fetch or the favicon
        HttpSessionRequestCache pagesOnly = new HttpSessionRequestCache();
        pagesOnly.setRequestMatcher(request -> HttpMethod.GET.matches(request.getMethod()) && !apiPaths.matches(request)
                && String.valueOf(request.getHeader("Accept")).contains("text/html"));
        // the H2 console and Swagger UI are third-party pages with inline script: they keep their own rules
        RequestMatcher ownPages = new NegatedRequestMatcher(new OrRequestMatcher(h2Console, new AntPathRequestMatcher("/swagger-ui/**")));
        AuthenticationEntryPoint api = (request, response, e) -> {
            response.setStatus(401);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write("{\"status\":401,\"error\":\"sign in: HTTP Basic with a configured user\"}");
        };
        return http
                .authenticationManager(logins)
                .requestCache(c -> c.requestCache(pagesOnly))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(h2Console).hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/v1/keys").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/audit").hasRole(Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.GET, "/api/**").hasRole(Role.VIEWER.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/jobs", "/api/v1/jobs/*/cancel", "/api/v1/alerts/acknowledge",
                                "/api/v1/worker/claiming/*", "/api/v1/maintenance", "/api/v1/silences").hasRole(Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/maintenance/*").hasRole(Role.OPERATOR.name())
                        .requestMatchers("/api/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/login", "/error").permitAll()
                        .anyRequest().hasRole(Role.VIEWER.name()))
                .formLogin(f -> f.defaultSuccessUrl("/", false))
                .httpBasic(b -> b.authenticationEntryPoint(api))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(api, apiPaths)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true))
                .csrf(c -> c.ignoringRequestMatchers(h2Console)
                        .ignoringRequestMatchers(request -> request.getHeader("Authorization") != null)
                        // no session, no ambient credential to abuse: an API call without one is answered 401, not 403
                        .ignoringRequestMatchers(request -> request.getRequestedSessionId() == null
                                && request.getRequestURI().startsWith("/api/")))
                .headers(h -> h.frameOptions(f -> f.sameOrigin())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(ownPages,
                                new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY))))
                .build();
    }
}

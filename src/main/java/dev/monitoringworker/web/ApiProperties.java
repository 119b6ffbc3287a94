package dev.monitoringworker.web;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.util.List;
import java.util.Map;

/**
 * Who may use the status page and the API ({@code monitoring.api.*}). With no user at all, an admin is made whose
 * password is written to initial-password-file, never to a log.
 *
 * @param users               entries of name, role (viewer, operator or admin) and password-hash (bcrypt, from hash-password)
 * @param usersFile           a mounted file of lines name:role:hash
 * @param initialPasswordFile where the generated admin password is written when no user is configured
 */
@Validated
@ConfigurationProperties("monitoring.api")
public record ApiProperties(
        @DefaultValue List<Map<String, String>> users,
        @DefaultValue("") String usersFile,
        @DefaultValue("data/initial-admin-password") @NotBlank String initialPasswordFile) {
}

package dev.monitoringworker.worker;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the route files come from ({@code monitoring.routes.*}).
 *
 * @param dir             folder of *.camel.yaml route files; when it does not exist, the copies packaged in the jar are used
 * @param reload          reload an edited route file while the worker runs (off in Kubernetes: roll the pods)
 * @param reloadDirectory the folder being watched, derived from dir and reload; not set by hand
 */
@Validated
@ConfigurationProperties("monitoring.routes")
public record RoutesProperties(
        @DefaultValue("routes") @NotBlank String dir,
        @DefaultValue("true") boolean reload,
        @DefaultValue("") String reloadDirectory) {
}

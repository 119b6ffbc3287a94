package dev.monitoringworker.worker;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A bad {@code monitoring.*} value stops the start with one line per property: its name, its value (unless the
 * property may hold a secret), what is wrong, and where it was set. Other binding failures are left to Spring Boot.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

    private static final Pattern SECRET = Pattern.compile("password|authorization|key-ring|url|secret|token|connection-string");

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
        String prefix = cause.getName().toString();
        if (!prefix.startsWith("monitoring.")) {
            return null;
        }
        List<String> lines;
        if (cause.getCause() instanceof BindValidationException invalid) {
            lines = invalid.getValidationErrors().getAllErrors().stream()
                    .map(e -> line(prefix, e, invalid.getValidationErrors().getBoundProperties().stream()
                            .filter(p -> e instanceof FieldError f && p.getName().toString().equals(prefix + "." + kebab(f.getField())))
                            .findFirst().orElse(null)))
                    .toList();
        } else {
            ConfigurationProperty property = cause.getProperty();
            String name = property != null ? property.getName().toString() : prefix;
            lines = List.of(name + shown(name, property == null ? null : property.getValue()) + ": " + reason(cause) + origin(property));
        }
        return new FailureAnalysis(String.join("\n", lines),
                "Correct the value (config/application.yaml, an environment variable or a --property); docs/configuration.md lists every monitoring.* property.",
                cause);
    }

    private static String line(String prefix, ObjectError error, ConfigurationProperty property) {
        String name = error instanceof FieldError field ? prefix + "." + kebab(field.getField()) : prefix;
        Object value = property != null ? property.getValue() : error instanceof FieldError field ? field.getRejectedValue() : null;
        return name + shown(name, value) + ": " + error.getDefaultMessage() + origin(property);
    }

    private static String reason(BindException cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        Class<?> target = cause.getTarget().getType().resolve(Object.class);
        Class<?> element = cause.getTarget().getType().resolveGeneric(0);
        Class<?> enumType = target.isEnum() ? target : element != null && element.isEnum() ? element : null;
        if (enumType != null) {
            return "not one of " + Arrays.stream(enumType.getEnumConstants()).map(c -> c.toString().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
        return "not a " + (element != null ? element.getSimpleName() + " list" : target.getSimpleName()) + " (" + root.getMessage() + ")";
    }

    private static String shown(String name, Object value) {
        if (value == null) {
            return "";
        }
        return SECRET.matcher(name).find() ? " (value not shown)" : " = '" + value + "'";
    }

    private static String origin(ConfigurationProperty property) {
        return property != null && property.getOrigin() != null ? " [" + property.getOrigin() + "]" : "";
    }

    /** A record component's name as the property names it: maxOpenSeconds is max-open-seconds. */
    private static String kebab(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}

package dev.monitoringworker.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Spring properties that follow a command's options ({@code --name=value}): each command takes its unmatched
 * arguments ({@code @Unmatched}) and has them checked here. Only names a Spring property can have
 * pass: a dotted name under spring, server, management, camel or logging, or a {@code monitoring.*} property the
 * jar's configuration metadata knows. Anything else ({@code --dyas=3}) is refused, naming the nearest known option.
 */
final class SpringProperties {

    private static final Set<String> NAMESPACES = Set.of("spring", "server", "management", "camel", "logging", "info");
    private static volatile Set<String> monitoringProperties;

    private SpringProperties() {
    }

    /** A command's unmatched arguments, all of them Spring properties; otherwise a usage error (exit code 2). */
    static List<String> checked(CommandSpec command, List<String> arguments) {
        for (String argument : arguments) {
            if (!isProperty(argument)) {
                String nearest = nearest(command, argument);
                throw new ParameterException(command.commandLine(), (argument.startsWith("-") ? "Unknown option: '" : "Unknown argument: '")
                        + argument + "'" + (nearest == null ? "" : "; did you mean " + nearest + "?"));
            }
        }
        return List.copyOf(arguments);
    }

    static boolean isProperty(String argument) {
        if (!argument.startsWith("--") || argument.length() < 3) {
            return false;
        }
        String name = name(argument);
        if (name.equals("debug") || name.equals("trace")) {
            return true;
        }
        int dot = name.indexOf('.');
        if (dot < 1) {
            return false;
        }
        String namespace = name.substring(0, dot);
        if (namespace.equals("monitoring")) {
            return monitoringProperties().stream().anyMatch(p -> name.equals(p) || name.startsWith(p + "[") || name.startsWith(p + "."));
        }
        return NAMESPACES.contains(namespace);
    }

    private static String nearest(CommandSpec command, String argument) {
        String name = name(argument);
        List<String> candidates = new ArrayList<>();
        for (OptionSpec option : command.options()) {
            candidates.addAll(List.of(option.names()));
        }
        command.subcommands().keySet().forEach(candidates::add);
        if (name.startsWith("monitoring.")) {
            monitoringProperties().forEach(p -> candidates.add("--" + p));
        }
        String typed = argument.startsWith("-") ? "--" + name : name;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(typed, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, typed.length() / 3) ? best : null;
    }

    /** The name of {@code --name=value}, without dashes and value. */
    private static String name(String argument) {
        String bare = argument.replaceFirst("^-+", "");
        int eq = bare.indexOf('=');
        return eq < 0 ? bare : bare.substring(0, eq);
    }

    private static Set<String> monitoringProperties() {
        Set<String> known = monitoringProperties;
        if (known == null) {
            known = new TreeSet<>();
            ObjectMapper json = new ObjectMapper();
            try {
                Enumeration<URL> files = SpringProperties.class.getClassLoader().getResources("META-INF/spring-configuration-metadata.json");
                while (files.hasMoreElements()) {
                    try (InputStream in = files.nextElement().openStream()) {
                        for (var property : json.readTree(in).path("properties")) {
                            String name = property.path("name").asText();
                            if (name.startsWith("monitoring.")) {
                                known.add(name);
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the jar's configuration metadata cannot be read", e);
            }
            monitoringProperties = known;
        }
        return known;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

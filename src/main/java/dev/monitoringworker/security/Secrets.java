package dev.monitoringworker.security;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Secrets this process has seen (target passwords, decrypted connection strings) and the one place that
 * removes them from text bound for a log line, a result row or an error message. Besides the registered
 * values, anything shaped like {@code password=...} is masked, whoever wrote it.
 */
public final class Secrets {

    public static final String MASK = "*****";
    /** Shorter values would mask ordinary words; such passwords cannot be protected by masking anyway. */
    private static final int MIN_LENGTH = 4;
    private static final Pattern ASSIGNED = Pattern.compile("(?i)\\b(password|pwd)(\\s*[=:]\\s*)('[^']*'|\"[^\"]*\"|[^;&\\s,)]+)");
    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

    private Secrets() {
    }

    public static void register(String secret) {
        if (secret != null && secret.length() >= MIN_LENGTH) {
            KNOWN.add(secret);
        }
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : KNOWN) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        return ASSIGNED.matcher(out).replaceAll("$1$2" + MASK);
    }
}

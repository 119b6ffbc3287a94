package dev.monitoringworker.notify;

import dev.monitoringworker.security.Secrets;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.http.base.HttpOperationFailedException;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The HTTP sinks by name: each message is made a JSON POST to its sink's URL with its Authorization value, set per
 * message and never written into a route or endpoint URI; both are masked in every log line from the start, and a
 * failed send is described without them.
 */
class HttpSinks {

    private final Map<String, HttpSink> sinks;

    HttpSinks(Map<String, HttpSink> configured) {
        configured.values().forEach(HttpSinks::keepOutOfLogs);
        this.sinks = Map.copyOf(configured.entrySet().stream().filter(e -> !e.getValue().url().isBlank())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** Makes the message a JSON POST to the sink's URL, with its Authorization header when one is configured. */
    void prepare(String sink, Message message) {
        HttpSink target = sinks.get(sink);
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_URI, target.url());
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        if (!target.authorization().isBlank()) {
            message.setHeader("Authorization", target.authorization());
        }
    }

    /**
     * A sink's URL (whole, and its path and query, which HTTP client logs show on their own; short paths are no
     * secret and would mask ordinary text) and its Authorization
     * value (whole, and its credentials) are masked in every log line, whichever library writes it.
     */
    private static void keepOutOfLogs(HttpSink sink) {
        if (!sink.url().isBlank()) {
            Secrets.register(sink.url());
            int path = sink.url().indexOf('/', sink.url().indexOf("//") + 2);
            int query = sink.url().indexOf('?');
            if (path > 0 && sink.url().length() - path >= 8) {
                Secrets.register(sink.url().substring(path));
            }
            // Camel masks some query values (token=xxxxxx) before logging the rest: the path and the query on their own
            if (path > 0 && query > path && query - path >= 8) {
                Secrets.register(sink.url().substring(path, query));
            }
            if (query > 0) {
                Secrets.register(sink.url().substring(query + 1));
            }
        }
        if (!sink.authorization().isBlank()) {
            Secrets.register(sink.authorization());
            int space = sink.authorization().indexOf(' ');
            if (space > 0) {
                Secrets.register(sink.authorization().substring(space + 1).trim());
            }
        }
    }

    /** The sink's own failure (not Camel's wrapping of it), with no sink URL in it. */
    String describe(Exception error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof HttpOperationFailedException refused) {
            return sinkOf(refused.getUri()) + " answered HTTP " + refused.getStatusCode()
                    + (refused.getStatusText() == null ? "" : " " + refused.getStatusText());
        }
        String text = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        for (Map.Entry<String, HttpSink> sink : sinks.entrySet()) {
            text = text.replace(sink.getValue().url(), "<" + sink.getKey() + " url>");
        }
        // what is left of a URL (a connection error names scheme, host and port) loses any path or query
        return text.replaceAll("(https?://[^/\\s?]+)[^\\s]*", "$1");
    }

    private String sinkOf(String uri) {
        return sinks.entrySet().stream().filter(s -> uri != null && uri.startsWith(s.getValue().url().split("\\?")[0]))
                .map(s -> "sink '" + s.getKey() + "'").findFirst().orElse("the sink");
    }
}

package dev.monitoringworker.notify;

/**
 * Where an HTTP sink posts, and the Authorization header value it sends (empty: none). Both may carry a secret:
 * they are set per message, never written into a route or endpoint URI, so JMX and logs never show them.
 */
public record HttpSink(String url, String authorization) {

    @Override
    public String toString() {
        return "HttpSink[url=<hidden>]";
    }
}

package dev.monitoringworker.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on a free local port that takes JSON POSTs on any path and keeps what it was sent. While
 * {@link #down(boolean) down} it answers 503 (and keeps the attempt apart), as a sink in trouble would.
 */
public final class HttpReceiver implements AutoCloseable {

    /** One request: its path, its Authorization header, its JSON, and whether it was accepted. */
    public record Delivery(String path, String authorization, JsonNode body, boolean accepted) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    public HttpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            boolean accepted = !down;
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            deliveries.add(new Delivery(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Authorization"), body,
                    accepted));
            exchange.sendResponseHeaders(accepted ? 200 : 503, -1);
            exchange.close();
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void down(boolean down) {
        this.down = down;
    }

    /** Accepted requests to a path, in arrival order. */
    public List<Delivery> accepted(String path) {
        List<Delivery> out = new ArrayList<>();
        for (Delivery d : deliveries) {
            if (d.accepted() && d.path().equals(path)) {
                out.add(d);
            }
        }
        return out;
    }

    public long refused() {
        return deliveries.stream().filter(d -> !d.accepted()).count();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package dev.monitoringworker.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A TCP proxy on loopback in front of a real database server, for target faults: it passes traffic, hangs
 * (accepts and never answers), drops a connection the moment the client sends a given text (a query marker)
 * mid-session, or stalls once the marker went by: the query reaches the server, its answer never comes back, and
 * the connection stays open (a network black hole, no reset). In {@link Mode#FLAKY} a share of statements (PostgreSQL
 * protocol) is lost: half before they reach the server, half after it ran them and before the answer comes back,
 * the connection dropped either way. It counts the connections it accepts, i.e. the login attempts that reach the
 * target.
 */
public final class FaultyProxy implements AutoCloseable {

    public enum Mode { PASS, HANG, DROP_ON_MARKER, STALL_ON_MARKER, FLAKY }

    private enum Action { FORWARD, SWALLOW, DROP }

    private final ServerSocket server;
    private final int targetPort;
    private final String marker;
    private final AtomicInteger accepted = new AtomicInteger();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile Mode mode;
    private volatile double flakyRate;
    private final AtomicInteger lostBefore = new AtomicInteger();
    private final AtomicInteger lostAfter = new AtomicInteger();

    public FaultyProxy(int targetPort, Mode mode, String marker) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.mode = mode;
        this.marker = marker;
        Thread acceptor = new Thread(this::acceptLoop, "proxy-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public int accepted() {
        return accepted.get();
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    /** {@link Mode#FLAKY}: this share of statements is lost, on connections opened from now on and those open. */
    public void flaky(double rate) {
        this.flakyRate = rate;
        this.mode = Mode.FLAKY;
    }

    /** Statements lost before they reached the server, and after it ran them. */
    public String losses() {
        return lostBefore + " before and " + lostAfter + " after the server ran them";
    }

    /** A PostgreSQL frontend message that runs a statement: Query, Parse or Bind. */
    private boolean strikes(String chunk) {
        return mode == Mode.FLAKY && !chunk.isEmpty() && "QPB".indexOf(chunk.charAt(0)) >= 0
                && ThreadLocalRandom.current().nextDouble() < flakyRate;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                accepted.incrementAndGet();
                open.add(client);
                if (mode == Mode.HANG) {
                    continue; // held open, never answered: the client's login times out
                }
                Socket upstream;
                try {
                    upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                } catch (IOException down) {
                    closeQuietly(client); // the server is down: the client sees its connection refused
                    continue;
                }
                open.add(upstream);
                Mode now = mode;
                AtomicBoolean stalled = new AtomicBoolean();
                AtomicBoolean answerLost = new AtomicBoolean();
                pump(client, upstream, chunk -> {
                    if (now == Mode.DROP_ON_MARKER && chunk.contains(marker)) {
                        return Action.DROP; // the query never arrives: both sides see the connection go
                    }
                    if (now == Mode.STALL_ON_MARKER && chunk.contains(marker)) {
                        stalled.set(true); // the query arrives; from now on nothing comes back
                    }
                    if (strikes(chunk)) {
                        if (ThreadLocalRandom.current().nextBoolean()) {
                            lostBefore.incrementAndGet();
                            return Action.DROP;
                        }
                        answerLost.set(true);
                    }
                    return Action.FORWARD;
                });
                pump(upstream, client, chunk -> {
                    if (answerLost.get()) {
                        lostAfter.incrementAndGet();
                        return Action.DROP;
                    }
                    return stalled.get() ? Action.SWALLOW : Action.FORWARD;
                });
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to, Function<String, Action> decide) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    Action action = decide.apply(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                    if (action == Action.DROP) {
                        break;
                    }
                    if (action == Action.FORWARD) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
            } catch (IOException ignored) {
                // the other direction closed the sockets
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        open.forEach(FaultyProxy::closeQuietly);
    }
}

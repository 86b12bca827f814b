package io.supportsuite.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for the ops webhook (N8): records every POST and answers 200, or the
 * statuses a test scripted for one ticket's next POSTs.
 */
public final class OpsWebhookReceiver implements AutoCloseable {

    public record Received(String ticketId, String idempotencyKey, String contentType, JsonNode json, int answered) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> scripted = new ConcurrentHashMap<>();

    private OpsWebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static OpsWebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            OpsWebhookReceiver receiver = new OpsWebhookReceiver(server);
            server.createContext("/ops/alerts", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the ops webhook receiver", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/ops/alerts";
    }

    /** The next POSTs about this ticket are answered with these statuses, in order; later ones with 200. */
    public void answer(String ticketId, Integer... statuses) {
        scripted.put(ticketId, new ArrayDeque<>(List.of(statuses)));
    }

    public List<Received> about(String ticketId) {
        return received.stream().filter(r -> ticketId.equals(r.ticketId())).toList();
    }

    public List<Received> all() {
        return List.copyOf(received);
    }

    public List<Received> withKey(String idempotencyKey) {
        return received.stream().filter(r -> idempotencyKey.equals(r.idempotencyKey())).toList();
    }

    /** Waits for the first POST carrying this Idempotency-Key. */
    public Received awaitKey(String idempotencyKey, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (withKey(idempotencyKey).isEmpty()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("No POST with key " + idempotencyKey + " within " + timeout);
            }
            sleep(50);
        }
        return withKey(idempotencyKey).get(0);
    }

    /** Waits until at least {@code n} POSTs about the ticket arrived; returns all of them. */
    public List<Received> await(String ticketId, int n, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (about(ticketId).size() < n) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Expected " + n + " POSTs about " + ticketId + " within " + timeout + ", got "
                        + about(ticketId));
            }
            sleep(50);
        }
        return about(ticketId);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            JsonNode json = JSON.readTree(body);
            String ticketId = json.path("ticketId").asText(null);
            Deque<Integer> script = ticketId == null ? null : scripted.get(ticketId);
            Integer next = script == null ? null : script.poll();
            int status = !"POST".equals(exchange.getRequestMethod()) ? 405 : next == null ? 200 : next;
            received.add(new Received(ticketId, exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), json, status));
            byte[] answer = (status < 300 ? "{\"ok\":true}" : "{\"ok\":false}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package io.supportsuite.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A Telegram Bot API on loopback, speaking its request and response format for {@code sendMessage}: chat
 * {@value #CHAT_NOT_FOUND} answers 400 "chat not found", chat {@value #RATE_LIMITED} answers 429 on its first
 * call, every other chat gets {@code {"ok":true,"result":{"message_id":...}}}.
 */
public class ProviderStubResource implements QuarkusTestResourceLifecycleManager {

    public static final String BOT_TOKEN = "123456:TEST-token";
    public static final long CHAT_NOT_FOUND = 400;
    public static final long RATE_LIMITED = 429;

    private static final List<JsonNode> TELEGRAM_REQUESTS = new CopyOnWriteArrayList<>();
    private static final AtomicInteger MESSAGE_IDS = new AtomicInteger(5000);
    private static final AtomicInteger RATE_LIMITED_CALLS = new AtomicInteger();
    private static volatile HttpServer server;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            try {
                HttpServer started = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                started.createContext("/bot" + BOT_TOKEN + "/sendMessage", ProviderStubResource::sendMessage);
                started.start();
                server = started;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return Map.of("gateway.channels.telegram.api-url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "gateway.channels.telegram.api-token", BOT_TOKEN);
    }

    @Override
    public void stop() {
        // Kept for the JVM's other application starts.
    }

    /** sendMessage requests received so far for {@code chatId}. */
    public static List<JsonNode> telegramRequests(long chatId) {
        return TELEGRAM_REQUESTS.stream().filter(r -> r.path("chat_id").asLong() == chatId).toList();
    }

    private static void sendMessage(HttpExchange exchange) throws IOException {
        JsonNode request = Fixtures.JSON.readTree(exchange.getRequestBody().readAllBytes());
        TELEGRAM_REQUESTS.add(request);
        long chat = request.path("chat_id").asLong();
        if (chat == CHAT_NOT_FOUND) {
            answer(exchange, 400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}");
        } else if (chat == RATE_LIMITED && RATE_LIMITED_CALLS.getAndIncrement() == 0) {
            answer(exchange, 429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\","
                    + "\"parameters\":{\"retry_after\":1}}");
        } else {
            answer(exchange, 200, "{\"ok\":true,\"result\":{\"message_id\":" + MESSAGE_IDS.incrementAndGet() + ",\"from\":{\"id\":123456,"
                    + "\"is_bot\":true,\"first_name\":\"Support\"},\"chat\":{\"id\":" + chat + ",\"type\":\"private\"},\"date\":1772442900,"
                    + "\"text\":" + Fixtures.json(request.path("text").asText()) + "}}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

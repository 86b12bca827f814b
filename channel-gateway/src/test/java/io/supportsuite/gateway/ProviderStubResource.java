package io.supportsuite.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The providers' send APIs on loopback, each speaking its own request and response format.
 * Telegram {@code sendMessage}: chat {@value #CHAT_NOT_FOUND} answers 400 "chat not found", chat
 * {@value #RATE_LIMITED} answers 429 on its first call, every other chat {@code {"ok":true,"result":{...}}}.
 * Meta Graph {@code /me/messages} and {@code /<phone id>/messages}: a wrong token is 401 (code 190), recipient
 * {@value #UNKNOWN_PSID} is 400 (code 100). Twilio-style {@code Messages.json}: {@value #INVALID_SMS_TO} is 400 (21211).
 * X {@code /2/dm_conversations/with/<id>/messages}: user {@value #X_BLOCKED} is 403. Chat widget server
 * {@code /chat-api/sessions/<id>/messages}: session {@value #ENDED_SESSION} is 410.
 */
public class ProviderStubResource implements QuarkusTestResourceLifecycleManager {

    public static final String BOT_TOKEN = "123456:TEST-token";
    public static final long CHAT_NOT_FOUND = 400;
    public static final long RATE_LIMITED = 429;
    public static final String META_TOKEN = "EAAB-test-page-token";
    public static final String WHATSAPP_PHONE_ID = "106540352242922";
    public static final String UNKNOWN_PSID = "psid-unknown";
    public static final String SMS_ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    public static final String SMS_FROM = "+37410555000";
    public static final String INVALID_SMS_TO = "+37491000001";
    public static final String X_TOKEN = "x-user-access-token";
    public static final String X_BLOCKED = "2244994945";
    public static final String CHAT_TOKEN = "chat-server-token";
    public static final String ENDED_SESSION = "ended-session";

    /** A request a stub received: its path, Authorization header and body. */
    public record Received(String path, String authorization, String body) {
    }

    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();

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
                started.createContext("/graph/", ProviderStubResource::graph);
                started.createContext("/2010-04-01/Accounts/", ProviderStubResource::sms);
                started.createContext("/2/dm_conversations/with/", ProviderStubResource::xDirectMessage);
                started.createContext("/chat-api/sessions/", ProviderStubResource::chat);
                started.start();
                server = started;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.ofEntries(Map.entry("gateway.channels.x.api-url", base),
                Map.entry("gateway.channels.x.api-token", X_TOKEN),
                Map.entry("gateway.channels.chat.api-url", base + "/chat-api"),
                Map.entry("gateway.channels.chat.api-token", CHAT_TOKEN),
                Map.entry("gateway.channels.telegram.api-url", base),
                Map.entry("gateway.channels.telegram.api-token", BOT_TOKEN),
                Map.entry("gateway.channels.meta.api-url", base + "/graph"),
                Map.entry("gateway.channels.meta.api-token", META_TOKEN),
                Map.entry("gateway.channels.meta.account-id", WHATSAPP_PHONE_ID),
                Map.entry("gateway.channels.sms.api-url", base),
                Map.entry("gateway.channels.sms.account-id", SMS_ACCOUNT),
                Map.entry("gateway.channels.sms.sender-id", SMS_FROM));
    }

    @Override
    public void stop() {
        // Kept for the JVM's other application starts.
    }

    /** sendMessage requests received so far for {@code chatId}. */
    public static List<JsonNode> telegramRequests(long chatId) {
        return TELEGRAM_REQUESTS.stream().filter(r -> r.path("chat_id").asLong() == chatId).toList();
    }

    /** Requests received on paths containing {@code pathPart} whose body contains {@code needle}. */
    public static List<Received> received(String pathPart, String needle) {
        return RECEIVED.stream().filter(r -> r.path().contains(pathPart) && r.body().contains(needle)).toList();
    }

    private static Received record(HttpExchange exchange) throws IOException {
        Received received = new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Authorization"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        RECEIVED.add(received);
        return received;
    }

    private static void graph(HttpExchange exchange) throws IOException {
        Received request = record(exchange);
        if (!("Bearer " + META_TOKEN).equals(request.authorization())) {
            answer(exchange, 401, "{\"error\":{\"message\":\"Invalid OAuth access token.\",\"type\":\"OAuthException\",\"code\":190,"
                    + "\"fbtrace_id\":\"AbC\"}}");
        } else if (request.body().contains(UNKNOWN_PSID)) {
            answer(exchange, 400, "{\"error\":{\"message\":\"(#100) No matching user found\",\"type\":\"OAuthException\","
                    + "\"code\":100,\"error_subcode\":2018001,\"fbtrace_id\":\"AbC\"}}");
        } else if (request.path().equals("/graph/" + WHATSAPP_PHONE_ID + "/messages")) {
            JsonNode body = Fixtures.JSON.readTree(request.body());
            answer(exchange, 200, "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + body.path("to").asText()
                    + "\",\"wa_id\":\"" + body.path("to").asText() + "\"}],\"messages\":[{\"id\":\"wamid.HBgL" + MESSAGE_IDS.incrementAndGet()
                    + "\"}]}");
        } else if (request.path().equals("/graph/me/messages")) {
            JsonNode body = Fixtures.JSON.readTree(request.body());
            answer(exchange, 200, "{\"recipient_id\":\"" + body.path("recipient").path("id").asText() + "\",\"message_id\":\"m_"
                    + MESSAGE_IDS.incrementAndGet() + "\"}");
        } else {
            answer(exchange, 404, "{\"error\":{\"message\":\"Unknown path\",\"type\":\"GraphMethodException\",\"code\":803}}");
        }
    }

    private static void sms(HttpExchange exchange) throws IOException {
        Received request = record(exchange);
        String expected = "Basic " + java.util.Base64.getEncoder().encodeToString((SMS_ACCOUNT + ":dev-sms-auth-token")
                .getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(request.authorization()) || !request.path().equals("/2010-04-01/Accounts/" + SMS_ACCOUNT + "/Messages.json")) {
            answer(exchange, 401, "{\"code\":20003,\"message\":\"Authenticate\",\"more_info\":\"https://www.twilio.com/docs/errors/20003\","
                    + "\"status\":401}");
        } else if (request.body().contains(java.net.URLEncoder.encode(INVALID_SMS_TO, StandardCharsets.UTF_8))) {
            answer(exchange, 400, "{\"code\":21211,\"message\":\"The 'To' number " + INVALID_SMS_TO + " is not a valid phone number.\","
                    + "\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}");
        } else {
            answer(exchange, 201, "{\"sid\":\"SM" + UUID.randomUUID().toString().replace("-", "") + "\",\"status\":\"queued\","
                    + "\"account_sid\":\"" + SMS_ACCOUNT + "\",\"from\":\"" + SMS_FROM + "\",\"num_segments\":\"1\"}");
        }
    }

    private static void xDirectMessage(HttpExchange exchange) throws IOException {
        Received request = record(exchange);
        if (!("Bearer " + X_TOKEN).equals(request.authorization())) {
            answer(exchange, 401, "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}");
        } else if (request.path().contains("/" + X_BLOCKED + "/")) {
            answer(exchange, 403, "{\"title\":\"Forbidden\",\"type\":\"about:blank\",\"status\":403,"
                    + "\"detail\":\"You are not permitted to send messages to this user.\"}");
        } else {
            answer(exchange, 201, "{\"data\":{\"dm_conversation_id\":\"1582838223456-4337869213\",\"dm_event_id\":\""
                    + (1_700_000_000_000L + MESSAGE_IDS.incrementAndGet()) + "\"}}");
        }
    }

    private static void chat(HttpExchange exchange) throws IOException {
        Received request = record(exchange);
        if (!("Bearer " + CHAT_TOKEN).equals(request.authorization())) {
            answer(exchange, 401, "{\"message\":\"unauthorized\"}");
        } else if (request.path().contains("/" + ENDED_SESSION + "/")) {
            answer(exchange, 410, "{\"message\":\"The chat session has ended\"}");
        } else {
            answer(exchange, 201, "{\"id\":\"cm-" + MESSAGE_IDS.incrementAndGet() + "\",\"status\":\"shown\"}");
        }
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

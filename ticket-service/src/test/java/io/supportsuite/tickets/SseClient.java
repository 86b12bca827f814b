package io.supportsuite.tickets;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.awaitility.Awaitility;

import io.restassured.path.json.JsonPath;

/** A text/event-stream reader for the tests: keeps every event it received, in order. */
public final class SseClient implements AutoCloseable {

    /** One server-sent event: its name and its data, read as JSON. */
    public record Event(String name, JsonPath data) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> lines;

    private SseClient(URI uri, String username, String password) {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").header("Authorization", "Basic " + basic)
                .GET().build();
        response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> {
            lines = r.body();
            read(r.body());
        });
    }

    /** Opens the stream and waits for its {@code ready} event. */
    public static SseClient open(URI uri, String username, String password) {
        SseClient client = new SseClient(uri, username, password);
        client.await(e -> "ready".equals(e.name()));
        return client;
    }

    public int status() {
        return response.join().statusCode();
    }

    private void read(Stream<String> body) {
        String name = "message";
        StringBuilder data = new StringBuilder();
        for (String line : (Iterable<String>) body::iterator) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    events.add(new Event(name, new JsonPath(data.toString())));
                }
                name = "message";
                data.setLength(0);
            } else if (line.startsWith("event:")) {
                name = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).stripLeading());
            }
        }
    }

    /** The first event received so far or within the wait that matches. */
    public Event await(Predicate<Event> matching) {
        return Awaitility.await().atMost(TicketFixture.WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> events.stream().filter(matching).findFirst().orElse(null), e -> e != null);
    }

    /** The {@code change} events about this ticket received so far. */
    public List<Event> changes(String ticketId) {
        List<Event> found = new ArrayList<>();
        events.stream().filter(e -> "change".equals(e.name()) && ticketId.equals(e.data().getString("ticketId"))).forEach(found::add);
        return found;
    }

    /** The first {@code change} of this kind about this ticket. */
    public JsonPath change(String ticketId, String change) {
        return await(e -> "change".equals(e.name()) && ticketId.equals(e.data().getString("ticketId"))
                && change.equals(e.data().getString("change"))).data();
    }

    @Override
    public void close() {
        response.cancel(true);
        Stream<String> open = lines;
        if (open != null) {
            open.close();
        }
    }
}

package io.supportsuite.sla;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A text/event-stream client as a browser's EventSource is: it collects the events it receives. */
final class SseClient implements AutoCloseable {

    /** One server-sent event: its name, id and data. */
    record Event(String name, String id, String data) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile int status;

    /** Opens {@code uri} with one header (e.g. Authorization or Cookie). */
    SseClient(URI uri, String header, String value) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        if (header != null) {
            request.header(header, value);
        }
        response = HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> {
            status = r.statusCode();
            Thread reader = new Thread(() -> read(r.body()), "sse-test-client");
            reader.setDaemon(true);
            reader.start();
        });
    }

    private void read(Stream<String> lines) {
        List<String> block = new ArrayList<>();
        try {
            lines.forEach(line -> {
                if (line.isEmpty()) {
                    parse(block);
                    block.clear();
                } else {
                    block.add(line);
                }
            });
        } catch (RuntimeException closed) {
            // the test closed the stream
        }
    }

    private void parse(List<String> block) {
        String name = "message";
        String id = null;
        StringBuilder data = new StringBuilder();
        for (String line : block) {
            if (line.startsWith("event:")) {
                name = line.substring(6).trim();
            } else if (line.startsWith("id:")) {
                id = line.substring(3).trim();
            } else if (line.startsWith("data:")) {
                data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).trim());
            }
        }
        if (!data.isEmpty()) {
            events.add(new Event(name, id, data.toString()));
        }
    }

    /** The HTTP status once the response started (0 before). */
    int status() {
        return status;
    }

    /** The first event received (before or within {@code timeout}) that matches. */
    Event await(Predicate<Event> matching, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (Event e : events) {
                if (matching.test(e)) {
                    return e;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("No matching event within " + timeout + "; received " + events);
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        response.cancel(true);
        response.thenAccept(r -> r.body().close());
    }
}

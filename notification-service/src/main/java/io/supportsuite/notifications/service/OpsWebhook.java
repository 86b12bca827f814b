package io.supportsuite.notifications.service;

import java.net.URI;
import java.time.Duration;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.supportsuite.notifications.config.NotificationsConfig;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;

/**
 * POSTs alert JSON to the ops webhook with Vert.x's non-blocking HTTP client: it answers on the caller's
 * Vert.x context, so the delivery worker stays in its reactive transaction without a thread hop.
 */
@ApplicationScoped
public class OpsWebhook {

    /** What one POST came to: delivered (2xx), or the reason it was not. */
    public record Result(boolean delivered, String error) {
    }

    private final HttpClient client;
    private final Duration timeout;

    public OpsWebhook(Vertx vertx, NotificationsConfig config) {
        this.timeout = config.alerts().requestTimeout();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) timeout.toMillis())
                .setKeepAlive(true));
    }

    /** Never fails: a refused connection, a timeout or a non-2xx answer is a result with its reason. */
    public Uni<Result> post(URI url, String idempotencyKey, String json) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(url.toString())
                .setTimeout(timeout.toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("Idempotency-Key", idempotencyKey);
        return client.request(options)
                .chain(request -> request.send(Buffer.buffer(json)))
                .chain(response -> response.body().map(body -> response.statusCode()))
                .ifNoItem().after(timeout.plusSeconds(1)).fail()
                .map(status -> status >= 200 && status < 300 ? new Result(true, null)
                        : new Result(false, "HTTP " + status + " from the ops webhook"))
                .onFailure().recoverWithItem(e -> new Result(false, e.getClass().getSimpleName() + ": " + e.getMessage()));
    }

    @PreDestroy
    void close() {
        client.closeAndForget();
    }
}

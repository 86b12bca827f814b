package io.supportsuite.bench;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * Open-loop HTTP load, the way providers post webhooks: request i is due at start + i / rate whatever the
 * answers do, over a fixed pool of keep-alive connections (a provider holds a few dozen, it does not open
 * one per message). Latency runs from the due time, so a request that waited for a free connection counts
 * that wait: queueing is never hidden (no coordinated omission). One non-blocking event loop sends and
 * receives (every request is handed to it: the connection pool is not shared across threads), so the client
 * itself costs little of the CPU it shares with what it measures.
 */
final class OpenLoop implements AutoCloseable {

    /** A request to send; {@code body} null means GET. */
    record Request(String path, byte[] body, Map<String, String> headers) {
    }

    /** Classifies an answer: status and body in, an outcome code out (the caller's meaning). */
    interface Outcome {
        int of(int status, String body);
    }

    /** Outcome code of a request that got no answer (time-out, refused connection). */
    static final int NO_ANSWER = -1;

    /**
     * @param due when each request was due (nanoTime), {@code answered} when its answer came back, {@code outcomes}
     *        the caller's code for it; {@code seconds} from the first due time to the last answer.
     */
    record Load(long[] due, long[] answered, int[] outcomes, double seconds) {

        int count(int outcome) {
            int n = 0;
            for (int o : outcomes) {
                n += o == outcome ? 1 : 0;
            }
            return n;
        }

        long[] latencies() {
            long[] latencies = new long[due.length];
            for (int i = 0; i < due.length; i++) {
                latencies[i] = answered[i] - due[i];
            }
            return latencies;
        }
    }

    private final Vertx vertx;
    private final HttpClient http;
    private final Context context;

    OpenLoop(String base, int connections) {
        URI uri = URI.create(base);
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
        http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(uri.getHost()).setDefaultPort(uri.getPort())
                .setKeepAlive(true).setConnectTimeout(5_000),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
        context = vertx.getOrCreateContext();
    }

    /** Sends {@code count} requests at {@code rate} per second and waits for every answer (30 s each at most). */
    Load run(int rate, int count, IntFunction<Request> requests, Outcome outcome) throws InterruptedException {
        AtomicLongArray due = new AtomicLongArray(count);
        AtomicLongArray answered = new AtomicLongArray(count);
        AtomicIntegerArray outcomes = new AtomicIntegerArray(count);
        CountDownLatch done = new CountDownLatch(count);
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long at = start + i * interval;
            long wait = at - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Request request = requests.apply(i);
            RequestOptions options = new RequestOptions().setURI(request.path()).setTimeout(30_000)
                    .setMethod(request.body() == null ? HttpMethod.GET : HttpMethod.POST);
            request.headers().forEach(options::putHeader);
            if (request.body() != null) {
                options.putHeader("Content-Type", "application/json");
            }
            int n = i;
            due.set(n, at);
            context.runOnContext(v -> http.request(options)
                    .compose(r -> request.body() == null ? r.send() : r.send(Buffer.buffer(request.body())))
                    .compose(response -> response.body().map(body -> outcome.of(response.statusCode(), body.toString())))
                    .onComplete(result -> {
                        answered.set(n, System.nanoTime());
                        outcomes.set(n, result.succeeded() ? result.result() : NO_ANSWER);
                        done.countDown();
                    }));
        }
        done.await(count / rate + 60L, TimeUnit.SECONDS);
        long[] dueTimes = new long[count];
        long[] answerTimes = new long[count];
        int[] codes = new int[count];
        long last = start;
        for (int i = 0; i < count; i++) {
            dueTimes[i] = due.get(i);
            answerTimes[i] = answered.get(i) == 0 ? dueTimes[i] + TimeUnit.SECONDS.toNanos(30) : answered.get(i);
            codes[i] = answered.get(i) == 0 ? NO_ANSWER : outcomes.get(i);
            last = Math.max(last, answerTimes[i]);
        }
        return new Load(dueTimes, answerTimes, codes, (last - start) / 1e9);
    }

    @Override
    public void close() {
        http.close().toCompletionStage().toCompletableFuture().join();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}

package io.supportsuite.gateway.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;

/**
 * Group commit: what concurrent webhooks ask of the database goes out as one statement per batch instead of
 * one each. A request that finds a free writer is written at once, alone (no added latency when it is
 * quiet); requests arriving while {@code writers} statements are in flight queue up and go together in the
 * next one, up to {@code maxBatch}. Under load a statement (and its commit) serves many webhooks.
 *
 * @param <I> one request
 * @param <O> its answer; {@code write} answers a batch in request order
 */
final class GroupCommit<I, O> {

    private record Pending<I, O>(I request, CompletableFuture<O> answer) {
    }

    private final Function<List<I>, Uni<List<O>>> write;
    private final int maxBatch;
    private final int writers;
    private final ConcurrentLinkedQueue<Pending<I, O>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger busy = new AtomicInteger();

    GroupCommit(int maxBatch, int writers, Function<List<I>, Uni<List<O>>> write) {
        this.write = write;
        this.maxBatch = maxBatch;
        this.writers = writers;
    }

    /** The answer for {@code request}, completed on whatever thread the write completes on. */
    CompletableFuture<O> submit(I request) {
        CompletableFuture<O> answer = new CompletableFuture<>();
        queue.add(new Pending<>(request, answer));
        drain();
        return answer;
    }

    private void drain() {
        while (!queue.isEmpty()) {
            int running = busy.get();
            if (running >= writers) {
                return; // a writer finishing drains again
            }
            if (!busy.compareAndSet(running, running + 1)) {
                continue;
            }
            List<Pending<I, O>> batch = new ArrayList<>();
            for (Pending<I, O> next; batch.size() < maxBatch && (next = queue.poll()) != null;) {
                batch.add(next);
            }
            if (batch.isEmpty()) {
                busy.decrementAndGet();
                continue;
            }
            Uni<List<O>> written;
            try {
                written = write.apply(batch.stream().map(Pending::request).toList());
            } catch (RuntimeException e) {
                written = Uni.createFrom().failure(e);
            }
            written.subscribe().with(answers -> {
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).answer().complete(answers.get(i));
                }
                done();
            }, failure -> {
                batch.forEach(pending -> pending.answer().completeExceptionally(failure));
                done();
            });
        }
    }

    private void done() {
        busy.decrementAndGet();
        drain();
    }
}

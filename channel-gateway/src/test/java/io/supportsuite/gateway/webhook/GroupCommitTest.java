package io.supportsuite.gateway.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

/** Concurrent webhooks share statements: each gets its own answer, a failure fails only its own batch. */
class GroupCommitTest {

    @Test
    void requestsArrivingWhileWritersAreBusyGoTogetherAndEachGetsItsOwnAnswer() throws Exception {
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        GroupCommit<Integer, String> commit = new GroupCommit<>(50, 2, batch -> {
            sizes.add(batch.size());
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            return Uni.createFrom().item(batch.stream().map(i -> "answer-" + i).toList())
                    .onItem().delayIt().by(Duration.ofMillis(20))
                    .invoke(() -> inFlight.decrementAndGet());
        });
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            answers.add(commit.submit(i));
        }
        for (int i = 0; i < 500; i++) {
            assertEquals("answer-" + i, answers.get(i).get(10, TimeUnit.SECONDS));
        }
        assertEquals(500, sizes.stream().mapToInt(Integer::intValue).sum(), "every request written once");
        assertTrue(sizes.size() <= 12, "500 requests in a dozen statements at most, not 500: " + sizes);
        assertTrue(sizes.stream().allMatch(size -> size <= 50), "no batch over the maximum: " + sizes);
        assertTrue(mostInFlight.get() <= 2, "at most two statements in flight");
    }

    @Test
    void aLoneRequestIsWrittenAtOnce() throws Exception {
        GroupCommit<String, String> commit = new GroupCommit<>(50, 2, batch -> Uni.createFrom().item(batch));
        assertEquals("alone", commit.submit("alone").get(1, TimeUnit.SECONDS));
    }

    @Test
    void aFailedStatementFailsItsOwnRequestsAndTheNextBatchStillGoes() throws Exception {
        AtomicInteger statements = new AtomicInteger();
        GroupCommit<String, String> commit = new GroupCommit<>(50, 1, batch -> statements.incrementAndGet() == 1
                ? Uni.createFrom().<List<String>> failure(new IllegalStateException("database gone"))
                        .onFailure().call(() -> Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(20)))
                : Uni.createFrom().item(batch));
        CompletableFuture<String> first = commit.submit("first");
        CompletableFuture<String> second = commit.submit("second");
        ExecutionException failed = assertThrows(ExecutionException.class, () -> first.get(5, TimeUnit.SECONDS));
        assertEquals("database gone", failed.getCause().getMessage());
        assertEquals("second", second.get(5, TimeUnit.SECONDS));
    }
}

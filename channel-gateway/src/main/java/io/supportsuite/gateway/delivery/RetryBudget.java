package io.supportsuite.gateway.delivery;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.supportsuite.gateway.VertxContexts;
import io.supportsuite.gateway.config.GatewayConfig;

/**
 * Bounded retries with exponential back-off for one outbound message: transient failures are retried up to
 * {@code gateway.delivery.max-attempts}, a permanent one ends the message at once. Never fails itself: the
 * result is always an outcome to report.
 */
@ApplicationScoped
public class RetryBudget {

    private final GatewayConfig.Delivery config;

    public RetryBudget(GatewayConfig config) {
        this.config = config.delivery();
    }

    /**
     * @param attempt     one try; its item is the provider's message id
     * @param isPermanent which failures retrying cannot help
     * @param describe    the reason reported for a failure
     */
    public Uni<DeliveryOutcome> run(Supplier<Uni<String>> attempt, Predicate<Throwable> isPermanent,
            Function<Throwable, String> describe) {
        return attempt(1, VertxContexts.current(), attempt, isPermanent, describe);
    }

    /** The wait before attempt {@code next} (2, 3, …): the initial back-off, doubled each time, capped. */
    Duration backoffBefore(int next) {
        Duration wait = config.initialBackoff();
        for (int i = 2; i < next && wait.compareTo(config.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }

    /** The longest a {@link #run} can take: every attempt timing out, with every back-off between them. */
    Duration worstCase() {
        Duration total = config.attemptTimeout().multipliedBy(config.maxAttempts());
        for (int next = 2; next <= config.maxAttempts(); next++) {
            total = total.plus(backoffBefore(next));
        }
        return total;
    }

    private Uni<DeliveryOutcome> attempt(int n, Executor context, Supplier<Uni<String>> attempt,
            Predicate<Throwable> isPermanent, Function<Throwable, String> describe) {
        return Uni.createFrom().<String>deferred(attempt::get)
                .ifNoItem().after(config.attemptTimeout())
                .failWith(() -> new TimeoutException("no answer within " + config.attemptTimeout()))
                .emitOn(context)
                .map(providerMessageId -> DeliveryOutcome.succeeded(providerMessageId, n))
                .onFailure().recoverWithUni(failure -> {
                    String reason = describe.apply(failure);
                    if (isPermanent.test(failure)) {
                        return Uni.createFrom().item(DeliveryOutcome.failed(true, reason, n));
                    }
                    if (n >= config.maxAttempts()) {
                        return Uni.createFrom().item(DeliveryOutcome.failed(false, reason, n));
                    }
                    Duration wait = backoffBefore(n + 1);
                    Log.infof("Attempt %d failed (%s); retrying in %d ms", n, reason, wait.toMillis());
                    return Uni.createFrom().voidItem().onItem().delayIt().by(wait).emitOn(context)
                            .chain(() -> attempt(n + 1, context, attempt, isPermanent, describe));
                });
    }
}

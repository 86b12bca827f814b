package io.supportsuite.gateway;

import java.util.concurrent.Executor;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * A Hibernate Reactive session must be used on the Vert.x context that opened it. Results that arrive on
 * other threads (a Kafka acknowledgement, a back-off timer) are handed back to that context first.
 */
public final class VertxContexts {

    private VertxContexts() {
    }

    /** An executor running tasks on the caller's Vert.x context; call it on that context. */
    public static Executor current() {
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("Not on a Vert.x context");
        }
        return task -> context.runOnContext(ignored -> task.run());
    }
}

package io.supportsuite.notifications.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.supportsuite.runtime.schema.SchemaMigrator;

/**
 * Holds incoming records until this service's tables exist. Right after start-up the consumers can be handed
 * records before the background migration finished; failing them then would send valid events to the DLQ.
 */
@ApplicationScoped
public class SchemaGate {

    private static final Duration FIRST_WAIT = Duration.ofMillis(100);
    private static final Duration MAX_WAIT = Duration.ofSeconds(2);

    private final SchemaMigrator migrator;

    public SchemaGate(SchemaMigrator migrator) {
        this.migrator = migrator;
    }

    public Uni<Void> open() {
        if (migrator.isMigrated()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().item(migrator::isMigrated)
                .onItem().transformToUni(ready -> ready ? Uni.createFrom().voidItem()
                        : Uni.createFrom().<Void>failure(new IllegalStateException("schema not migrated yet")))
                .onFailure().retry().withBackOff(FIRST_WAIT, MAX_WAIT).indefinitely();
    }
}

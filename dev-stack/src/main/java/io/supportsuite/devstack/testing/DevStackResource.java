package io.supportsuite.devstack.testing;

import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.supportsuite.devstack.DevStack;

/**
 * The Quarkus test resource every service's tests use: the JVM's shared real broker and PostgreSQL, and a
 * fresh database for each application start (dropped afterwards, so an external server stays clean).
 */
public class DevStackResource implements QuarkusTestResourceLifecycleManager {

    private DevStack stack;
    private String database;

    @Override
    public Map<String, String> start() {
        stack = DevStack.shared();
        database = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        stack.postgres().createDatabase(database);
        return Map.of(
                "kafka.bootstrap.servers", stack.kafka().bootstrapServers(),
                "quarkus.datasource.reactive.url", stack.postgres().reactiveUrl(database),
                "quarkus.datasource.jdbc.url", stack.postgres().jdbcUrl(database),
                "quarkus.datasource.username", stack.postgres().user(),
                "quarkus.datasource.password", stack.postgres().password());
    }

    @Override
    public void stop() {
        if (stack != null && database != null) {
            stack.postgres().dropDatabase(database);
        }
    }
}

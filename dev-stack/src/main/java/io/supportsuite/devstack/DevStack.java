package io.supportsuite.devstack;

import java.nio.file.Path;
import java.util.List;

/** Kafka and PostgreSQL together, with the suite's topics and databases. */
public final class DevStack implements AutoCloseable {

    /** The services' databases (ARCHITECTURE.md, "Ports and conventions"). */
    public static final List<String> DATABASES = List.of("gateway", "tickets", "sla", "notifications");

    private static DevStack shared;

    private final Kafka kafka;
    private final Postgres postgres;

    private DevStack(Kafka kafka, Postgres postgres) {
        this.kafka = kafka;
        this.postgres = postgres;
    }

    /**
     * Starts (or connects to, see {@link Kafka#fromEnvironment} and {@link Postgres#fromEnvironment}) both,
     * and creates the topics. {@code dataDir} null means throw-away data.
     */
    public static DevStack start(int kafkaPort, int postgresPort, Path dataDir) {
        Postgres postgres = Postgres.fromEnvironment(postgresPort, dataDir == null ? null : dataDir.resolve("postgres"));
        Kafka kafka;
        try {
            kafka = Kafka.fromEnvironment(kafkaPort, dataDir == null ? null : dataDir.resolve("kafka"));
            kafka.createSuiteTopics();
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        return new DevStack(kafka, postgres);
    }

    /** One throw-away stack per JVM, on free ports, for tests; stopped when the JVM exits. */
    public static synchronized DevStack shared() {
        if (shared == null) {
            DevStack stack = start(0, 0, null);
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "dev-stack-stop"));
            shared = stack;
        }
        return shared;
    }

    public Kafka kafka() {
        return kafka;
    }

    public Postgres postgres() {
        return postgres;
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
    }
}

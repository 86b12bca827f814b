package io.supportsuite.devstack.launcher;

import java.nio.file.Path;
import java.util.List;

/** One of the four services: its module folder, default HTTP port and database (ARCHITECTURE.md). */
public record SuiteService(String module, int defaultPort, String database) {

    public static final List<SuiteService> ALL = List.of(
            new SuiteService("channel-gateway", 8080, "gateway"),
            new SuiteService("ticket-service", 8081, "tickets"),
            new SuiteService("sla-monitor", 8082, "sla"),
            new SuiteService("notification-service", 8083, "notifications"));

    /** The packaged application inside a checkout, as {@code ./mvnw package} leaves it. */
    public Path runnerJar(Path projectRoot) {
        return projectRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}

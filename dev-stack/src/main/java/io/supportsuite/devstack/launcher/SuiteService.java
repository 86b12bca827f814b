package io.supportsuite.devstack.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * One of the four services: its module folder, default HTTP port and database (ARCHITECTURE.md), and the JVM
 * options that size its memory, added after the launcher's common ones (the last {@code -Xmx} wins).
 */
public record SuiteService(String module, int defaultPort, String database, List<String> memoryOptions) {

    /**
     * The gateway's budget is 300 MiB RSS at 3,000 webhooks/s (channel-gateway's README): its live data after a
     * collection is about 35 MiB, so a 64 MiB heap; one Netty arena and a smaller code cache take the rest.
     */
    private static final List<String> GATEWAY_MEMORY = List.of("-Xms64m", "-Xmx64m", "-XX:ReservedCodeCacheSize=48m",
            "-Xss512k", "-Dio.netty.allocator.numDirectArenas=1", "-Dio.netty.allocator.numHeapArenas=1");

    public static final List<SuiteService> ALL = List.of(
            new SuiteService("channel-gateway", 8080, "gateway", GATEWAY_MEMORY),
            new SuiteService("ticket-service", 8081, "tickets", List.of()),
            new SuiteService("sla-monitor", 8082, "sla", List.of()),
            new SuiteService("notification-service", 8083, "notifications", List.of()));

    /** The packaged application inside a checkout, as {@code ./mvnw package} leaves it. */
    public Path runnerJar(Path projectRoot) {
        return projectRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}

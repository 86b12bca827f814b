package io.supportsuite.system;

import static io.supportsuite.system.SuiteFixture.ROOT;
import static io.supportsuite.system.SuiteFixture.status;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.supportsuite.devstack.DevStack;
import io.supportsuite.devstack.Folders;
import io.supportsuite.devstack.Ports;
import io.supportsuite.devstack.launcher.ServiceProcess;
import io.supportsuite.devstack.launcher.SuiteService;

/** A service started before Kafka and PostgreSQL stays alive and not-ready, then becomes ready by itself. */
class DependenciesLateTest {

    @Test
    void servicesStartedWhileKafkaAndPostgresAreDownBecomeReadyWhenTheyComeUp() {
        int kafkaPort = Ports.free();
        int pgPort = Ports.free();
        int portBase = SuiteFixture.freePortRange(4);
        Path logs = SuiteFixture.tempDir("late-logs");
        List<ServiceProcess> services = new ArrayList<>();
        DevStack stack = null;
        try {
            for (int i = 0; i < SuiteService.ALL.size(); i++) {
                SuiteService service = SuiteService.ALL.get(i);
                services.add(ServiceProcess.start(service, ROOT, portBase + i, Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + kafkaPort,
                        "PG_HOST", "localhost", "PG_PORT", String.valueOf(pgPort),
                        "PG_USER", "postgres", "PG_PASSWORD", "postgres", "PG_DATABASE", service.database()),
                        List.of("-Xmx256m", "-XX:+UseSerialGC"), logs));
            }
            for (ServiceProcess p : services) {
                await().atMost(Duration.ofSeconds(90)).until(() -> status(p.baseUrl() + "/q/health/live") == 200);
                assertEquals(503, status(p.baseUrl() + "/q/health/ready"), p.service().module() + " not ready yet");
            }
            sleep(5_000);
            for (ServiceProcess p : services) {
                assertTrue(p.isAlive(), p.service().module() + " did not crash");
                assertEquals(503, status(p.baseUrl() + "/q/health/ready"));
            }

            stack = DevStack.start(kafkaPort, pgPort, null);
            DevStack.DATABASES.forEach(stack.postgres()::createDatabase);

            for (ServiceProcess p : services) {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                        .until(() -> status(p.baseUrl() + "/q/health/ready") == 200);
            }
        } finally {
            services.forEach(p -> p.stop(Duration.ofSeconds(15)));
            if (stack != null) {
                stack.close();
            }
            Folders.delete(logs);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

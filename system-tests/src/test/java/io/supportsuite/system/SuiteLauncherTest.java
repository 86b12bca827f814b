package io.supportsuite.system;

import static io.supportsuite.system.SuiteFixture.ROOT;
import static io.supportsuite.system.SuiteFixture.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.supportsuite.devstack.Folders;
import io.supportsuite.devstack.Ports;
import io.supportsuite.devstack.launcher.SuiteService;
import io.supportsuite.devstack.testing.WebhookSigning;

/** The README's run command, as a user runs it: everything comes up ready, and one signal stops it all. */
class SuiteLauncherTest {

    @Test
    void runCommandStartsAllFourServicesReadyAndStopsEverythingOnSignal() throws Exception {
        Path data = SuiteFixture.tempDir("suite-run");
        int portBase = SuiteFixture.freePortRange(4);
        int kafkaPort = Ports.free();
        int pgPort = Ports.free();
        int smtpPort = Ports.free();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        Process suite = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                "dev-stack/target/dev-stack-launcher.jar", "--data", data.toString(), "--kafka-port", String.valueOf(kafkaPort),
                "--pg-port", String.valueOf(pgPort), "--port-base", String.valueOf(portBase),
                "--smtp-port", String.valueOf(smtpPort))
                .directory(ROOT.toFile()).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(suite.getInputStream(), StandardCharsets.UTF_8))) {
                in.lines().forEach(output::add);
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        reader.start();
        try {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (output.stream().noneMatch(l -> l.startsWith("Support Suite is up")) && System.nanoTime() < deadline
                    && suite.isAlive()) {
                Thread.sleep(250);
            }
            assertTrue(output.stream().anyMatch(l -> l.startsWith("Support Suite is up")), String.join("\n", output));

            for (int i = 0; i < SuiteService.ALL.size(); i++) {
                String url = "http://localhost:" + (portBase + i);
                String module = SuiteService.ALL.get(i).module();
                assertTrue(output.stream().anyMatch(l -> l.contains(module) && l.contains(url)), module + " printed at " + url);
                assertEquals(200, status(url + "/q/health/ready"), module + " ready");
            }
            assertTrue(Files.isDirectory(data.resolve("postgres")) && Files.isDirectory(data.resolve("kafka")),
                    "local data kept in the data folder");

            // The local run works as a product: an e-mail in, its acknowledgement out to the mail catcher (N1).
            String subject = "Local run " + System.nanoTime();
            String mail = "{\"from\":\"Ada <ada@customer.example>\",\"to\":\"support@support-suite.local\","
                    + "\"subject\":\"" + subject + "\",\"text\":\"Hello\",\"message-id\":\"<" + System.nanoTime()
                    + "@customer.example>\",\"received-at\":\"" + java.time.Instant.now() + "\"}";
            io.restassured.RestAssured.given().contentType("application/json")
                    .header(WebhookSigning.HEADER, WebhookSigning.signature(WebhookSigning.DEFAULT_EMAIL_SECRET, mail))
                    .body(mail).post("http://localhost:" + portBase + "/webhooks/email").then().statusCode(202);
            long mailDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (output.stream().noneMatch(l -> l.contains("mail to ada@customer.example: Re: " + subject))
                    && System.nanoTime() < mailDeadline) {
                Thread.sleep(250);
            }
            assertTrue(output.stream().anyMatch(l -> l.contains("mail to ada@customer.example: Re: " + subject)),
                    "the acknowledgement reached the mail catcher:\n" + String.join("\n", output));
        } finally {
            suite.toHandle().destroy(); // SIGTERM: the same shutdown path as Ctrl-C; keeps our end of its output open
            assertTrue(suite.waitFor(90, TimeUnit.SECONDS), "the launcher exits after the signal");
            reader.join(5_000);
        }
        assertTrue(output.stream().anyMatch(l -> l.contains("Stopped.")), "launcher said it stopped:\n" + String.join("\n", output));
        for (int i = 0; i < 4; i++) {
            assertEquals(-1, status("http://localhost:" + (portBase + i) + "/q/health/live"), "service stopped");
        }
        assertTrue(!Ports.inUse(kafkaPort) && !Ports.inUse(pgPort) && !Ports.inUse(smtpPort),
                "Kafka, PostgreSQL and the mail catcher stopped");
        Folders.delete(data);
    }
}

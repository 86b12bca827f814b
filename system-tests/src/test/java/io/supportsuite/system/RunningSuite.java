package io.supportsuite.system;

import static io.supportsuite.system.SuiteFixture.ROOT;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;

import io.supportsuite.devstack.DevStack;
import io.supportsuite.devstack.Ports;
import io.supportsuite.devstack.launcher.ServiceProcess;
import io.supportsuite.devstack.launcher.SuiteService;

/**
 * The whole suite as a customer, an agent and ops meet it: the four services as separate processes on the
 * dev-stack, a real SMTP server standing for the customers' mailboxes, and an HTTP server standing for the
 * ops team's webhook.
 */
final class RunningSuite implements AutoCloseable {

    static final String EMAIL_SECRET = "e2e-email-secret";

    record OpsAlert(Instant receivedAt, String body) {
    }

    final DevStack stack;
    final GreenMail smtp;
    final List<OpsAlert> opsAlerts = new CopyOnWriteArrayList<>();
    private final HttpServer opsReceiver;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> environments = new HashMap<>();
    private final Map<String, Integer> ports = new HashMap<>();
    private final Path logs;

    /** Starts everything; {@code settings} are extra environment variables for every service. */
    RunningSuite(Map<String, String> settings) throws IOException {
        stack = DevStack.start(0, 0, null);
        DevStack.DATABASES.forEach(stack.postgres()::createDatabase);
        smtp = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        opsReceiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        opsReceiver.createContext("/ops", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                opsAlerts.add(new OpsAlert(Instant.now(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        opsReceiver.start();
        logs = ROOT.resolve("system-tests/target/e2e-logs"); // kept for reading after a failure

        int base = SuiteFixture.freePortRange(SuiteService.ALL.size());
        for (int i = 0; i < SuiteService.ALL.size(); i++) {
            SuiteService service = SuiteService.ALL.get(i);
            Map<String, String> env = new HashMap<>(settings);
            env.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafka().bootstrapServers());
            env.put("PG_HOST", stack.postgres().host());
            env.put("PG_PORT", String.valueOf(stack.postgres().port()));
            env.put("PG_USER", stack.postgres().user());
            env.put("PG_PASSWORD", stack.postgres().password());
            env.put("PG_DATABASE", service.database());
            env.put("GATEWAY_EMAIL_SECRET", EMAIL_SECRET);
            env.put("SMTP_HOST", "127.0.0.1");
            env.put("SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()));
            env.put("OPS_WEBHOOK_URL", "http://127.0.0.1:" + opsReceiver.getAddress().getPort() + "/ops");
            environments.put(service.module(), env);
            ports.put(service.module(), base + i);
        }
        SuiteService.ALL.forEach(s -> start(s.module()));
        services.keySet().forEach(this::awaitReady);
    }

    String url(String module) {
        return "http://localhost:" + ports.get(module);
    }

    void start(String module) {
        SuiteService service = SuiteService.ALL.stream().filter(s -> s.module().equals(module)).findFirst().orElseThrow();
        services.put(module, ServiceProcess.start(service, ROOT, ports.get(module), environments.get(module),
                List.of("-Xmx256m", "-XX:+UseSerialGC"), logs));
    }

    /** Kills the service at once (no graceful shutdown), as a crash would. */
    void kill(String module) {
        services.get(module).kill();
    }

    void awaitReady(String module) {
        ServiceProcess p = services.get(module);
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!p.isReady()) {
            if (!p.isAlive() || System.nanoTime() > end) {
                throw new IllegalStateException(module + " did not become ready; log: " + p.log());
            }
            sleep(250);
        }
    }

    @Override
    public void close() {
        new ArrayList<>(services.values()).parallelStream().forEach(p -> p.stop(Duration.ofSeconds(15)));
        opsReceiver.stop(0);
        smtp.stop();
        stack.close();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

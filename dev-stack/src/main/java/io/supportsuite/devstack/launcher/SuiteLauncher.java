package io.supportsuite.devstack.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.supportsuite.devstack.DevStack;
import io.supportsuite.devstack.Folders;
import io.supportsuite.devstack.Ports;

/**
 * The one-command local run: Kafka and PostgreSQL (embedded unless the environment names existing ones),
 * then the four services as separate JVMs; prints where each listens and stops everything on Ctrl-C.
 */
public final class SuiteLauncher {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final LauncherOptions options;
    private final PrintStream out;
    private final List<ServiceProcess> running = new ArrayList<>();
    private DevStack stack;
    private MailCatcher mail;
    private volatile boolean stopping;

    SuiteLauncher(LauncherOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LauncherOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LauncherOptions.USAGE);
            return;
        }
        Logger.getLogger("").setLevel(Level.WARNING);
        SuiteLauncher launcher = new SuiteLauncher(options, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            launcher.stop();
            stopped.countDown();
        }, "suite-stop"));
        try {
            launcher.start();
        } catch (RuntimeException e) {
            System.err.println("The suite did not start: " + e.getMessage());
            System.exit(1);
        }
        launcher.watch();
    }

    void start() {
        long begin = System.nanoTime();
        Path data = options.dataDir().toAbsolutePath();
        if (options.reset()) {
            Folders.delete(data);
            out.println("Reset: removed " + data);
        }
        for (SuiteService service : SuiteService.ALL) {
            if (!java.nio.file.Files.isRegularFile(service.runnerJar(options.projectRoot()))) {
                throw new IllegalStateException(service.runnerJar(options.projectRoot())
                        + " is missing: run from the project root after ./mvnw -q package -DskipTests");
            }
        }
        requireFree(options.kafkaPort(), "Kafka");
        requireFree(options.postgresPort(), "PostgreSQL");
        out.println("Starting Kafka and PostgreSQL (data in " + data + ") ...");
        stack = DevStack.start(options.kafkaPort(), options.postgresPort(), data);
        DevStack.DATABASES.forEach(stack.postgres()::createDatabase);
        requireFree(options.smtpPort(), "the mail catcher (SMTP)");
        mail = new MailCatcher(options.smtpPort(), out);

        for (int i = 0; i < SuiteService.ALL.size(); i++) {
            SuiteService service = SuiteService.ALL.get(i);
            if (!options.starts(service)) {
                continue;
            }
            int port = options.portBase() + i; // a service keeps its port when others are left out
            requireFree(port, service.module());
            Map<String, String> env = new LinkedHashMap<>();
            env.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafka().bootstrapServers());
            env.put("PG_HOST", stack.postgres().host());
            env.put("PG_PORT", String.valueOf(stack.postgres().port()));
            env.put("PG_USER", stack.postgres().user());
            env.put("PG_PASSWORD", stack.postgres().password());
            env.put("PG_DATABASE", service.database());
            env.put("SMTP_HOST", "127.0.0.1");
            env.put("SMTP_PORT", String.valueOf(mail.port()));
            running.add(ServiceProcess.start(service, options.projectRoot(), port, env, options.jvmOptions(),
                    data.resolve("logs")));
        }
        awaitReady();
        out.printf("%nSupport Suite is up in %.1f s:%n", (System.nanoTime() - begin) / 1e9);
        out.printf("  %-22s %s%n", "kafka", stack.kafka().bootstrapServers());
        out.printf("  %-22s %s:%d (databases %s)%n", "postgresql", stack.postgres().host(), stack.postgres().port(),
                String.join(", ", DevStack.DATABASES));
        out.printf("  %-22s 127.0.0.1:%d (every e-mail the suite sends lands here and is listed below)%n", "smtp",
                mail.port());
        for (ServiceProcess p : running) {
            out.printf("  %-22s %s   (health %s/q/health, OpenAPI %s/q/openapi)%n", p.service().module(), p.baseUrl(),
                    p.baseUrl(), p.baseUrl());
        }
        out.println("Logs in " + data.resolve("logs") + ". Press Ctrl-C to stop everything.");
        out.flush();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        List<ServiceProcess> waiting = new ArrayList<>(running);
        while (!waiting.isEmpty()) {
            for (ServiceProcess p : List.copyOf(waiting)) {
                if (!p.isAlive()) {
                    throw new IllegalStateException(p.service().module() + " exited; see " + p.log());
                }
                if (p.isReady()) {
                    waiting.remove(p);
                    out.println("  ready: " + p.service().module());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not ready after " + READY_TIMEOUT.toSeconds() + " s: "
                        + waiting.stream().map(p -> p.service().module() + " (see " + p.log() + ")").toList());
            }
            sleep(250);
        }
    }

    /** Blocks while the suite runs, telling the user when a service dies. */
    private void watch() {
        List<ServiceProcess> reported = new ArrayList<>();
        while (true) {
            for (ServiceProcess p : running) {
                if (!stopping && !p.isAlive() && !reported.contains(p)) {
                    reported.add(p);
                    out.println(p.service().module() + " stopped unexpectedly; see " + p.log());
                }
            }
            sleep(1000);
        }
    }

    synchronized void stop() {
        stopping = true;
        if (running.isEmpty() && stack == null && mail == null) {
            return;
        }
        out.println("\nStopping the suite ...");
        running.parallelStream().forEach(p -> p.stop(STOP_GRACE));
        running.clear();
        if (mail != null) {
            mail.close();
            mail = null;
        }
        if (stack != null) {
            stack.close();
            stack = null;
        }
        out.println("Stopped.");
        out.flush();
    }

    private static void requireFree(int port, String what) {
        if (port != 0 && Ports.inUse(port)) {
            throw new IllegalStateException("port " + port + " for " + what + " is already in use");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.supportsuite.devstack.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A service started as its own JVM, with its environment, its log file and its readiness probe. */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final SuiteService service;
    private final int port;
    private final Path log;
    private final Process process;

    private ServiceProcess(SuiteService service, int port, Path log, Process process) {
        this.service = service;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts {@code java -jar} on the service's packaged application. {@code environment} carries the
     * addresses (PG_*, KAFKA_BOOTSTRAP_SERVERS, HTTP_PORT and any service setting).
     */
    public static ServiceProcess start(SuiteService service, Path projectRoot, int port, Map<String, String> environment,
            List<String> jvmOptions, Path logDir) {
        Path jar = service.runnerJar(projectRoot);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw -q package -DskipTests");
        }
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(service.module() + ".log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.addAll(service.memoryOptions());
            command.add("-jar");
            command.add(jar.toString());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            // The JVM allocates little through malloc after start-up: one arena instead of eight per core keeps
            // tens of MiB of half-empty arenas out of the resident set.
            builder.environment().put("MALLOC_ARENA_MAX", "1");
            builder.environment().putAll(environment);
            builder.environment().put("HTTP_PORT", String.valueOf(port));
            return new ServiceProcess(service, port, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + service.module(), e);
        }
    }

    public SuiteService service() {
        return service;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Whether {@code /q/health/ready} answers 200 now. */
    public boolean isReady() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Asks the service to stop (SIGTERM: Quarkus shuts down gracefully), and kills it after {@code grace}. */
    public void stop(Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the process at once, as a crash or an OOM kill would. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.supportsuite.bench;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A running service process found by its packaged jar ({@code <service>/target/quarkus-app/quarkus-run.jar}):
 * killed as a crash would (SIGKILL), and started again with the same command line, environment and working
 * directory (Linux /proc), its output to a log file.
 */
final class ServiceControl {

    private final long pid;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path directory;
    private final Path log;

    private ServiceControl(long pid, List<String> command, Map<String, String> environment, Path directory, Path log) {
        this.pid = pid;
        this.command = command;
        this.environment = environment;
        this.directory = directory;
        this.log = log;
    }

    /** The one {@code service} process listening on {@code port} (its HTTP_PORT). */
    static ServiceControl find(String service, int port) throws Exception {
        String jar = service + "/target/quarkus-app/quarkus-run.jar";
        List<ServiceControl> found = new ArrayList<>();
        for (ProcessHandle p : ProcessHandle.allProcesses().toList()) {
            if (p.info().commandLine().orElse("").contains(jar)) {
                ServiceControl candidate = of(p.pid());
                if (String.valueOf(port).equals(candidate.environment.getOrDefault("HTTP_PORT", "8082"))) {
                    found.add(candidate);
                }
            }
        }
        if (found.size() != 1) {
            throw new IllegalStateException("Expected one running " + service + " (java -jar ..." + jar + ", HTTP_PORT "
                    + port + "), found " + found.size() + ": start the suite first (java -jar dev-stack/target/dev-stack-launcher.jar)");
        }
        return found.get(0);
    }

    private static ServiceControl of(long pid) throws Exception {
        Path proc = Path.of("/proc", String.valueOf(pid));
        List<String> command = Arrays.asList(new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8)
                .split("\0"));
        Map<String, String> environment = new TreeMap<>();
        for (String entry : new String(Files.readAllBytes(proc.resolve("environ")), StandardCharsets.UTF_8).split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                environment.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return new ServiceControl(pid, new ArrayList<>(command), environment, proc.resolve("cwd").toRealPath(), null);
    }

    long pid() {
        return pid;
    }

    Path log() {
        return log;
    }

    void kill() throws Exception {
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow();
        handle.destroyForcibly(); // SIGKILL
        handle.onExit().get();
    }

    ServiceControl restart() throws Exception {
        Path restartLog = Files.createTempFile(serviceName() + "-restarted-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(new File(restartLog.toString())));
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        return new ServiceControl(process.pid(), command, environment, directory, restartLog);
    }

    private String serviceName() {
        return command.stream().filter(part -> part.endsWith("/target/quarkus-app/quarkus-run.jar")).findFirst()
                .map(jar -> Path.of(jar).getParent().getParent().getParent().getFileName().toString()).orElse("service");
    }

    /** Polls the readiness endpoint until it answers 200; returns how long that took. */
    Duration awaitReady(String url, Duration limit) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long start = System.nanoTime();
        while (System.nanoTime() - start < limit.toNanos()) {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Not ready within " + limit + ": see " + log);
    }

    /** The process's resident set in MiB, 0 once it is gone. */
    long rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (Exception e) {
            // gone
        }
        return 0;
    }
}

package io.supportsuite.devstack.launcher;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Command-line options of the local run. */
record LauncherOptions(Path projectRoot, Path dataDir, boolean reset, int kafkaPort, int postgresPort, int portBase,
        int smtpPort, List<String> jvmOptions, Set<String> only, boolean help) {

    static final String USAGE = """
            Usage: java -jar dev-stack/target/dev-stack-launcher.jar [options]   (from the project root, after ./mvnw package)
              --reset            delete the local data (Kafka topics, databases, logs) before starting
              --data DIR         where the local data lives (default .data)
              --kafka-port N     embedded Kafka port (default 9092)
              --pg-port N        embedded PostgreSQL port (default 5432)
              --port-base N      HTTP port of channel-gateway; the others follow (default 8080)
              --smtp-port N      the mail catcher's SMTP port (default 1025)
              --only A,B         start only these services (e.g. channel-gateway, to measure it alone)
            Set KAFKA_BOOTSTRAP_SERVERS and/or PG_HOST, PG_PORT, PG_USER, PG_PASSWORD to use existing servers.""";

    static LauncherOptions parse(String[] args) {
        Path root = Path.of("").toAbsolutePath();
        Path data = root.resolve(".data");
        boolean reset = false;
        boolean help = false;
        int kafkaPort = 9092;
        int pgPort = 5432;
        int portBase = 8080;
        int smtpPort = 1025;
        Set<String> only = Set.of();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reset" -> reset = true;
                case "--help", "-h" -> help = true;
                case "--data" -> data = Path.of(value(args, ++i));
                case "--kafka-port" -> kafkaPort = port(value(args, i), value(args, ++i));
                case "--pg-port" -> pgPort = port(value(args, i), value(args, ++i));
                case "--port-base" -> portBase = port(value(args, i), value(args, ++i));
                case "--smtp-port" -> smtpPort = port(value(args, i), value(args, ++i));
                case "--only" -> only = services(value(args, ++i));
                default -> throw new IllegalArgumentException("Unknown option: " + args[i]);
            }
        }
        List<String> jvm = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC");
        return new LauncherOptions(root, data, reset, kafkaPort, pgPort, portBase, smtpPort, jvm, only, help);
    }

    /** Whether the run starts {@code service} (all of them unless {@code --only} names some). */
    boolean starts(SuiteService service) {
        return only.isEmpty() || only.contains(service.module());
    }

    private static Set<String> services(String list) {
        Set<String> known = SuiteService.ALL.stream().map(SuiteService::module).collect(Collectors.toSet());
        Set<String> named = Arrays.stream(list.split(",")).map(String::trim).filter(name -> !name.isEmpty())
                .collect(Collectors.toSet());
        for (String name : named) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("--only: no service " + name + "; the services are " + known);
            }
        }
        return Set.copyOf(named);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static int port(String option, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a port number, not " + value);
        }
    }
}

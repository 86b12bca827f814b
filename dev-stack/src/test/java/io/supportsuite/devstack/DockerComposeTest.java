package io.supportsuite.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import io.supportsuite.devstack.launcher.SuiteService;

/** docker-compose.yml cannot run here (no Docker engine), so it is checked against the applications instead. */
class DockerComposeTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):([^}]*)}");

    static List<SuiteService> services() {
        return SuiteService.ALL;
    }

    @Test
    void composeRunsKafkaPostgresAndTheFourServices() throws IOException {
        Map<String, Object> services = map(compose().get("services"));
        assertEquals(new TreeSet<>(Set.of("kafka", "postgres", "mailpit", "channel-gateway", "ticket-service",
                "sla-monitor", "notification-service")), new TreeSet<>(services.keySet()));
        Map<String, Object> kafka = map(services.get("kafka"));
        assertEquals("broker,controller", map(kafka.get("environment")).get("KAFKA_PROCESS_ROLES"), "KRaft, no ZooKeeper");
        assertNotNull(kafka.get("healthcheck"));
        assertNotNull(map(services.get("postgres")).get("healthcheck"));
        String init = Files.readString(ROOT.resolve("deploy/postgres/init-databases.sql"));
        for (String database : DevStack.DATABASES) {
            assertTrue(init.contains("CREATE DATABASE " + database + ";"), "init script creates " + database);
        }
    }

    @ParameterizedTest
    @MethodSource("services")
    void serviceAgreesWithItsApplicationProperties(SuiteService service) throws IOException {
        // What the service reads: its own properties over the defaults every service inherits.
        Properties app = new Properties();
        for (String file : List.of("support-runtime/src/main/resources/META-INF/microprofile-config.properties",
                service.module() + "/src/main/resources/application.properties")) {
            try (Reader in = Files.newBufferedReader(ROOT.resolve(file))) {
                app.load(in);
            }
        }
        Map<String, String> defaults = new java.util.HashMap<>();
        for (String value : app.stringPropertyNames().stream().map(app::getProperty).toList()) {
            Matcher m = VARIABLE.matcher(value);
            while (m.find()) {
                defaults.put(m.group(1), m.group(2));
            }
        }
        Map<String, Object> compose = map(map(compose().get("services")).get(service.module()));
        Map<String, Object> env = new java.util.HashMap<>(map(compose.get("environment")));

        // The JVM's and the C library's own settings: the same memory sizing as the launcher's.
        Object javaOptions = env.remove("JAVA_OPTS");
        Object mallocArenas = env.remove("MALLOC_ARENA_MAX");
        if (service.memoryOptions().isEmpty()) {
            assertEquals(null, javaOptions, "the Dockerfile's default JVM options");
        } else {
            assertEquals("-XX:+UseSerialGC " + String.join(" ", service.memoryOptions()), javaOptions);
            assertEquals("1", mallocArenas);
        }
        assertEquals(new TreeSet<>(defaults.keySet()), new TreeSet<>(env.keySet()),
                "compose sets exactly the variables the application reads");
        assertEquals(String.valueOf(service.defaultPort()), defaults.get("HTTP_PORT"));
        assertEquals(String.valueOf(service.defaultPort()), env.get("HTTP_PORT"));
        assertEquals(List.of(service.defaultPort() + ":" + service.defaultPort()), compose.get("ports"));
        assertEquals(service.database(), defaults.get("PG_DATABASE"));
        assertEquals(service.database(), env.get("PG_DATABASE"));
        assertEquals("kafka:9092", env.get("KAFKA_BOOTSTRAP_SERVERS"));
        assertEquals("postgres", env.get("PG_HOST"));
        assertEquals("./" + service.module(), map(compose.get("build")).get("context"));
        Map<String, Object> dependsOn = map(compose.get("depends_on"));
        assertEquals("service_healthy", map(dependsOn.get("kafka")).get("condition"));
        assertEquals("service_healthy", map(dependsOn.get("postgres")).get("condition"));
        assertTrue(String.valueOf(map(compose.get("healthcheck")).get("test")).contains("/q/health/ready"));
    }

    private static Map<String, Object> compose() throws IOException {
        try (Reader in = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            return new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertNotNull(value);
        return (Map<String, Object>) value;
    }
}

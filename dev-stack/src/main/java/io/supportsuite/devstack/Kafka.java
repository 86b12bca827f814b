package io.supportsuite.devstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import io.supportsuite.events.Topics;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real Apache Kafka broker in KRaft mode (broker and controller in one process, no ZooKeeper), started
 * in-process from the Kafka jars; or an existing cluster named by {@code KAFKA_BOOTSTRAP_SERVERS}.
 */
public final class Kafka implements AutoCloseable {

    /** Partitions of every suite topic: the unit of parallelism of each consumer group. */
    public static final int PARTITIONS = 3;

    private final KafkaRaftServer server;
    private final Path logDir;
    private final boolean temporary;
    private final String bootstrapServers;

    private Kafka(KafkaRaftServer server, Path logDir, boolean temporary, String bootstrapServers) {
        this.server = server;
        this.logDir = logDir;
        this.temporary = temporary;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Starts a single-node broker on {@code port} (0 = any free port). With a {@code dataDir} the topics and
     * offsets survive a restart; without one they live in a temporary folder removed on close.
     */
    public static Kafka embedded(int port, Path dataDir) {
        try {
            boolean temporary = dataDir == null;
            Path logDir = temporary ? Files.createTempDirectory("support-kafka") : dataDir;
            Files.createDirectories(logDir);
            int brokerPort = port == 0 ? Ports.free() : port;
            int controllerPort = Ports.free();
            Properties props = brokerProperties(brokerPort, controllerPort, logDir);
            format(props, logDir);
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            Kafka kafka = new Kafka(server, logDir, temporary, "127.0.0.1:" + brokerPort);
            kafka.awaitReady(Duration.ofSeconds(60));
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded Kafka broker", e);
        }
    }

    public static Kafka external(String bootstrapServers) {
        return new Kafka(null, null, false, bootstrapServers);
    }

    /** {@code KAFKA_BOOTSTRAP_SERVERS} when set, else an embedded broker. */
    public static Kafka fromEnvironment(int embeddedPort, Path embeddedDataDir) {
        String servers = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        return servers != null && !servers.isBlank() ? external(servers) : embedded(embeddedPort, embeddedDataDir);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public boolean isEmbedded() {
        return server != null;
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000));
    }

    /** Creates every suite topic and its dead-letter twin, unless they exist. */
    public void createSuiteTopics() {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : Topics.ALL) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, PARTITIONS, (short) 1));
                }
                String dlq = topic + Topics.DLQ_SUFFIX;
                if (!existing.contains(dlq)) {
                    missing.add(new NewTopic(dlq, 1, (short) 1));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Could not create the suite's topics on " + bootstrapServers, e);
        }
    }

    @Override
    public void close() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        if (temporary) {
            Folders.delete(logDir);
        }
    }

    private void awaitReady(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < end) {
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                last = new IllegalStateException(e);
                sleep(200);
            }
        }
        throw new IllegalStateException("Kafka broker did not become ready within " + timeout, last);
    }

    private static Properties brokerProperties(int port, int controllerPort, Path logDir) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        p.put("num.partitions", String.valueOf(PARTITIONS));
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        return p;
    }

    /** The KRaft storage format step; a folder formatted by an earlier run is kept as it is. */
    private static void format(Properties props, Path logDir) throws IOException {
        Path config = logDir.resolve("server.properties");
        try (Writer out = Files.newBufferedWriter(config)) {
            props.store(out, "single-node KRaft broker of the dev stack");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        String[] args = { "format", "--ignore-formatted", "-t", clusterId(logDir), "-c", config.toString() };
        int rc = StorageTool.execute(args, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("Kafka storage format failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    /** The id a previous run formatted the folder with, so that its data stays readable; else a new one. */
    private static String clusterId(Path logDir) throws IOException {
        Path meta = logDir.resolve("meta.properties");
        if (Files.exists(meta)) {
            Properties existing = new Properties();
            try (var in = Files.newBufferedReader(meta)) {
                existing.load(in);
            }
            String id = existing.getProperty("cluster.id");
            if (id != null) {
                return id;
            }
        }
        return Uuid.randomUuid().toString();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

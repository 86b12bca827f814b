package io.supportsuite.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL: embedded binaries (PostgreSQL 17 from Maven Central, runs as root too) unless
 * {@code PG_HOST} names an existing server. Knows how to create and drop the services' databases.
 */
public final class Postgres implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final String host;
    private final int port;
    private final String user;
    private final String password;

    private Postgres(EmbeddedPostgres embedded, String host, int port, String user, String password) {
        this.embedded = embedded;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /**
     * Starts an embedded server on {@code port} (0 = any free port). With a {@code dataDir} the data
     * survives a restart; without one it lives in a temporary folder that is removed on close.
     */
    public static Postgres embedded(int port, Path dataDir) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port == 0 ? Ports.free() : port)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    // The outbox relay reads each row's commit time (pg_xact_commit_timestamp) and reports it.
                    .setServerConfig("track_commit_timestamp", "on");
            if (dataDir != null) {
                builder.setDataDirectory(dataDir.toFile()).setCleanDataDirectory(false);
            }
            EmbeddedPostgres pg = builder.start();
            return new Postgres(pg, "localhost", pg.getPort(), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    /** An existing server; the user needs CREATEDB. */
    public static Postgres external(String host, int port, String user, String password) {
        return new Postgres(null, host, port, user, password);
    }

    /** From the environment: {@code PG_HOST} (+ {@code PG_PORT}, {@code PG_USER}, {@code PG_PASSWORD}), else embedded. */
    public static Postgres fromEnvironment(int embeddedPort, Path embeddedDataDir) {
        String host = System.getenv("PG_HOST");
        if (host != null && !host.isBlank()) {
            return external(host, Integer.parseInt(env("PG_PORT", "5432")), env("PG_USER", "postgres"),
                    env("PG_PASSWORD", "postgres"));
        }
        return embedded(embeddedPort, embeddedDataDir);
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    /** Creates the database unless it exists. */
    public void createDatabase(String name) {
        requireIdentifier(name);
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + " on " + host + ":" + port, e);
        }
    }

    public void dropDatabase(String name) {
        requireIdentifier(name);
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop database " + name, e);
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void requireIdentifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
    }
}

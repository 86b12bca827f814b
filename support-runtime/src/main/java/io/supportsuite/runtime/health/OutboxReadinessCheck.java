package io.supportsuite.runtime.health;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.agroal.api.AgroalDataSource;
import io.supportsuite.runtime.outbox.OutboxConfig;
import io.supportsuite.runtime.schema.SchemaMigrator;

/** Not ready while events pile up unrelayed: downstream services would be acting on stale news. */
@Readiness
@ApplicationScoped
public class OutboxReadinessCheck implements HealthCheck {

    private final AgroalDataSource dataSource;
    private final SchemaMigrator migrator;
    private final OutboxConfig config;

    public OutboxReadinessCheck(AgroalDataSource dataSource, SchemaMigrator migrator, OutboxConfig config) {
        this.dataSource = dataSource;
        this.migrator = migrator;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("outbox");
        if (!migrator.isMigrated()) {
            return response.down().withData("reason", "schema not migrated yet").build();
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*), EXTRACT(EPOCH FROM now() - min(created_at)) FROM outbox")) {
            rs.next();
            long pending = rs.getLong(1);
            double oldestSeconds = rs.getDouble(2);
            Duration lag = Duration.ofMillis((long) (oldestSeconds * 1000));
            return response.status(lag.compareTo(config.maxLag()) <= 0)
                    .withData("pending", pending)
                    .withData("oldestSeconds", (long) oldestSeconds)
                    .build();
        } catch (Exception e) {
            return response.down().withData("reason", String.valueOf(e.getMessage())).build();
        }
    }
}

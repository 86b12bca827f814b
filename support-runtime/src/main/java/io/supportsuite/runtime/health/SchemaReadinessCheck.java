package io.supportsuite.runtime.health;

import io.supportsuite.runtime.schema.SchemaMigrator;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the service's tables exist: a service must not take traffic against an old schema. */
@Readiness
@ApplicationScoped
public class SchemaReadinessCheck implements HealthCheck {

    private final SchemaMigrator migrator;

    public SchemaReadinessCheck(SchemaMigrator migrator) {
        this.migrator = migrator;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("schema")
                .status(migrator.isMigrated())
                .withData("state", migrator.state())
                .build();
    }
}

package io.supportsuite.tickets.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.supportsuite.tickets.agent.AdminSeed;

/** Not ready until the configured admin exists: before that, nobody could log in to the API. */
@Readiness
@ApplicationScoped
public class AdminSeedReadinessCheck implements HealthCheck {

    private final AdminSeed seed;

    public AdminSeedReadinessCheck(AdminSeed seed) {
        this.seed = seed;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("admin-seed").status(seed.seeded()).build();
    }
}

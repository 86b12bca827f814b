package io.supportsuite.tickets.agent;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.supportsuite.runtime.schema.SchemaMigrator;
import io.supportsuite.tickets.config.TicketsConfig;

/**
 * Makes sure the configured admin can log in on a fresh database: once the schema is migrated, creates it unless an
 * agent with that username exists (its password is then left as it is). Several instances may do this at once.
 */
@ApplicationScoped
public class AdminSeed {

    private final SchemaMigrator migrator;
    private final TicketsConfig config;
    private final Clock clock;
    private volatile boolean seeded;

    public AdminSeed(SchemaMigrator migrator, TicketsConfig config, Clock clock) {
        this.migrator = migrator;
        this.config = config;
        this.clock = clock;
    }

    public boolean seeded() {
        return seeded;
    }

    @Scheduled(identity = "admin-seed", every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> seed() {
        if (seeded || !migrator.isMigrated()) {
            return Uni.createFrom().voidItem();
        }
        TicketsConfig.Admin admin = config.security().admin();
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                "INSERT INTO agent (id, username, name, email, password_hash, role, created_at) "
                        + "VALUES (:id, :username, :name, NULL, :hash, :role, :at) ON CONFLICT (username) DO NOTHING")
                .setParameter("id", UUID.randomUUID())
                .setParameter("username", admin.username())
                .setParameter("name", admin.name())
                .setParameter("hash", BcryptUtil.bcryptHash(admin.password()))
                .setParameter("role", Agent.ADMIN)
                .setParameter("at", clock.instant())
                .executeUpdate()))
                .invoke(inserted -> {
                    seeded = true;
                    if (inserted == 1) {
                        Log.infof("Admin '%s' created from configuration", admin.username());
                    }
                })
                .onFailure().invoke(e -> Log.warnf("Admin not seeded yet: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}

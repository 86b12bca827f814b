package io.supportsuite.sla.policy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.supportsuite.runtime.schema.SchemaMigrator;
import io.supportsuite.sla.clock.SlaClock;
import io.supportsuite.sla.config.SlaConfig;

/**
 * Seeds the configured policies and calendars into the database once the schema is there, each only when
 * no row of that name exists: what operators changed through the REST API survives a restart. Whatever
 * needs policies waits for {@link #seeded()}.
 */
@ApplicationScoped
public class PolicySeeder {

    public static final String DEFAULT = "default";
    public static final String VIP = "vip";
    private static final int VIP_RANK = 100;
    private static final int DEFAULT_RANK = 1000;
    private static final Duration RETRY = Duration.ofMillis(500);

    private final AgroalDataSource dataSource;
    private final SchemaMigrator migrator;
    private final SlaConfig config;
    private final Clock clock;
    private final CompletableFuture<Void> seeded = new CompletableFuture<>();

    public PolicySeeder(AgroalDataSource dataSource, SchemaMigrator migrator, SlaConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.migrator = migrator;
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        Thread worker = new Thread(this::seedWhenMigrated, "sla-policy-seeder");
        worker.setDaemon(true);
        worker.start();
    }

    /** Completes once the seeds are in the database. */
    public Uni<Void> seeded() {
        return Uni.createFrom().completionStage(seeded);
    }

    /** The policies configuration defines: R1's default, R6's VIP, then {@code sla.policies.*}. */
    public List<Policy> configuredPolicies() {
        List<Policy> policies = new ArrayList<>();
        policies.add(new Policy(DEFAULT, DEFAULT_RANK, null, null, null, null, null,
                Map.of(SlaClock.FIRST_RESPONSE, config.firstResponse()), config.warningPercents()));
        policies.add(new Policy(VIP, VIP_RANK, null, null, List.of(config.vipSegment()), null, null,
                Map.of(SlaClock.FIRST_RESPONSE, config.vipFirstResponse()), config.warningPercents()));
        config.policies().forEach((name, seed) -> policies.add(new Policy(name, seed.rank(), seed.channels().orElse(null),
                seed.priorities().orElse(null), seed.segments().orElse(null), seed.teams().orElse(null), seed.calendar(),
                seed.targets(), seed.warningPercents().orElse(config.warningPercents()))));
        return policies;
    }

    public List<CalendarDefinition> configuredCalendars() {
        return config.calendars().entrySet().stream().map(e -> new CalendarDefinition(e.getKey(), e.getValue().zone(),
                e.getValue().hours(), e.getValue().holidays().orElse(List.of()).stream()
                        .map(java.time.LocalDate::parse).toList())).toList();
    }

    private void seedWhenMigrated() {
        while (!seeded.isDone()) {
            if (migrator.isMigrated()) {
                try {
                    seed();
                    seeded.complete(null);
                    return;
                } catch (Exception e) {
                    Log.warnf("Seeding SLA policies failed, retrying: %s", e.getMessage());
                }
            }
            try {
                Thread.sleep(RETRY.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void seed() throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement calendars = connection.prepareStatement("INSERT INTO sla_calendar (name, zone, hours, "
                        + "holidays) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO NOTHING");
                PreparedStatement policies = connection.prepareStatement("INSERT INTO sla_policy (name, rank, channels, "
                        + "priorities, segments, teams, calendar, targets, warning_percents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (name) DO NOTHING")) {
            for (CalendarDefinition definition : configuredCalendars()) {
                definition.toCalendar(); // a broken seed fails loudly here, not in a clock
                CalendarRow row = new CalendarRow().take(definition, clock.instant());
                bind(calendars, row.name, row.zone, row.hours, row.holidays).executeUpdate();
            }
            for (Policy policy : configuredPolicies()) {
                PolicyRow row = new PolicyRow().take(policy, clock.instant());
                bind(policies, row.name, row.rank, row.channels, row.priorities, row.segments, row.teams, row.calendar,
                        row.targets, row.warningPercents).executeUpdate();
            }
        }
        Log.infof("SLA policies and calendars seeded from configuration (existing ones kept)");
    }

    private static PreparedStatement bind(PreparedStatement statement, Object... values) throws Exception {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
        return statement;
    }
}

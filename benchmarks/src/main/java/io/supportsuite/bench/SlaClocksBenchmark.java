package io.supportsuite.bench;

import java.io.StringReader;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.postgresql.PGConnection;

/**
 * sla-monitor's durable clocks: N running first-response clocks (stages at 50, 80 and 100 % of a short
 * budget), their stages due evenly at {@code rate} clocks per second, seeded straight into its {@code clock}
 * table (COPY; arming a million through ticket.created would measure the ticket consumer, not the firing).
 * The running service fires them; every {@code sla.warning} / {@code sla.breached} on support.sla.v1 is
 * matched to its (clock, stage). Then the service is killed (SIGKILL) and started again with the same
 * command and environment, and the benchmark times how long it takes to fire what fell due meanwhile.
 *
 * <p>Lateness is measured at the consumer: the time the event was seen on support.sla.v1 − the stage's due
 * time (also the event's own {@code firedAt} − due time). RSS is the service's VmRSS, sampled every second.
 * The baseline in the same run is the broker's own rate for as many records of an event's size.
 */
final class SlaClocksBenchmark {

    static final int[] STAGES = { 50, 80, 100 };

    private SlaClocksBenchmark() {
    }

    static void run(Options options) throws Exception {
        int count = options.number("count", 1_000_000);
        int rate = options.number("rate", 200);
        Duration budget = Duration.ofSeconds(options.number("budget", 20));
        Duration observe = Duration.ofSeconds(options.number("observe", 60));
        Duration outage = Duration.ofSeconds(options.number("outage", 20));
        Duration after = Duration.ofSeconds(options.number("after", 30));
        String kafka = options.text("kafka", "localhost:9092");
        String jdbc = options.text("jdbc", "jdbc:postgresql://localhost:5432/sla");
        String user = options.text("pg-user", "postgres");
        String password = options.text("pg-password", "postgres");
        URI base = URI.create(options.text("service", "http://localhost:8082"));
        String health = base.resolve("/q/health/ready").toString();
        String run = UUID.randomUUID().toString().substring(0, 8);

        ServiceControl service = ServiceControl.find("sla-monitor", base.getPort());
        try (Connection db = DriverManager.getConnection(jdbc, user, password);
                SlaWatcher watcher = new SlaWatcher(kafka, run, count);
                RssSampler rss = new RssSampler(service)) {
            // the first stage falls due after seeding (estimated at 2,500 clocks/s on the shared machine) plus a margin
            Instant first = Instant.now().plusSeconds(15 + count / 2_500).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            Plan plan = new Plan(first, budget, rate, count);
            System.out.printf("sla-clocks: run %s seeding %d running clocks into clock (first stage due %s, %d clocks/s, "
                    + "budget %d s, stages 50/80/100; the last due in %d s)%n", run, count, first, rate, budget.toSeconds(),
                    Duration.between(first, plan.due(count - 1, 100)).toSeconds());
            long seedStart = System.nanoTime();
            seed(db, run, plan);
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            if (Instant.now().isAfter(first)) {
                System.out.println("warning: seeding ended after the first due time; early stages start late");
            }
            System.out.printf("sla-clocks: seeded in %.1f s; %s%n", seedSeconds, Load.now());

            // 1. on time: every stage due in the observed period
            Instant onTimeEnd = first.plus(observe);
            sleepUntil(onTimeEnd);
            Instant settled = onTimeEnd.plusSeconds(5);
            sleepUntil(settled);
            Stats onTime = watcher.stats(plan, first, onTimeEnd);
            System.out.printf("sla-clocks: on time (%d s, %d running clocks): %s; %s%n", observe.toSeconds(), count,
                    onTime, Load.now());

            // 2. restart: killed, down for the outage, started again; the stages due meanwhile fire at start-up
            Instant killedAt = Instant.now();
            service.kill();
            sleepUntil(killedAt.plus(outage));
            Instant startedAt = Instant.now();
            ServiceControl restarted = service.restart();
            rss.follow(restarted);
            Duration ready = restarted.awaitReady(health, Duration.ofMinutes(3));
            Duration recovered = watcher.awaitAllSeen(plan, killedAt, startedAt, Duration.ofMinutes(5));
            Stats backlog = watcher.stats(plan, killedAt, startedAt);
            System.out.printf("sla-clocks: restart after %d s down: ready in %.1f s; all %d stages due while down seen "
                    + "%.1f s after the start (%s)%n", outage.toSeconds(), ready.toMillis() / 1000.0, backlog.expected(),
                    recovered.toMillis() / 1000.0, backlog);
            double backlogRate = backlog.expected() / Math.max(0.001, recovered.minus(ready).toMillis() / 1000.0);
            Duration onTimeAgain = watcher.awaitOnTime(plan, startedAt, Duration.ofSeconds(1), Duration.ofMinutes(10));
            System.out.printf("sla-clocks: on time again (a stage seen within 1 s of its due time) %.1f s after the start%n",
                    onTimeAgain.toMillis() / 1000.0);

            // 3. on time again after the restart
            Instant againFrom = startedAt.plus(onTimeAgain).plusSeconds(1);
            Instant againEnd = againFrom.plus(after);
            sleepUntil(againEnd.plusSeconds(5));
            Stats again = watcher.stats(plan, againFrom, againEnd);
            Stats all = watcher.stats(plan, first, againEnd);
            double baseline = Baseline.brokerRate(kafka, Math.max(10_000, all.expected()), 400);
            System.out.printf("sla-clocks: on time again (%d s from %.1f s after the start): %s%n", after.toSeconds(),
                    onTimeAgain.toMillis() / 1000.0 + 1, again);
            System.out.printf("sla-clocks: overall %d stages expected, %d fired, missed %d, fired twice %d (delivered again %d); RSS max %d MiB "
                    + "(now %d MiB); backlog fired at %.0f stages/s after ready; broker baseline %.0f records/s (ratio %.3f); "
                    + "seeding %.1f s; %s%n", all.expected(), all.seen(), all.missed(), all.doubled(), all.redelivered(), rss.maxMiB(),
                    rss.nowMiB(), backlogRate, baseline, backlogRate / baseline, seedSeconds, Load.now());
            System.out.printf("sla-clocks: sla-monitor left running as pid %d (log %s)%n", restarted.pid(), restarted.log());
        }
    }

    /** When each clock's stages fall due: clock n starts at first − budget/2 + n/rate, so its 50 % stage is due at first + n/rate. */
    record Plan(Instant first, Duration budget, int rate, int count) {

        Instant started(int clock) {
            return first.minus(budget.dividedBy(2)).plusMillis(clock * 1000L / rate); // whole milliseconds, as sla-monitor keeps them
        }

        Instant due(int clock, int stage) {
            return started(clock).plusMillis(budget.toMillis() * stage / 100);
        }
    }

    /** COPY the clocks in, as sla-monitor arms a first-response clock, in chunks of 100,000. */
    private static void seed(Connection db, String run, Plan plan) throws Exception {
        var copy = ((PGConnection) db.unwrap(PGConnection.class)).getCopyAPI();
        StringBuilder rows = new StringBuilder();
        int chunk = 100_000;
        long budget = plan.budget().toMillis();
        for (int from = 0; from < plan.count(); from += chunk) {
            rows.setLength(0);
            for (int i = from; i < Math.min(plan.count(), from + chunk); i++) {
                Instant started = plan.started(i);
                rows.append(UUID.randomUUID()).append('\t').append(ticketId(run, i))
                        .append("\tfirst_response\tdefault\temail\tnormal\trunning\t").append(budget).append("\t50,80,100\t")
                        .append(started).append('\t').append(started).append("\t0\t").append(plan.due(i, 100))
                        .append("\t50\t").append(plan.due(i, 50)).append("\tcalendar\n");
            }
            copy.copyIn("COPY clock (id, ticket_id, kind, policy, channel, priority, state, budget_ms, stages, started_at, "
                    + "running_since, elapsed_before_ms, deadline, next_stage, next_fire_at, calendar) FROM STDIN",
                    new StringReader(rows.toString()));
        }
    }

    static String ticketId(String run, int n) {
        return "slabench-" + run + "-" + n;
    }

    private static void sleepUntil(Instant when) throws InterruptedException {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    /** What was seen of the stages due in a period. */
    record Stats(int expected, int seen, int missed, int doubled, int redelivered, String seenLateness, String firedLateness) {

        @Override
        public String toString() {
            return String.format("%d stages expected, %d fired, missed %d, fired twice %d (same event delivered again %d); "
                    + "lateness seen on the topic %s; firedAt %s", expected, seen, missed, doubled, redelivered, seenLateness,
                    firedLateness);
        }
    }

    /** The load average, to read every figure with. */
    static final class Load {
        static String now() {
            try {
                String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
                return "load average " + parts[0] + " " + parts[1] + " " + parts[2];
            } catch (Exception e) {
                return "load average unknown";
            }
        }
    }
}

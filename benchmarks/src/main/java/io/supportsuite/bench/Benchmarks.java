package io.supportsuite.bench;

import java.util.Arrays;

/** Entry point: {@code java -jar benchmarks/target/benchmarks.jar <benchmark> [options]}. */
public final class Benchmarks {

    static final String USAGE = """
            Usage: java -jar benchmarks/target/benchmarks.jar <benchmark> [options]   (the suite must be running)
              email-webhooks   signed e-mail webhooks at a fixed rate into channel-gateway; latency until
                               ticket.created appears on support.tickets.v1 (issue: the spine)
                --rate N        webhooks per second (default 200)
                --count N       webhooks in all (default 20 x rate)
                --gateway URL   channel-gateway base URL (default http://localhost:8080)
                --kafka HOSTS   Kafka bootstrap servers (default localhost:9092)
                --secret S      the e-mail webhook secret (default dev-email-secret)
                --connections N keep-alive connections the client holds (default 64)
                --drain SEC     quiet period after which a missing ticket counts as lost (default 30)
              channel-webhooks  channel-gateway alone: signed webhooks of four channels in turn (e-mail, WhatsApp,
                               Telegram, generic) at a fixed rate; answer latency, accepted/s against the same
                               client on the liveness endpoint (baseline, same run), lost and duplicated records
                               on support.inbound.v1, the gateway's RSS (start it with the launcher's --only
                               channel-gateway so that nothing else competes)
                --rate N        webhooks per second (default 3000)
                --seconds N     how long (default 20)
                --warmup SEC    webhooks at the same rate first, not counted, while the JIT compiles (default 20)
                --connections N keep-alive connections the client holds (default 64)
                --gateway URL, --kafka HOSTS, --drain SEC   as above (drain default 20)
              inbound-tickets  message.received events straight onto support.inbound.v1, as fast as the broker
                               takes them; how fast ticket-service turns them into ticket.created; how long
                               the outbox relay adds (ce_time -> record on the topic); lost and duplicated
                --count N       events (default 20000)
                --rate N        events per second, steady (default 0: as fast as the broker takes them);
                               the relay's share at a rate the service keeps up with
                --kafka HOSTS   Kafka bootstrap servers (default localhost:9092)
                --drain SEC     quiet period after which a missing ticket counts as lost (default 30)
                --kill-after N  kill ticket-service (SIGKILL) once N tickets are out, start it again with the
                               same command (default 0: no kill)
                --outage SEC    how long it stays down (default 5)
                --service URL   ticket-service's base URL, to find its process and readiness (default
                               http://localhost:8081)
              scheduled-notifications  N delay notices seeded straight into notification-service's database
                               (scheduled_notification), due evenly over a window; send lateness until
                               message.send is on support.outbound.v1, sent vs expected, rendered messages/s
                               against the broker's own rate for as many records (baseline, same run)
                --count N       scheduled notifications (default 1000000)
                --rate N        due per second; the window is count / rate (default 2500)
                --kafka HOSTS   Kafka bootstrap servers (default localhost:9092)
                --jdbc URL      notification-service's database (default jdbc:postgresql://localhost:5432/notifications)
                --pg-user U, --pg-password P   (default postgres / postgres)
                --drain SEC     quiet period after the window after which a missing message counts as lost (default 30)
                --lead SEC      seconds from the start to the first due time, seeding included (default 10 + count / 10000)
              sla-clocks       N running first-response clocks seeded straight into sla-monitor's database
                               (clock), stages 50/80/100 % due evenly; firing lateness until sla.warning /
                               sla.breached is seen on support.sla.v1, stages fired vs expected, then a kill -9 of
                               sla-monitor and a start with the same command: recovery time; RSS; broker baseline
                --count N       running clocks (default 1000000; e.g. 100000 for a quick run)
                --rate N        clocks whose stages fall due per second (default 200: 600 stages/s)
                --budget SEC    each clock's budget; warnings at 50 and 80 % (default 20)
                --observe SEC   on-time period measured before the restart (default 60)
                --outage SEC    how long sla-monitor stays down (default 20)
                --after SEC     on-time period measured after recovery (default 30)
                --kafka HOSTS   Kafka bootstrap servers (default localhost:9092)
                --jdbc URL      sla-monitor's database (default jdbc:postgresql://localhost:5432/sla)
                --pg-user U, --pg-password P   (default postgres / postgres)
                --service URL   sla-monitor's base URL, for readiness (default http://localhost:8082)
              ticket-views     the agent console's views over N tickets seeded straight into ticket-service's database
                               (kept for the next run): each view (mine, unassigned, team, at-risk, breached) through
                               the REST API, logged in as an agent of one team and as an admin: first page, next pages
                               by the cursor, a page from the middle, each filter, text search; per view p50/p99 against
                               GET /api/me with the same session (baseline, same run, interleaved)
                --count N       tickets (default 1000000; about 2 messages and 1 tag each, 1 customer per 5)
                --rounds N      times each request is asked (default 20, after 2 rounds of warm-up)
                --service URL   ticket-service's base URL (default http://localhost:8081)
                --admin U, --admin-password P   an admin's login (default admin / support-admin)
                --jdbc URL      ticket-service's database (default jdbc:postgresql://localhost:5432/tickets)
                --pg-user U, --pg-password P   (default postgres / postgres)""";

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.out.println(USAGE);
            return;
        }
        String[] options = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "email-webhooks" -> EmailWebhookBenchmark.run(Options.parse(options));
            case "channel-webhooks" -> ChannelWebhooksBenchmark.run(Options.parse(options));
            case "inbound-tickets" -> InboundTicketsBenchmark.run(Options.parse(options));
            case "scheduled-notifications" -> ScheduledNotificationsBenchmark.run(Options.parse(options));
            case "sla-clocks" -> SlaClocksBenchmark.run(Options.parse(options));
            case "ticket-views" -> TicketViewsBenchmark.run(Options.parse(options));
            default -> {
                System.err.println("Unknown benchmark: " + args[0]);
                System.err.println(USAGE);
                System.exit(2);
            }
        }
    }
}

package io.supportsuite.sla.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The promises' numbers (RULEBOOK.md) and how the firing loop waits for them. */
@ConfigMapping(prefix = "sla")
public interface SlaConfig {

    /** R1: first human response within this much calendar time of the ticket's arrival. */
    @WithDefault("PT10H")
    Duration firstResponse();

    /** R6: the tighter first-response budget of a VIP customer. */
    @WithDefault("PT2H")
    Duration vipFirstResponse();

    /** R6: the customer segment that gets the VIP policy. */
    @WithDefault("vip")
    String vipSegment();

    /** R4: warnings at these percentages of the budget; the breach is always at 100 %. */
    @WithDefault("50,80")
    List<Integer> warningPercents();

    /**
     * More policies seeded into the database at start-up when absent ({@code sla.policies.<name>.*}); the
     * built-in {@code default} (R1) and {@code vip} (R6) policies come from the properties above.
     */
    Map<String, PolicySeed> policies();

    /** Business-hours calendars seeded into the database at start-up when absent ({@code sla.calendars.<name>.*}). */
    Map<String, CalendarSeed> calendars();

    Pickup pickup();

    /** How many years ahead of this one an iCalendar import expands yearly holidays. */
    @WithDefault("2")
    int icsYearsAhead();

    Firing firing();

    /** R2: a live call or chat is picked up before the last of its rings ends. */
    interface Pickup {

        /** How many rings the customer waits at most. */
        @WithDefault("3")
        int rings();

        /** One ring (2 s on, 4 s off). */
        @WithDefault("PT6S")
        Duration ringLength();

        /** A channel's own ring length: {@code sla.pickup.channel-ring-length.chat=PT10S}. */
        Map<String, Duration> channelRingLength();

        /** The policy name pickup clocks carry. */
        @WithDefault("three-rings")
        String policy();
    }

    interface PolicySeed {

        /** The lowest rank wins among the policies that match a ticket. */
        @WithDefault("500")
        int rank();

        Optional<List<String>> channels();

        Optional<List<String>> priorities();

        Optional<List<String>> segments();

        Optional<List<String>> teams();

        /** {@code calendar} (every second counts) or the name of a calendar. */
        @WithDefault("calendar")
        String calendar();

        /** Target per clock kind: {@code sla.policies.<name>.targets.first_response=PT4H}. */
        Map<String, Duration> targets();

        /** R4: defaults to {@code sla.warning-percents}. */
        Optional<List<Integer>> warningPercents();
    }

    interface CalendarSeed {

        /** An IANA time zone, e.g. {@code Europe/Riga}. */
        String zone();

        /** Weekly hours: {@code MON-FRI 09:00-12:00 13:00-17:00; SAT 10:00-14:00}. */
        String hours();

        /** Holidays as ISO dates. */
        Optional<List<String>> holidays();
    }

    interface Firing {

        /** Longest sleep of the firing loop: bounds the cost of a missed wake-up. */
        @WithDefault("PT1S")
        Duration maxWait();

        /** Clocks claimed per transaction (a round is a handful of set-based statements whatever its size). */
        @WithDefault("500")
        int batchSize();

        /** Wait before looking again at due clocks another instance (or a consumer) holds locked. */
        @WithDefault("PT0.05S")
        Duration lockedRetry();

        /** How often the running-clocks gauge is recounted from the database. */
        @WithDefault("PT5S")
        Duration gaugeRefresh();
    }
}

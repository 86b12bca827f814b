package io.supportsuite.tickets.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** ticket-service's rules and limits; every number here is a default, changed by configuration. */
@ConfigMapping(prefix = "tickets")
public interface TicketsConfig {

    /** C3: a customer message to a solved ticket reopens it within this window; later it opens a linked follow-up. */
    @WithDefault("P7D")
    Duration reopenWindow();

    /** The domain of the Message-IDs this service and notification-service put on outgoing mail. */
    @WithDefault("support-suite.local")
    String messageIdDomain();

    /** Priority of a new ticket. */
    @WithDefault("normal")
    String defaultPriority();

    /** Customer defaults carried in events while the customer's own are unknown. */
    Customer customer();

    Reply reply();

    Listing listing();

    AutoClose autoClose();

    Sla sla();

    Security security();

    Callbacks callbacks();

    Routing routing();

    interface Customer {
        @WithDefault("en")
        String locale();

        @WithDefault("UTC")
        String timeZone();

        @WithDefault("standard")
        String segment();
    }

    interface Reply {
        /** Largest agent reply body, in UTF-8 bytes (64 KiB). */
        @WithDefault("65536")
        int maxBodyBytes();
    }

    interface Listing {
        @WithDefault("50")
        int defaultLimit();

        @WithDefault("200")
        int maxLimit();
    }

    interface AutoClose {
        /**
         * A solved ticket closes by itself this long after it was solved (unless reopened before), but never before
         * {@link #reopenWindow()} has passed (C3: a reply within it reopens the ticket; a closed ticket is final).
         */
        @WithDefault("P4D")
        Duration after();

        /** How often the job looks for solved tickets due to close; read by the job's schedule. */
        @WithDefault("PT1M")
        Duration checkEvery();

        /** Tickets closed per transaction. */
        @WithDefault("200")
        int batchSize();
    }

    interface Sla {
        /** R4: a ticket is at risk once one of its running clocks warned at this stage (percent of the budget) or later. */
        @WithDefault("80")
        int atRiskPercent();
    }

    interface Security {
        /** The admin created on a fresh database, so someone can log in and create the others. */
        Admin admin();
    }

    interface Admin {
        @WithDefault("admin")
        String username();

        @WithDefault("Administrator")
        String name();

        /** A local default: set TICKETS_SECURITY_ADMIN_PASSWORD in any real deployment. */
        @WithDefault("support-admin")
        String password();
    }

    interface Callbacks {
        /** R3: a callback is due this long after the missed pickup or the request, unless the customer picked a slot. */
        @WithDefault("PT30M")
        Duration due();
    }

    /** Priority rules and auto-assignment (R6, R7); see {@code routing/RoutingRules} and {@code routing/Router}. */
    interface Routing {
        /** Live tickets an agent holds at most before auto-assignment passes them by. */
        @WithDefault("10")
        int maxTicketsPerAgent();

        /** How often the team queues are offered to agents with room (a ticket solved, a restart); read by the job's schedule. */
        @WithDefault("PT5S")
        Duration checkEvery();

        /** The team of tickets no rule sends elsewhere; without one they wait for a person to triage them. */
        Optional<String> defaultTeam();

        /** R6: the customer segment honoured as VIP, and its tickets' priority. */
        @WithDefault("vip")
        String vipSegment();

        @WithDefault("high")
        String vipPriority();

        /** R7: a review rated at most this (or flagged negative) is answered first, with this priority. */
        @WithDefault("2")
        int negativeRatingMax();

        @WithDefault("high")
        String negativeReviewPriority();

        /** Rules by channel and keyword, by name: {@code tickets.routing.rules.refunds.keyword=refund}. */
        Map<String, Rule> rules();
    }

    /** A ticket matching every criterion given (channel, a keyword in its subject or first message) gets the priority and team given. */
    interface Rule {
        Optional<String> channel();

        Optional<String> keyword();

        Optional<String> priority();

        /** A team's name. */
        Optional<String> team();
    }
}

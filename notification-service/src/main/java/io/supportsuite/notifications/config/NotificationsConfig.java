package io.supportsuite.notifications.config;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "notifications")
public interface NotificationsConfig {

    Ack ack();

    Alerts alerts();

    Schedule schedule();

    Delay delay();

    Reminder reminder();

    FollowUp followUp();

    Links links();

    Agents agents();

    /** Notices to agents: the callback owner (R3) and the assignee at the warning stage. */
    interface Agents {

        /** The callback's owner is reminded this long before the callback is due (R3). */
        @WithDefault("PT15M")
        Duration callbackLead();

        /** The warning stage (R4) at which the ticket's assignee is told. */
        @WithDefault("80")
        int warningPercent();
    }

    /** The durable dispatcher of scheduled customer messages and quiet hours. */
    interface Schedule {

        /** How often the dispatcher looks for due rows. */
        @WithDefault("PT1S")
        Duration pollInterval();

        /** Rows claimed per dispatcher round. */
        @WithDefault("500")
        int batchSize();

        /**
         * Rounds run side by side in one instance, each in its own transaction ({@code SKIP LOCKED} keeps their
         * rows apart): while one waits for the database, another renders.
         */
        @WithDefault("4")
        int claimers();

        /** Non-urgent customer messages wait from here ... */
        @WithDefault("21:00")
        LocalTime quietFrom();

        /** ... until here, in the customer's time zone (when known). */
        @WithDefault("08:00")
        LocalTime quietUntil();
    }

    /** N2: the delay notice at the first-response clock's warning. */
    interface Delay {

        /** The warning stage (R4) that triggers the notice. */
        @WithDefault("80")
        int stagePercent();

        /** The new promise: the old deadline (or now, if later) plus this, so it is one the team can keep. */
        @WithDefault("PT2H")
        Duration slack();
    }

    /** N3: one reminder for a ticket waiting on the customer, then auto-solve. */
    interface Reminder {

        @WithDefault("PT48H")
        Duration after();

        /** After the reminder went out, the ticket is due to be solved automatically. */
        @WithDefault("P7D")
        Duration autoSolveAfter();
    }

    /** N4/N5: the follow-up after solve with a CSAT survey, its one reminder, and NPS. */
    interface FollowUp {

        @WithDefault("PT2H")
        Duration after();

        /** The follow-up never goes out later than this after the solve (N4), quiet hours included. */
        @WithDefault("PT24H")
        Duration within();

        /** One reminder when the survey is still unanswered (N3). */
        @WithDefault("PT48H")
        Duration surveyReminderAfter();

        /** How long a survey link can be answered. */
        @WithDefault("P14D")
        Duration surveyWindow();

        /** At most one NPS invitation per customer in this period (N5). */
        @WithDefault("P90D")
        Period npsInterval();
    }

    /** Signed links in customer messages: surveys and unsubscribe (N5, N6). */
    interface Links {

        /** Where this service is reachable for customers' browsers. */
        @WithDefault("http://localhost:8083")
        String baseUrl();

        /** HMAC key of the links; set LINK_SECRET in every real deployment. */
        String secret();

        /** How long an unsubscribe or re-subscribe link works. */
        @WithDefault("P30D")
        Duration consentTtl();
    }

    /** The acknowledgement with an honest ETA (N1). */
    interface Ack {

        /** Template locale when the customer's has no template yet (N9 fallback). */
        @WithDefault("en")
        String defaultLocale();

        /** Time zone the deadline is written in when the customer has none (or an unknown one). */
        @WithDefault("UTC")
        String defaultTimeZone();

        /** How the promised deadline reads in the text; it is rounded up to the minute, never shown earlier. */
        @WithDefault("yyyy-MM-dd HH:mm VV")
        String deadlineFormat();

        /** The recent window whose first answers give the team's answer rate (N1 forecast). */
        @WithDefault("PT1H")
        Duration forecastWindow();

        /** Fewer first answers than this in the window: no forecast, the deadline is the promise. */
        @WithDefault("3")
        long forecastMinAnswers();

        /** Channels of live contacts (chat, calls): their acknowledgement waits {@link #livePickup()} first. */
        @WithDefault("chat,voice")
        List<String> liveChannels();

        /**
         * The pickup time of a live contact (R2: three rings of 6 s): a live ticket an agent answered within it after
         * its creation gets no acknowledgement (N1); one still unanswered gets it then.
         */
        @WithDefault("PT18S")
        Duration livePickup();

        /** Domain of the Message-IDs this service mints for its own mails ({@code ack-<ticket>@<domain>}). */
        @WithDefault("support-suite.local")
        String messageIdDomain();
    }

    /** Ops alerts on breach (N8). */
    interface Alerts {

        /** Where alerts are POSTed; absent: they are recorded and logged only (state {@code no_sink}). */
        Optional<URI> webhookUrl();

        /** The body the ops webhook gets: {@code generic} JSON, or {@code slack} (incoming-webhook {@code {"text"}}). */
        @WithDefault("generic")
        String webhookFormat();

        /** Where escalations go (N8); absent: they are recorded and logged only. */
        Optional<URI> managerWebhookUrl();

        @WithDefault("generic")
        String managerWebhookFormat();

        /** Where notices to agents go (a team mailbox as {@code mailto:}, or a chat webhook); absent: the ops sink. */
        Optional<URI> agentWebhookUrl();

        @WithDefault("generic")
        String agentWebhookFormat();

        /** This many alerts due for one sink in one round go out as one digest POST (throttling, N8). */
        @WithDefault("5")
        int digestFrom();

        /** The customer segment whose tickets alert ops when at risk, not only on breach (R6). */
        @WithDefault("vip")
        String vipSegment();

        /** The warning stage (% of the budget used, R4) at which a VIP ticket's clock alerts ops. */
        @WithDefault("80")
        int atRiskPercent();

        /** A breach nobody acknowledged for this long escalates to the manager sink. */
        @WithDefault("PT30M")
        Duration escalateAfter();

        /** How often the delivery worker looks for due alerts. */
        @WithDefault("PT1S")
        Duration pollInterval();

        /** Alerts claimed (and posted concurrently) per worker round. */
        @WithDefault("20")
        int batchSize();

        /** Delivery attempts before an alert is given up as {@code failed}. */
        @WithDefault("6")
        int maxAttempts();

        /** Wait after the first failed attempt; doubles with each further failure. */
        @WithDefault("PT2S")
        Duration firstBackoff();

        /** Longest wait between two attempts. */
        @WithDefault("PT5M")
        Duration maxBackoff();

        /** Longest a single POST may take (connect, send, answer) before it counts as failed. */
        @WithDefault("PT5S")
        Duration requestTimeout();
    }
}

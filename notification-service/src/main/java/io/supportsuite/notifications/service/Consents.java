package io.supportsuite.notifications.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.supportsuite.notifications.config.NotificationsConfig;
import io.supportsuite.notifications.ticket.TicketContact;
import io.supportsuite.runtime.problem.ProblemException;

/**
 * N6 consent: who opted out of which channel. Every non-transactional message carries a signed, expiring
 * unsubscribe link; following it opts out at once, and the confirmation offers a re-subscribe link. Each
 * link works once: the audit row it writes carries its id (unique), so a reused, forged or expired link
 * changes nothing.
 */
@ApplicationScoped
public class Consents {

    public static final String UNSUBSCRIBED = "unsubscribed";
    public static final String SUBSCRIBED = "subscribed";

    private static final String AUDIT = "INSERT INTO consent_audit (customer_id, channel, action, link_id, source, at) "
            + "VALUES (:customer, :channel, :action, :link, :source, :at) ON CONFLICT (link_id) DO NOTHING";
    private static final String UPSERT = "INSERT INTO consent (customer_id, channel, subscribed, updated_at) "
            + "VALUES (:customer, :channel, :subscribed, :at) ON CONFLICT (customer_id, channel) "
            + "DO UPDATE SET subscribed = EXCLUDED.subscribed, updated_at = EXCLUDED.updated_at";

    /** The outcome of a followed link: whose consent changed, and the link that undoes it. */
    public record Change(String customerId, String channel, String locale, String action, String undoUrl) {
    }

    /** One audited consent change. */
    public record AuditEntry(String customerId, String channel, String action, String source, Instant at) {
    }

    private final SignedLinks links;
    private final String baseUrl;
    private final NotificationsConfig.Links config;
    private final Clock clock;

    public Consents(NotificationsConfig config, Clock clock) {
        this.config = config.links();
        this.links = new SignedLinks(this.config.secret());
        this.baseUrl = stripSlash(this.config.baseUrl());
        this.clock = clock;
    }

    /** Whom consent is recorded for: the customer, or (anonymous) the e-mail address itself. */
    public static String subjectOf(TicketContact ticket) {
        return ticket.customerId != null ? ticket.customerId : "email:" + ticket.email;
    }

    public String unsubscribeUrl(String customerId, String channel, String locale) {
        return link(SignedLinks.UNSUBSCRIBE, customerId, channel, locale);
    }

    public String subscribeUrl(String customerId, String channel, String locale) {
        return link(SignedLinks.SUBSCRIBE, customerId, channel, locale);
    }

    /**
     * True when the customer, or any customer merged with them (C2), opted out of the channel (no row: never asked to
     * stop). A re-subscribe lifts only the opt-out of the customer whose link it was: a merge may be undone as a mistake.
     */
    public Uni<Boolean> optedOut(String customerId, String channel) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery(CustomerGroups.GROUP + "SELECT count(*) FROM consent WHERE customer_id IN (SELECT id FROM grp) "
                        + "AND channel = :channel AND NOT subscribed", Long.class)
                .setParameter("customer", customerId)
                .setParameter("channel", channel)
                .getSingleResult())
                .map(n -> n > 0);
    }

    /** Checks a link without using it (the confirmation page); an invalid one is a problem. */
    public SignedLinks.Claims check(String token, String purpose) {
        try {
            return links.verify(token, purpose, clock.instant());
        } catch (SignedLinks.InvalidLink e) {
            throw LinkProblems.of(e);
        }
    }

    /** Follows an unsubscribe or subscribe link once, in the caller's transaction. */
    public Uni<Change> follow(String token, String purpose) {
        return Uni.createFrom().item(() -> check(token, purpose)).chain(claims -> apply(claims, purpose));
    }

    private Uni<Change> apply(SignedLinks.Claims claims, String purpose) {
        boolean subscribe = SignedLinks.SUBSCRIBE.equals(purpose);
        String action = subscribe ? SUBSCRIBED : UNSUBSCRIBED;
        Instant now = clock.instant();
        return Panache.getSession().chain(session -> session.createNativeQuery(AUDIT)
                .setParameter("customer", claims.customerId())
                .setParameter("channel", claims.channel())
                .setParameter("action", action)
                .setParameter("link", claims.id())
                .setParameter("source", "link")
                .setParameter("at", now)
                .executeUpdate()
                .chain(written -> {
                    if (written == 0) {
                        throw new ProblemException(409, "link-used", "Link already used",
                                "This link was already used; nothing was changed.");
                    }
                    return session.createNativeQuery(UPSERT)
                            .setParameter("customer", claims.customerId())
                            .setParameter("channel", claims.channel())
                            .setParameter("subscribed", subscribe)
                            .setParameter("at", now)
                            .executeUpdate();
                }))
                .invoke(() -> Log.infof("Customer %s %s on %s (N6)", claims.customerId(), action, claims.channel()))
                .map(done -> new Change(claims.customerId(), claims.channel(), claims.locale(), action,
                        subscribe ? unsubscribeUrl(claims.customerId(), claims.channel(), claims.locale())
                                : subscribeUrl(claims.customerId(), claims.channel(), claims.locale())));
    }

    /** The consent changes of the customer and of every customer merged with them (C2), oldest first. */
    public Uni<List<AuditEntry>> history(String customerId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery(CustomerGroups.GROUP + "SELECT customer_id, channel, action, source, at FROM consent_audit "
                        + "WHERE customer_id IN (SELECT id FROM grp) ORDER BY at, id", Object[].class)
                .setParameter("customer", customerId)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new AuditEntry((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                        toInstant(r[4]))).toList());
    }

    private String link(String purpose, String customerId, String channel, String locale) {
        Instant expires = clock.instant().plus(config.consentTtl());
        return baseUrl + "/" + purpose + "/" + links.sign(new SignedLinks.Claims(purpose, UUID.randomUUID().toString(),
                customerId, channel, locale, expires));
    }

    static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.toInstant(java.time.ZoneOffset.UTC);
        }
        return value == null ? null : ((java.util.Date) value).toInstant();
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

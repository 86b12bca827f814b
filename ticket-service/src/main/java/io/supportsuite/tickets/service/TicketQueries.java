package io.supportsuite.tickets.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.supportsuite.tickets.agent.CurrentAgent;
import io.supportsuite.tickets.api.CsatView;
import io.supportsuite.tickets.api.CustomerSummary;
import io.supportsuite.tickets.api.SlaView;
import io.supportsuite.tickets.api.TicketDetail;
import io.supportsuite.tickets.api.TicketPage;
import io.supportsuite.tickets.api.TicketSummary;
import io.supportsuite.tickets.api.TranscriptEntry;
import io.supportsuite.tickets.config.TicketsConfig;
import io.supportsuite.tickets.customer.Customer;
import io.supportsuite.tickets.customer.CustomerIdentity;
import io.supportsuite.tickets.ticket.Ticket;
import io.supportsuite.tickets.ticket.TicketMessage;
import io.supportsuite.tickets.ticket.TicketStatus;
import io.supportsuite.tickets.timeline.TimelineReader;
import io.supportsuite.tickets.visibility.Visibility;

/** What the agent console reads: the queue (newest first, keyset-paged by ticket number) and one ticket with its transcript and timeline. */
@ApplicationScoped
public class TicketQueries {

    private final TicketsConfig config;
    private final TimelineReader timeline;
    private final CurrentAgent current;
    private final Visibility visibility;

    public TicketQueries(TicketsConfig config, TimelineReader timeline, CurrentAgent current, Visibility visibility) {
        this.config = config;
        this.timeline = timeline;
        this.current = current;
        this.visibility = visibility;
    }

    public Uni<TicketPage> list(String status, String limit, String before) {
        Optional<TicketStatus> wanted = status == null || status.isBlank() ? Optional.empty() : TicketStatus.parse(status);
        Integer size = integer(limit);
        Long cursor = longOrNull(before);
        int max = config.listing().maxLimit();
        Problems.validate()
                .check(status == null || status.isBlank() || wanted.isPresent(), "status",
                        "unknown status '" + status + "'; one of " + TicketStatus.names())
                .check(limit == null || (size != null && size >= 1 && size <= max), "limit", "must be a number from 1 to " + max)
                .check(before == null || cursor != null, "before", "must be a ticket number")
                .orFail();
        int pageSize = size == null ? config.listing().defaultLimit() : size;
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        wanted.ifPresent(s -> {
            where.append(" and status = :status");
            params.and("status", s.wire());
        });
        if (cursor != null) {
            where.append(" and number < :before");
            params.and("before", cursor);
        }
        // One row more than the page (range is inclusive) tells whether there is a next page.
        return Panache.withSession(() -> current.agent().chain(me -> Visibility.seesAll(me) ? Uni.createFrom().voidItem()
                : Visibility.teamsOf(me).invoke(teams -> {
                    where.append(" and (assigneeId = :me or teamId in :teams)");
                    params.and("me", me.id).and("teams", teams);
                }).replaceWithVoid())
                .chain(() -> Ticket.<Ticket>find(where + " order by number desc", params).range(0, pageSize).list())
                .chain(page -> {
                    List<Ticket> items = page.size() > pageSize ? page.subList(0, pageSize) : page;
                    Long next = page.size() > pageSize ? items.get(items.size() - 1).number : null;
                    return summaries(items).map(list -> new TicketPage(list, next));
                }));
    }

    /** The ticket with its transcript and timeline; 404 when there is no such ticket or the agent may not see it. */
    public Uni<TicketDetail> detail(UUID id) {
        return Panache.withSession(() -> current.agent().chain(me -> Ticket.<Ticket>findById(id)
                .chain(found -> visibility.require(me, found, id)))
                .chain(ticket -> summary(ticket).chain(s -> TicketMessage.<TicketMessage>list("ticketId = ?1 order by seq", ticket.id)
                        .chain(messages -> timeline.of(ticket.id, messages)
                                .map(lines -> new TicketDetail(s.id(), s.number(), s.subject(), s.status(), s.priority(), s.channel(),
                                        s.customer(), ticket.followUpOf == null ? null : ticket.followUpOf.toString(), s.createdAt(),
                                        s.updatedAt(), s.firstRespondedAt(), ticket.solvedAt, ticket.closedAt, s.sla(), s.assigneeId(),
                                        s.teamId(), s.tags(), s.escalatedTo(), s.mergedInto(), CsatView.of(ticket),
                                        CsatView.npsOf(ticket),
                                        messages.stream().map(TicketQueries::entry).toList(), lines))))));
    }

    /** One ticket as the queue shows it; inside the caller's session. */
    public Uni<TicketSummary> summary(Ticket ticket) {
        return summaries(List.of(ticket)).map(list -> list.get(0));
    }

    public static TranscriptEntry entry(TicketMessage m) {
        return new TranscriptEntry(m.id.toString(), m.direction, m.authorType, m.authorId, m.authorName, m.channel, m.text, m.html,
                m.messageId, m.inReplyTo, m.createdAt);
    }

    public Uni<List<TicketSummary>> summaries(List<Ticket> tickets) {
        if (tickets.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return customers(tickets.stream().map(t -> t.customerId).distinct().toList())
                .chain(customers -> Tags.of(tickets.stream().map(t -> t.id).toList())
                        .map(tags -> tickets.stream().map(t -> summary(t, customers, tags.getOrDefault(t.id, List.of()))).toList()));
    }

    private static TicketSummary summary(Ticket t, Map<UUID, CustomerSummary> customers, List<String> tags) {
        return new TicketSummary(t.id.toString(), t.number, t.subject, t.status, t.priority, t.channel, customers.get(t.customerId),
                t.createdAt, t.updatedAt, t.firstRespondedAt, sla(t), text(t.assigneeId), text(t.teamId), tags, text(t.escalatedTo),
                text(t.mergedInto));
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    private static SlaView sla(Ticket t) {
        return new SlaView(t.slaDeadline, t.slaAtRisk, t.slaBreached);
    }

    /** Customers by id with their e-mail address; two queries, one after the other on the session. */
    private static Uni<Map<UUID, CustomerSummary>> customers(List<UUID> ids) {
        return Customer.<Customer>list("id in ?1", ids).chain(customers -> CustomerIdentity
                .<CustomerIdentity>list("customerId in ?1 and kind = ?2 order by createdAt", ids, CustomerIdentity.EMAIL)
                .map(identities -> {
                    Map<UUID, String> email = identities.stream()
                            .collect(Collectors.toMap(i -> i.customerId, i -> i.value, (first, later) -> first));
                    return customers.stream().collect(Collectors.toMap(c -> c.id,
                            c -> new CustomerSummary(c.id.toString(), c.name, email.get(c.id)), (a, b) -> a));
                }));
    }

    private static Integer integer(String s) {
        try {
            return s == null ? null : Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long longOrNull(String s) {
        try {
            return s == null ? null : Long.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

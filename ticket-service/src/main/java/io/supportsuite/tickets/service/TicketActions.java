package io.supportsuite.tickets.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.supportsuite.runtime.problem.ProblemException;
import io.supportsuite.tickets.agent.Agent;
import io.supportsuite.tickets.agent.CurrentAgent;
import io.supportsuite.tickets.agent.Team;
import io.supportsuite.tickets.api.AssignRequest;
import io.supportsuite.tickets.api.EscalateRequest;
import io.supportsuite.tickets.api.TicketSummary;
import io.supportsuite.tickets.ticket.Ticket;
import io.supportsuite.tickets.ticket.TicketStatus;
import io.supportsuite.tickets.timeline.Timeline.Actor;
import io.supportsuite.tickets.visibility.Visibility;

/**
 * What an agent does on a ticket besides replying and moving its status: internal notes, assignment, priority,
 * tags, escalation to a supervisor (C6). Each runs in one transaction on the locked ticket, with its event and
 * timeline line; a refused request changes nothing.
 */
@ApplicationScoped
public class TicketActions {

    public static final Set<String> PRIORITIES = Set.of("low", "normal", "high", "urgent");
    private static final int MAX_TAG = 50;
    private static final int MAX_TAGS = 20;

    private final TicketEvents events;
    private final TicketQueries queries;
    private final CurrentAgent current;
    private final Visibility visibility;
    private final Clock clock;

    public TicketActions(TicketEvents events, TicketQueries queries, CurrentAgent current, Visibility visibility, Clock clock) {
        this.events = events;
        this.queries = queries;
        this.current = current;
        this.visibility = visibility;
        this.clock = clock;
    }

    public Uni<UUID> note(UUID ticketId, String text) {
        Problems.validate().check(!Problems.blank(text), "text", "must not be blank").orFail();
        UUID noteId = UUID.randomUUID();
        return Panache.withTransaction(() -> current.agent().chain(agent -> Ticket.<Ticket>findById(ticketId, LockModeType.PESSIMISTIC_WRITE)
                .chain(found -> visibility.require(agent, found, ticketId))
                .chain(ticket -> events.noteAdded(ticket, noteId, CurrentAgent.actor(agent), text.strip(), now()))))
                .replaceWith(noteId);
    }

    public Uni<TicketSummary> assign(UUID ticketId, AssignRequest request) {
        UUID assignee = Problems.optionalId(request == null ? null : request.assigneeId(), "assigneeId");
        UUID team = Problems.optionalId(request == null ? null : request.teamId(), "teamId");
        return change(ticketId, (ticket, by) -> agent(assignee).chain(agent -> team(team).chain(t -> {
            if (Objects.equals(ticket.assigneeId, assignee) && Objects.equals(ticket.teamId, team)) {
                return Uni.createFrom().voidItem();
            }
            ticket.assigneeId = assignee;
            ticket.teamId = team;
            ticket.updatedAt = now();
            return events.assigned(ticket, t == null ? null : t.name, agent == null ? null : agent.name, by, ticket.updatedAt);
        })));
    }

    public Uni<TicketSummary> priority(UUID ticketId, String priority) {
        String wanted = priority == null ? null : priority.trim().toLowerCase(Locale.ROOT);
        Problems.validate().check(wanted != null && PRIORITIES.contains(wanted), "priority", "one of low, normal, high, urgent").orFail();
        return change(ticketId, (ticket, by) -> {
            if (wanted.equals(ticket.priority)) {
                return Uni.createFrom().voidItem();
            }
            String from = ticket.priority;
            ticket.priority = wanted;
            ticket.updatedAt = now();
            return events.priorityChanged(ticket, from, by, ticket.updatedAt);
        });
    }

    public Uni<TicketSummary> tags(UUID ticketId, List<String> requested) {
        List<String> tags = normaliseTags(requested);
        return change(ticketId, (ticket, by) -> Tags.of(ticket.id).chain(before -> {
            List<String> added = tags.stream().filter(t -> !before.contains(t)).toList();
            List<String> removed = before.stream().filter(t -> !tags.contains(t)).toList();
            if (added.isEmpty() && removed.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            ticket.updatedAt = now();
            return Tags.replace(ticket.id, added, removed).chain(() -> events.tagsChanged(ticket, tags, added, removed, by, ticket.updatedAt));
        }));
    }

    public Uni<TicketSummary> escalate(UUID ticketId, EscalateRequest request) {
        UUID to = Problems.optionalId(request == null ? null : request.to(), "to");
        Problems.validate().check(to != null, "to", "must name a supervisor").orFail();
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        return change(ticketId, (ticket, by) -> Agent.<Agent>findById(to).chain(supervisor -> {
            if (supervisor == null || Agent.AGENT.equals(supervisor.role)) {
                throw ProblemException.invalidField("to", "must name a supervisor or admin");
            }
            ticket.escalatedTo = supervisor.id;
            ticket.escalatedAt = now();
            ticket.updatedAt = ticket.escalatedAt;
            return events.escalated(ticket, by, CurrentAgent.actor(supervisor), reason, ticket.escalatedAt);
        }));
    }

    /** Runs {@code work} on the locked ticket, refused on a closed one; answers the ticket as the queue shows it. */
    private Uni<TicketSummary> change(UUID ticketId, BiFunction<Ticket, Actor, Uni<Void>> work) {
        return Panache.withTransaction(() -> current.agent().chain(agent -> Ticket.<Ticket>findById(ticketId, LockModeType.PESSIMISTIC_WRITE)
                .chain(found -> visibility.require(agent, found, ticketId))
                .chain(ticket -> {
                    if (ticket.status() == TicketStatus.CLOSED) {
                        throw ProblemException.conflict("ticket-closed", "Ticket " + ticket.number + " is closed");
                    }
                    return work.apply(ticket, CurrentAgent.actor(agent)).chain(() -> queries.summary(ticket));
                })));
    }

    private static Uni<Agent> agent(UUID id) {
        return id == null ? Uni.createFrom().nullItem()
                : Agent.<Agent>findById(id).onItem().ifNull().failWith(() -> ProblemException.invalidField("assigneeId", "no such agent"));
    }

    private static Uni<Team> team(UUID id) {
        return id == null ? Uni.createFrom().nullItem()
                : Team.<Team>findById(id).onItem().ifNull().failWith(() -> ProblemException.invalidField("teamId", "no such team"));
    }

    /** Lower-case, trimmed, unique, sorted; each at most 50 characters of letters, digits, '-', '_' or ':'. */
    static List<String> normaliseTags(List<String> requested) {
        Problems.validate().check(requested != null, "tags", "must be a list").orFail();
        Set<String> tags = new TreeSet<>();
        List<String> bad = new ArrayList<>();
        for (String tag : requested) {
            String t = tag == null ? "" : tag.trim().toLowerCase(Locale.ROOT);
            if (t.isEmpty() || t.length() > MAX_TAG || !t.matches("[\\p{L}\\p{N}_:-]+")) {
                bad.add(String.valueOf(tag));
            } else {
                tags.add(t);
            }
        }
        Problems.validate()
                .check(bad.isEmpty(), "tags", "not a tag: " + bad)
                .check(tags.size() <= MAX_TAGS, "tags", "at most " + MAX_TAGS)
                .orFail();
        return List.copyOf(tags);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

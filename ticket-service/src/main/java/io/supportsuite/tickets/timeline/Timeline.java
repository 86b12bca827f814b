package io.supportsuite.tickets.timeline;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/** Writes lines of a ticket's timeline (C7), in the caller's transaction, next to the change they record. */
@ApplicationScoped
public class Timeline {

    /** Who did something: null fields for the system. */
    public record Actor(String id, String name) {
        public static final Actor SYSTEM = new Actor(null, null);

        public static Actor of(String id) {
            return id == null ? SYSTEM : new Actor(id, null);
        }
    }

    private final ObjectMapper mapper;

    public Timeline(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Details from name/value pairs, leaving out null values. */
    public static Map<String, Object> details(Object... namesAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                details.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return details;
    }

    public Uni<Void> record(UUID ticketId, String kind, Actor actor, String text, Map<String, ?> details, Instant at) {
        return record(UUID.randomUUID(), ticketId, kind, actor, text, details, at);
    }

    /** A line with a given id (a note's id is the one its event names). */
    public Uni<Void> record(UUID id, UUID ticketId, String kind, Actor actor, String text, Map<String, ?> details, Instant at) {
        TicketActivity line = new TicketActivity();
        line.id = id;
        line.ticketId = ticketId;
        line.kind = kind;
        line.actorId = actor.id();
        line.actorName = actor.name();
        line.text = text;
        try {
            line.details = details == null || details.isEmpty() ? null : mapper.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("Timeline details not serialisable: " + details, e));
        }
        line.createdAt = at;
        return line.persist().replaceWithVoid();
    }
}

package io.supportsuite.tickets.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.supportsuite.tickets.api.TimelineEntry;
import io.supportsuite.tickets.ticket.TicketMessage;

/**
 * Reads a ticket's timeline (C7): its messages (from the transcript) and its other lines, in the order they
 * happened; at the same instant a message comes before what it caused (a reply before the status change).
 */
@ApplicationScoped
public class TimelineReader {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    public TimelineReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Inside the caller's session; {@code messages} are the ticket's transcript, oldest first. */
    public Uni<List<TimelineEntry>> of(UUID ticketId, List<TicketMessage> messages) {
        return TicketActivity.<TicketActivity>list("ticketId = ?1 order by seq", ticketId).map(lines -> {
            List<TimelineEntry> timeline = new ArrayList<>(messages.size() + lines.size());
            messages.forEach(m -> timeline.add(entry(m)));
            lines.forEach(a -> timeline.add(entry(a)));
            timeline.sort(Comparator.comparing(TimelineEntry::at)); // stable: messages first at the same instant
            return timeline;
        });
    }

    static TimelineEntry entry(TicketMessage m) {
        boolean inbound = TicketMessage.INBOUND.equals(m.direction);
        return new TimelineEntry(m.id.toString(), inbound ? ActivityKind.MESSAGE : ActivityKind.REPLY, m.createdAt, m.authorId,
                m.authorName, m.text, Timeline.details("authorType", m.authorType, "channel", m.channel, "messageId", m.messageId));
    }

    private TimelineEntry entry(TicketActivity a) {
        return new TimelineEntry(a.id.toString(), a.kind, a.createdAt, a.actorId, a.actorName, a.text, details(a.details));
    }

    private Map<String, Object> details(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return mapper.readValue(json, DETAILS);
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable timeline details: " + json, e);
        }
    }
}

package io.supportsuite.tickets.ticket;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One entry of a ticket's transcript (C7): a customer message in, or an agent reply out. */
@Entity
@Table(name = "ticket_message")
public class TicketMessage extends PanacheEntityBase {

    public static final String INBOUND = "inbound";
    public static final String OUTBOUND = "outbound";
    public static final String CUSTOMER = "customer";
    public static final String AGENT = "agent";

    @Id
    public UUID id;

    /** Storage order, filled by the database. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "ticket_id")
    public UUID ticketId;

    public String direction;

    @Column(name = "author_type")
    public String authorType;

    @Column(name = "author_id")
    public String authorId;

    @Column(name = "author_name")
    public String authorName;

    public String channel;

    @Column(name = "provider_message_id")
    public String providerMessageId;

    /** The e-mail Message-ID without angle brackets: the customer's, or the one we put on an agent reply. */
    @Column(name = "message_id")
    public String messageId;

    @Column(name = "in_reply_to")
    public String inReplyTo;

    /** The References chain, space-separated. */
    @Column(name = "reference_ids")
    public String referenceIds;

    @Column(name = "conversation_id")
    public String conversationId;

    public String text;

    public String html;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    public List<String> references() {
        return referenceIds == null || referenceIds.isBlank() ? List.of() : Arrays.asList(referenceIds.trim().split("\\s+"));
    }

    public void references(List<String> ids) {
        referenceIds = ids == null || ids.isEmpty() ? null : String.join(" ", ids);
    }
}

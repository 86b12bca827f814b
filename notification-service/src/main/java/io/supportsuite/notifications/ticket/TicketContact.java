package io.supportsuite.notifications.ticket;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * This service's projection of a ticket (from {@code support.tickets.v1}): how to reach its customer, in
 * which language and time zone, and the customer's Message-ID our mails thread under (C3).
 */
@Entity
@Table(name = "ticket_contact")
public class TicketContact extends PanacheEntityBase {

    @Id
    @Column(name = "ticket_id")
    public String ticketId;

    @Column(name = "ticket_number")
    public long number;

    public String subject;

    public String channel;

    public String status;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "customer_name")
    public String customerName;

    public String locale;

    @Column(name = "time_zone")
    public String timeZone;

    /** The customer's lower-cased e-mail address; null when the customer has no e-mail identity. */
    public String email;

    @Column(name = "email_display_name")
    public String emailDisplayName;

    /** The Message-ID of the customer's first message, without angle brackets. */
    @Column(name = "first_message_id")
    public String firstMessageId;

    /** Who signs this ticket's messages (N7): the team, and the agent assigned or who last replied. */
    public String team;

    @Column(name = "agent_id")
    public String agentId;

    @Column(name = "agent_name")
    public String agentName;

    /** False when the customer had no time zone and {@code timeZone} is only the default: no quiet hours then. */
    @Column(name = "time_zone_known")
    public boolean timeZoneKnown = true;

    /** When the first public answer went out (N1 forecast: the team's backlog and answer rate). */
    @Column(name = "first_replied_at")
    public Instant firstRepliedAt;

    /** Every contact point of the customer ({@link ContactPoints}): the fallback when a channel fails for good. */
    @Column(name = "contact_points")
    public String contactPoints;

    /** The customer's segment ({@code vip} or {@code standard}, R6): ops hear of a VIP ticket at risk (N8). */
    public String segment;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}

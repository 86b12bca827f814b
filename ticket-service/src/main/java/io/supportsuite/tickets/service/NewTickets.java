package io.supportsuite.tickets.service;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.supportsuite.events.inbound.MessageReceived;
import io.supportsuite.runtime.outbox.Outbox;
import io.supportsuite.tickets.customer.CustomerDirectory;
import io.supportsuite.tickets.customer.CustomerDirectory.Contact;
import io.supportsuite.tickets.customer.CustomerDirectory.Key;
import io.supportsuite.tickets.customer.CustomerDirectory.Sender;
import io.supportsuite.tickets.ticket.Ticket;
import io.supportsuite.tickets.ticket.TicketMessage;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The batch path for customer messages that answer nothing earlier (no references, no conversation): each
 * becomes a new ticket, exactly as {@link InboundMessages} would make it, but a whole poll of them is written
 * with a handful of set-based statements in the caller's transaction (customers, numbers, tickets, transcript
 * entries, {@code ticket.created} in the outbox). A provider retry already stored is not stored twice (C4).
 */
@ApplicationScoped
public class NewTickets {

    private final CustomerDirectory customers;
    private final InboundMessages messages;
    private final TicketEvents events;
    private final Outbox outbox;
    private final Clock clock;

    public NewTickets(CustomerDirectory customers, InboundMessages messages, TicketEvents events, Outbox outbox, Clock clock) {
        this.customers = customers;
        this.messages = messages;
        this.events = events;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** True when a message can take this path; the others need {@link InboundMessages#receive} (threading, C3). */
    public static boolean canTake(MessageReceived message) {
        return !InboundMessages.mayAnswerEarlier(message);
    }

    /** @return one outcome per message, in order: created, or a duplicate of a stored message */
    public Uni<List<InboundOutcome>> createAll(SqlConnection connection, List<MessageReceived> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // Three independent reads, pipelined on the connection (one round trip, not three), each finished before
        // the transaction ends. The customers and numbers are for the whole batch: a message stored before (a
        // provider retry, rare) wastes a number.
        List<Sender> senders = batch.stream().map(m -> new Sender(m.sender(), m.localeHint())).toList();
        return Uni.combine().all().unis(stored(connection, batch), customers.findOrCreateAll(connection, senders, now),
                numbers(connection, batch.size())).collectFailures().asTuple().chain(found -> {
                    Set<String> stored = found.getItem1();
                    List<MessageReceived> fresh = new ArrayList<>();
                    for (MessageReceived message : batch) {
                        if (message.providerMessageId() == null || stored.add(message.channel() + "\n" + message.providerMessageId())) {
                            fresh.add(message);
                        }
                    }
                    return write(connection, fresh, found.getItem2(), found.getItem3().subList(0, fresh.size()), now)
                            .map(created -> {
                                List<InboundOutcome> outcomes = new ArrayList<>(batch.size());
                                for (MessageReceived message : batch) {
                                    Ticket ticket = created.get(message);
                                    outcomes.add(ticket == null ? InboundOutcome.duplicate(message.channel())
                                            : new InboundOutcome(InboundOutcome.Kind.CREATED, ticket.id, ticket.channel, false));
                                }
                                return outcomes;
                            });
                });
    }

    private Uni<Map<MessageReceived, Ticket>> write(SqlConnection connection, List<MessageReceived> fresh,
            Map<Key, Contact> contacts, List<Long> numbers, Instant now) {
        Map<MessageReceived, Ticket> created = new IdentityHashMap<>();
        if (fresh.isEmpty()) {
            return Uni.createFrom().item(created);
        }
        List<Ticket> tickets = new ArrayList<>(fresh.size());
        List<TicketMessage> firsts = new ArrayList<>(fresh.size());
        List<Outbox.Event> announced = new ArrayList<>(fresh.size());
        for (int i = 0; i < fresh.size(); i++) {
            MessageReceived message = fresh.get(i);
            Contact contact = contacts.get(Key.of(message.sender()));
            Ticket ticket = messages.newTicket(contact, message, null, numbers.get(i), now);
            TicketMessage first = InboundMessages.inboundMessage(ticket.id, contact, message, now);
            tickets.add(ticket);
            firsts.add(first);
            created.put(message, ticket);
            Log.debugf("Ticket #%d %s created for customer %s from %s message %s", ticket.number, ticket.id,
                    contact.customer().id, ticket.channel, first.messageId);
        }
        return teams(connection, fresh, contacts, tickets)
                .invoke(() -> {
                    for (int i = 0; i < fresh.size(); i++) {
                        Contact contact = contacts.get(Key.of(fresh.get(i).sender()));
                        announced.add(events.createdEvent(tickets.get(i), contact.customer(), contact.identity(), firsts.get(i),
                                InboundMessages.threadOf(fresh.get(i), firsts.get(i))));
                    }
                })
                // Pipelined too: the connection runs them in this order, so each message finds its ticket.
                .chain(() -> Uni.combine().all().unis(insertTickets(connection, tickets), insertMessages(connection, firsts),
                        outbox.appendAll(connection, announced)).collectFailures().discardItems())
                .invoke(() -> Log.infof("%d tickets created (#%d to #%d)", tickets.size(), tickets.get(0).number,
                        tickets.get(tickets.size() - 1).number))
                .replaceWith(created);
    }

    /** Sets the team the routing rules name for each ticket; one query, and none when no rule names a team. */
    private Uni<Void> teams(SqlConnection connection, List<MessageReceived> fresh, Map<Key, Contact> contacts, List<Ticket> tickets) {
        String[] names = new String[fresh.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = messages.teamOf(contacts.get(Key.of(fresh.get(i).sender())), fresh.get(i));
        }
        if (Arrays.stream(names).allMatch(Objects::isNull)) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("SELECT name, id FROM team WHERE name = ANY($1)")
                .execute(Tuple.of(Arrays.stream(names).filter(Objects::nonNull).distinct().toArray(String[]::new)))
                .invoke(rows -> {
                    Map<String, UUID> ids = new HashMap<>();
                    rows.forEach(row -> ids.put(row.getString(0), row.getUUID(1)));
                    for (int i = 0; i < names.length; i++) {
                        tickets.get(i).teamId = names[i] == null ? null : ids.get(names[i]);
                    }
                })
                .replaceWithVoid();
    }

    /** "channel\nprovider id" of the batch's messages already in a transcript. */
    private static Uni<Set<String>> stored(SqlConnection connection, List<MessageReceived> batch) {
        List<MessageReceived> identified = batch.stream().filter(m -> m.providerMessageId() != null).toList();
        if (identified.isEmpty()) {
            return Uni.createFrom().item(new HashSet<>());
        }
        return connection.preparedQuery("""
                SELECT m.channel, m.provider_message_id FROM ticket_message m
                JOIN unnest($1::text[], $2::text[]) AS k(channel, provider_message_id)
                  ON m.channel = k.channel AND m.provider_message_id = k.provider_message_id
                WHERE m.direction = 'inbound'""")
                .execute(Tuple.of(identified.stream().map(MessageReceived::channel).toArray(String[]::new),
                        identified.stream().map(MessageReceived::providerMessageId).toArray(String[]::new)))
                .map(rows -> {
                    Set<String> stored = new HashSet<>();
                    rows.forEach(row -> stored.add(row.getString(0) + "\n" + row.getString(1)));
                    return stored;
                });
    }

    private static Uni<List<Long>> numbers(SqlConnection connection, int count) {
        if (count == 0) {
            return Uni.createFrom().item(List.of());
        }
        return connection.preparedQuery("SELECT nextval('ticket_number_seq') FROM generate_series(1, $1)")
                .execute(Tuple.of(count))
                .map(rows -> {
                    List<Long> numbers = new ArrayList<>(count);
                    rows.forEach(row -> numbers.add(row.getLong(0)));
                    return numbers;
                });
    }

    private static Uni<Void> insertTickets(SqlConnection connection, List<Ticket> tickets) {
        if (tickets.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = tickets.size();
        UUID[] ids = new UUID[n], customerIds = new UUID[n], followUpOf = new UUID[n], teams = new UUID[n];
        Long[] numbers = new Long[n];
        String[] subjects = new String[n], statuses = new String[n], priorities = new String[n], channels = new String[n];
        OffsetDateTime[] created = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            Ticket t = tickets.get(i);
            ids[i] = t.id;
            numbers[i] = t.number;
            subjects[i] = t.subject;
            statuses[i] = t.status;
            priorities[i] = t.priority;
            channels[i] = t.channel;
            customerIds[i] = t.customerId;
            followUpOf[i] = t.followUpOf;
            teams[i] = t.teamId;
            created[i] = utc(t.createdAt);
        }
        return connection.preparedQuery("""
                INSERT INTO ticket (id, number, subject, status, priority, channel, customer_id, follow_up_of, created_at, updated_at,
                    team_id)
                SELECT id, number, subject, status, priority, channel, customer_id, follow_up_of, created_at, created_at, team_id
                FROM unnest($1::uuid[], $2::int8[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::uuid[],
                            $9::timestamptz[], $10::uuid[])
                    AS t(id, number, subject, status, priority, channel, customer_id, follow_up_of, created_at, team_id)""")
                .execute(Tuple.from(new Object[] { ids, numbers, subjects, statuses, priorities, channels, customerIds, followUpOf,
                        created, teams }))
                .replaceWithVoid();
    }

    private static Uni<Void> insertMessages(SqlConnection connection, List<TicketMessage> entries) {
        int n = entries.size();
        UUID[] ids = new UUID[n], ticketIds = new UUID[n];
        String[] directions = new String[n], authorTypes = new String[n], authorIds = new String[n], authorNames = new String[n],
                channels = new String[n], providerIds = new String[n], messageIds = new String[n], inReplyTo = new String[n],
                references = new String[n], conversations = new String[n], texts = new String[n], htmls = new String[n];
        OffsetDateTime[] received = new OffsetDateTime[n], created = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            TicketMessage m = entries.get(i);
            ids[i] = m.id;
            ticketIds[i] = m.ticketId;
            directions[i] = m.direction;
            authorTypes[i] = m.authorType;
            authorIds[i] = m.authorId;
            authorNames[i] = m.authorName;
            channels[i] = m.channel;
            providerIds[i] = m.providerMessageId;
            messageIds[i] = m.messageId;
            inReplyTo[i] = m.inReplyTo;
            references[i] = m.referenceIds;
            conversations[i] = m.conversationId;
            texts[i] = m.text;
            htmls[i] = m.html;
            received[i] = utc(m.receivedAt);
            created[i] = utc(m.createdAt);
        }
        return connection.preparedQuery("""
                INSERT INTO ticket_message (id, ticket_id, direction, author_type, author_id, author_name, channel,
                    provider_message_id, message_id, in_reply_to, reference_ids, conversation_id, text, html, received_at, created_at)
                SELECT id, ticket_id, direction, author_type, author_id, author_name, channel, provider_message_id, message_id,
                    in_reply_to, reference_ids, conversation_id, text, html, received_at, created_at
                FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                            $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::timestamptz[],
                            $16::timestamptz[])
                    WITH ORDINALITY AS m(id, ticket_id, direction, author_type, author_id, author_name, channel, provider_message_id,
                        message_id, in_reply_to, reference_ids, conversation_id, text, html, received_at, created_at, position)
                ORDER BY position""")
                .execute(Tuple.from(new Object[] { ids, ticketIds, directions, authorTypes, authorIds, authorNames, channels,
                        providerIds, messageIds, inReplyTo, references, conversations, texts, htmls, received, created }))
                .replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

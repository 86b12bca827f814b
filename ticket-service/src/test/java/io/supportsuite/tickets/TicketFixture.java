package io.supportsuite.tickets;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.awaitility.Awaitility;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.supportsuite.devstack.testing.TopicProbe;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;
import io.supportsuite.events.ticket.TicketCreated;

/**
 * The one fixture of ticket-service's tests: puts customer e-mails on {@code support.inbound.v1} as the
 * gateway would, reads what the service published, and drives the REST API.
 */
public final class TicketFixture implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);
    /** How long to keep listening when a test asserts that nothing (more) was published. */
    static final Duration QUIET = Duration.ofSeconds(2);

    private final TopicProbe probe;
    private final ObjectMapper mapper;

    /** The admin seeded from configuration (tickets.security.admin.*); every request logs in as them unless told otherwise. */
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "support-admin";

    public TicketFixture(String bootstrapServers, ObjectMapper mapper) {
        this.probe = new TopicProbe(bootstrapServers, Topics.TICKETS, Topics.OUTBOUND, Topics.INBOUND + Topics.DLQ_SUFFIX);
        this.mapper = mapper;
        RestAssured.authentication = RestAssured.preemptive().basic(ADMIN, ADMIN_PASSWORD);
        // The admin is created once the schema is migrated, just after start-up.
        Awaitility.await().atMost(WAIT).until(() -> given().get("/api/me").statusCode() == 200);
    }

    /** Creates an agent (as the admin) and answers their id. */
    public String agent(String username, String name, String role, String... teamIds) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "name", name, "password", username + "-secret", "role", role, "teamIds", List.of(teamIds)))
                .post("/api/agents").then().statusCode(201).extract().path("id");
    }

    public String team(String name) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name)).post("/api/teams").then().statusCode(201).extract().path("id");
    }

    /** The team of that name, created unless it exists (tests share one database; routing rules name teams). */
    public String teamNamed(String name) {
        List<Map<String, String>> teams = given().get("/api/teams").then().statusCode(200).extract().path("$");
        return teams.stream().filter(t -> name.equals(t.get("name"))).map(t -> t.get("id")).findFirst().orElseGet(() -> team(name));
    }

    /** The agent sets themselves available (takes tickets) or away. */
    public static ValidatableResponse available(String username, boolean available) {
        return as(username).contentType(ContentType.JSON).body(Map.of("available", available)).put("/api/me/availability").then()
                .statusCode(200);
    }

    /** Sets an agent's skills, as the admin. */
    public void skills(String agentId, List<String> channels, List<String> languages) {
        given().contentType(ContentType.JSON).body(Map.of("channels", channels, "languages", languages))
                .put("/api/agents/{id}/skills", agentId).then().statusCode(200);
    }

    /** Publishes an event as channel-gateway would on {@code support.contact.v1}, keyed by contact; returns its {@code ce_id}. */
    public String contact(String contactId, String type, Object event, String ceId) {
        try {
            return probe.send(Topics.CONTACT, contactId, type, ceId, mapper.writeValueAsString(event));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request made as the given agent (password: username + "-secret", see {@link #agent}). */
    public static io.restassured.specification.RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, username + "-secret");
    }

    public Mail mail() {
        return new Mail();
    }

    /** Publishes the mail as a new CloudEvent; returns its {@code ce_id}. */
    public String send(Mail mail) {
        return send(mail, UUID.randomUUID().toString());
    }

    /** Publishes the mail under a given {@code ce_id} (a redelivery reuses it). */
    public String send(Mail mail, String ceId) {
        try {
            return probe.send(Topics.INBOUND, mail.key(), EventTypes.MESSAGE_RECEIVED, ceId, mapper.writeValueAsString(mail.event()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes an event as notification-service would on {@code support.tickets.v1}, keyed by ticket. */
    public String request(String ticketId, String type, Object event) {
        try {
            return probe.send(Topics.TICKETS, ticketId, type, UUID.randomUUID().toString(), mapper.writeValueAsString(event));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes an event as sla-monitor would on {@code support.sla.v1}, keyed by ticket; returns its {@code ce_id}. */
    public String sla(String ticketId, String type, Object event, String ceId) {
        try {
            return probe.send(Topics.SLA, ticketId, type, ceId, mapper.writeValueAsString(event));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes any body as a {@code message.received} event, as a faulty producer might. */
    public void sendRaw(String key, String ceId, String json) {
        probe.send(Topics.INBOUND, key, EventTypes.MESSAGE_RECEIVED, ceId, json);
    }

    /** Sends a new mail and waits for the ticket it opens. */
    public TicketCreated newTicket(Mail mail) {
        send(mail);
        return created(mail.messageId());
    }

    public TicketCreated newTicket() {
        return newTicket(mail());
    }

    /** The {@code ticket.created} announcing the ticket opened by the message with this Message-ID. */
    public TicketCreated created(String messageId) {
        return event(Topics.TICKETS, EventTypes.TICKET_CREATED, TicketCreated.class, e -> messageId.equals(e.messageId()));
    }

    /** The first record of {@code type} on {@code topic} whose body matches. */
    public <T> T event(String topic, String type, Class<T> body, Predicate<T> matching) {
        return read(record(topic, type, body, matching), body);
    }

    public <T> ConsumerRecord<String, String> record(String topic, String type, Class<T> body, Predicate<T> matching) {
        return probe.await(r -> topic.equals(r.topic()) && type.equals(TopicProbe.header(r, "ce_type"))
                && matching.test(read(r, body)), WAIT);
    }

    /** Every record of {@code type} keyed by {@code key} seen so far, after listening {@code quiet} longer. */
    public <T> List<T> events(String type, String key, Class<T> body, Duration quiet) {
        return probe.ofType(type, quiet).stream().filter(r -> key.equals(r.key())).map(r -> read(r, body)).toList();
    }

    /** How many tickets the message with this Message-ID opened, after listening {@code quiet} longer. */
    public long ticketsOpenedBy(String messageId, Duration quiet) {
        return probe.ofType(EventTypes.TICKET_CREATED, quiet).stream().map(r -> read(r, TicketCreated.class))
                .filter(e -> messageId.equals(e.messageId())).count();
    }

    public ConsumerRecord<String, String> deadLetter(String ceId) {
        return probe.await(r -> (Topics.INBOUND + Topics.DLQ_SUFFIX).equals(r.topic()) && ceId.equals(TopicProbe.header(r, "ce_id")), WAIT);
    }

    public ValidatableResponse ticket(String id) {
        return given().accept(ContentType.JSON).get("/api/tickets/{id}", id).then();
    }

    public ValidatableResponse reply(String ticketId, String body, String agentId, String agentName) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("body", body, "agentId", agentId, "agentName", agentName))
                .post("/api/tickets/{id}/replies", ticketId).then();
    }

    public ValidatableResponse status(String ticketId, String status, String agentId) {
        var request = given().contentType(ContentType.JSON).body(Map.of("status", status));
        if (agentId != null) {
            request.header("X-Agent-Id", agentId);
        }
        return request.patch("/api/tickets/{id}", ticketId).then();
    }

    private <T> T read(ConsumerRecord<String, String> record, Class<T> type) {
        try {
            return mapper.readValue(record.value(), type);
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable " + type.getSimpleName() + ": " + record.value(), e);
        }
    }

    @Override
    public void close() {
        probe.close();
    }
}

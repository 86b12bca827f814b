package io.supportsuite.tickets;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.devstack.testing.Reactive;
import io.supportsuite.events.Channels;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;
import io.supportsuite.events.common.Identity;
import io.supportsuite.events.contact.CallbackRequested;
import io.supportsuite.events.contact.ContactOffered;
import io.supportsuite.events.sla.ClockRef;
import io.supportsuite.events.sla.SlaBreached;
import io.supportsuite.events.sla.SlaClockStarted;
import io.supportsuite.events.ticket.CallbackCompleted;
import io.supportsuite.events.ticket.CallbackScheduled;
import io.supportsuite.events.ticket.TicketCreated;
import jakarta.inject.Inject;

/** R3: a missed pickup or a customer's request becomes one callback with one responsible agent and a due time. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class CallbacksTest {

    /** The team the test routing rules send calls to (application.properties, %test). */
    static final String PHONE_DESK = "Phone desk";
    static final Duration DUE = Duration.ofMinutes(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    TicketFixture fixture;

    @BeforeEach
    void open() {
        fixture = new TicketFixture(bootstrap, mapper);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Identity phone(String name) {
        return new Identity("phone", "+37410" + (100000 + (int) (Math.random() * 899999)), null, name);
    }

    @Test
    void callbackRequestGetsOneCallbackOwnedByTheTicketsAgentDueInThirtyMinutes_R3() {
        String desk = fixture.teamNamed(PHONE_DESK);
        String user = unique("cal");
        String agentId = fixture.agent(user, "Cal Back", "agent", desk);
        TicketFixture.available(user, true);
        try {
            String contactId = unique("call");
            Identity caller = phone("Vardan");
            Instant requested = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            String ceId = UUID.randomUUID().toString();
            CallbackRequested request = new CallbackRequested(contactId, Channels.VOICE, caller, requested, null);
            fixture.contact(contactId, EventTypes.CALLBACK_REQUESTED, request, ceId);
            fixture.contact(contactId, EventTypes.CALLBACK_REQUESTED, request, ceId); // a redelivery

            CallbackScheduled scheduled = fixture.event(Topics.TICKETS, EventTypes.CALLBACK_SCHEDULED, CallbackScheduled.class,
                    e -> contactId.equals(e.contactId()));
            assertEquals(agentId, scheduled.ownerAgentId(), "one responsible agent: the agent the call's ticket went to");
            assertEquals(requested.plus(DUE), scheduled.dueAt());
            assertEquals(caller.value(), scheduled.customer().value());
            TicketCreated ticket = fixture.event(Topics.TICKETS, EventTypes.TICKET_CREATED, TicketCreated.class,
                    e -> scheduled.ticketId().equals(e.ticketId()));
            assertEquals(Channels.VOICE, ticket.channel());
            assertEquals(desk, ticket.team());
            assertEquals(1, fixture.events(EventTypes.CALLBACK_SCHEDULED, scheduled.ticketId(), CallbackScheduled.class,
                    TicketFixture.QUIET).size(), "one callback per source event");

            TicketFixture.as(user).get("/api/tickets/{id}/callbacks", scheduled.ticketId()).then().statusCode(200)
                    .body("$", hasSize(1)).body("[0].ownerId", equalTo(agentId)).body("[0].status", equalTo("scheduled"))
                    .body("[0].source", equalTo("requested")).body("[0].customer.value", equalTo(caller.value()));
            TicketFixture.as(user).get("/api/callbacks").then().statusCode(200).body("id", hasItem(scheduled.callbackId()));
            fixture.ticket(scheduled.ticketId()).body("timeline.kind", hasItem("callback.scheduled"))
                    .body("assigneeId", equalTo(agentId));

            TicketFixture.as(user).contentType(ContentType.JSON).body(Map.of("outcome", "reached, refund agreed"))
                    .post("/api/callbacks/{id}/completion", scheduled.callbackId()).then().statusCode(200)
                    .body("status", equalTo("completed")).body("outcome", equalTo("reached, refund agreed"));
            CallbackCompleted completed = fixture.event(Topics.TICKETS, EventTypes.CALLBACK_COMPLETED, CallbackCompleted.class,
                    e -> scheduled.callbackId().equals(e.callbackId()));
            assertEquals(agentId, completed.ownerAgentId());
            TicketFixture.as(user).contentType(ContentType.JSON).body(Map.of()).post("/api/callbacks/{id}/completion",
                    scheduled.callbackId()).then().statusCode(409).contentType("application/problem+json");
            fixture.ticket(scheduled.ticketId()).body("timeline.kind", hasItem("callback.completed"));
        } finally {
            TicketFixture.available(user, false);
        }
    }

    @Test
    void missedPickupCallsTheCallerBackAndTheOwnerReschedules_R2_R3() {
        String desk = fixture.teamNamed(PHONE_DESK);
        String contactId = unique("call");
        Identity caller = phone("Aida");
        Instant offered = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        fixture.contact(contactId, EventTypes.CONTACT_OFFERED, new ContactOffered(contactId, Channels.VOICE, caller, "main", offered),
                UUID.randomUUID().toString());
        await().atMost(TicketFixture.WAIT).until(() -> Reactive.await(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("SELECT count(*) FROM contact WHERE contact_id = :id", Long.class)
                        .setParameter("id", contactId).getSingleResult()))) == 1);

        Instant deadline = offered.plusSeconds(18);
        ClockRef pickup = new ClockRef("clock-" + contactId, contactId, "pickup", "three_rings", Channels.VOICE, null, deadline, 18, 18);
        fixture.sla(contactId, EventTypes.SLA_CLOCK_STARTED, new SlaClockStarted(pickup, offered), UUID.randomUUID().toString());
        String breach = UUID.randomUUID().toString();
        fixture.sla(contactId, EventTypes.SLA_BREACHED, new SlaBreached(pickup, deadline), breach);
        fixture.sla(contactId, EventTypes.SLA_BREACHED, new SlaBreached(pickup, deadline), breach); // a redelivery
        fixture.sla(contactId, EventTypes.SLA_BREACHED, new SlaBreached(pickup, deadline), UUID.randomUUID().toString()); // a second breach

        CallbackScheduled scheduled = fixture.event(Topics.TICKETS, EventTypes.CALLBACK_SCHEDULED, CallbackScheduled.class,
                e -> contactId.equals(e.contactId()));
        assertEquals(deadline.plus(DUE), scheduled.dueAt());
        assertEquals(caller.value(), scheduled.customer().value(), "the caller from contact.offered");
        assertNull(scheduled.ownerAgentId(), "nobody of the phone desk is available yet");
        fixture.ticket(scheduled.ticketId()).body("teamId", equalTo(desk)).body("channel", equalTo(Channels.VOICE));

        // An agent of the desk comes back: the call's ticket is theirs, and so is the callback.
        String user = unique("desk");
        String agentId = fixture.agent(user, "Desk Agent", "agent", desk);
        TicketFixture.available(user, true);
        try {
            CallbackScheduled owned = fixture.event(Topics.TICKETS, EventTypes.CALLBACK_SCHEDULED, CallbackScheduled.class,
                    e -> scheduled.callbackId().equals(e.callbackId()) && agentId.equals(e.ownerAgentId()));
            assertEquals(scheduled.dueAt(), owned.dueAt());

            // R3: the customer picks a slot for the call they are owed: the same callback moves there.
            Instant slot = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
            fixture.contact(contactId, EventTypes.CALLBACK_REQUESTED, new CallbackRequested(contactId, Channels.VOICE, caller,
                    Instant.now(), slot), UUID.randomUUID().toString());
            fixture.event(Topics.TICKETS, EventTypes.CALLBACK_SCHEDULED, CallbackScheduled.class,
                    e -> scheduled.callbackId().equals(e.callbackId()) && slot.equals(e.dueAt()));

            Instant later = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
            TicketFixture.as(user).contentType(ContentType.JSON).body(Map.of("dueAt", later.toString()))
                    .put("/api/callbacks/{id}/due", scheduled.callbackId()).then().statusCode(200).body("dueAt", equalTo(later.toString()));
            fixture.event(Topics.TICKETS, EventTypes.CALLBACK_SCHEDULED, CallbackScheduled.class,
                    e -> scheduled.callbackId().equals(e.callbackId()) && later.equals(e.dueAt()));
            TicketFixture.as(user).contentType(ContentType.JSON).body(Map.of("dueAt", Instant.now().minusSeconds(60).toString()))
                    .put("/api/callbacks/{id}/due", scheduled.callbackId()).then().statusCode(422)
                    .body("errors.field", hasItem("dueAt"));

            given().get("/api/tickets/{id}/callbacks", scheduled.ticketId()).then().statusCode(200)
                    .body("$", hasSize(1)).body("[0].dueAt", equalTo(later.toString())).body("[0].source", equalTo("pickup_missed"));
            List<String> kinds = fixture.ticket(scheduled.ticketId()).extract().jsonPath().getList("timeline.kind");
            assertEquals(List.of("callback.scheduled", "assigned", "callback.scheduled", "callback.scheduled", "callback.scheduled"), kinds,
                    "the pickup clock's own events make no line on the ticket");
        } finally {
            TicketFixture.available(user, false);
        }
    }
}

package io.supportsuite.tickets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;
import io.supportsuite.events.common.Identity;
import io.supportsuite.events.customer.CustomerMerged;
import io.supportsuite.events.customer.CustomerUnmerged;
import io.supportsuite.events.ticket.TicketCreated;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import jakarta.inject.Inject;

/** C2: one customer, one history — identities linked, merges by supervisors recorded and reversible, nothing lost. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class CustomersTest {

    private static final String PROBLEM = "application/problem+json";

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

    @Test
    void linkedIdentityIsNormalisedAndBelongsToOneCustomer_C2() {
        String customer = fixture.newTicket().customer().customerId();
        String other = fixture.newTicket().customer().customerId();
        String number = "+3741" + (1000000 + (int) (Math.random() * 8999999));
        String written = number.substring(0, 4) + " " + number.substring(4, 6) + "-" + number.substring(6);
        given().contentType(ContentType.JSON).body(Map.of("kind", "phone", "value", written))
                .post("/api/customers/{id}/identities", customer).then().statusCode(201)
                .body("identities.value", hasItem(number));
        given().contentType(ContentType.JSON).body(Map.of("kind", "phone", "value", number))
                .post("/api/customers/{id}/identities", other).then().statusCode(409).contentType(PROBLEM)
                .body("type", org.hamcrest.Matchers.endsWith("identity-taken"));
        given().contentType(ContentType.JSON).body(Map.of("kind", "phone", "value", "call me maybe"))
                .post("/api/customers/{id}/identities", other).then().statusCode(422).body("errors.field", hasItem("value"));
        given().get("/api/customers/{id}", other).then().statusCode(200).body("identities", hasSize(1));
    }

    @Test
    void supervisorMergesTwoCustomersAndUndoesExactlyThatMerge_C2() {
        Mail annMail = fixture.mail();
        TicketCreated ann1 = fixture.newTicket(annMail);
        TicketCreated ann2 = fixture.newTicket(fixture.mail().from(annMail.address(), "Ann Example"));
        Mail workMail = fixture.mail().from(unique("ann.work") + "@office.example", "A. Example");
        TicketCreated work = fixture.newTicket(workMail);
        String kept = ann1.customer().customerId();
        String merged = work.customer().customerId();

        String agent = unique("plain");
        fixture.agent(agent, "Plain", "agent");
        TicketFixture.as(agent).contentType(ContentType.JSON).body(Map.of("into", kept)).post("/api/customers/{id}/merge", merged).then()
                .statusCode(403).contentType(PROBLEM);
        fixture.ticket(work.ticketId()).body("customer.id", equalTo(merged));

        String supervisor = unique("sup");
        fixture.agent(supervisor, "Sue Pervisor", "supervisor");
        String mergeId = TicketFixture.as(supervisor).contentType(ContentType.JSON).body(Map.of("into", kept))
                .post("/api/customers/{id}/merge", merged).then().statusCode(200)
                .body("sourceId", equalTo(merged)).body("targetId", equalTo(kept))
                .body("ticketIds", contains(work.ticketId())).body("identityIds", hasSize(1))
                .extract().path("id");
        fixture.ticket(work.ticketId()).body("customer.id", equalTo(kept))
                .body("timeline.kind", hasItem("customer.merged"));
        given().get("/api/customers/{id}", kept).then().statusCode(200).body("identities.value",
                containsInAnyOrder(annMail.address().toLowerCase(Locale.ROOT), workMail.address().toLowerCase(Locale.ROOT)));
        given().get("/api/customers/{id}", merged).then().statusCode(200).body("mergedInto", equalTo(kept)).body("identities", hasSize(0));
        TicketFixture.as(supervisor).contentType(ContentType.JSON).body(Map.of("into", kept)).post("/api/customers/{id}/merge", merged)
                .then().statusCode(409);

        // The customer writes from the merged address: the kept customer's ticket, not a new customer.
        TicketCreated after = fixture.newTicket(fixture.mail().from(workMail.address(), "A. Example"));
        assertEquals(kept, after.customer().customerId());

        TicketFixture.as(supervisor).post("/api/customers/merges/{id}/undo", mergeId).then().statusCode(200)
                .body("undoneAt", org.hamcrest.Matchers.notNullValue());
        fixture.ticket(work.ticketId()).body("customer.id", equalTo(merged)).body("timeline.kind[-1]", equalTo("customer.unmerged"));
        fixture.ticket(ann2.ticketId()).body("customer.id", equalTo(kept));
        fixture.ticket(after.ticketId()).body("customer.id", equalTo(kept));
        given().get("/api/customers/{id}", merged).then().body("mergedInto", equalTo(null))
                .body("identities.value", contains(workMail.address().toLowerCase(Locale.ROOT)));
        given().get("/api/customers/{id}/merges", kept).then().statusCode(200).body("id", equalTo(List.of(mergeId)));
        TicketFixture.as(supervisor).post("/api/customers/merges/{id}/undo", mergeId).then().statusCode(409).contentType(PROBLEM);
    }

    /** C2: a merge and its undo reach the other services: announced on the tickets topic, keyed by the kept customer. */
    @Test
    void mergeAndUndoAreAnnouncedWithWhatMoved_C2() throws Exception {
        Mail keptMail = fixture.mail();
        TicketCreated keptTicket = fixture.newTicket(keptMail);
        Mail otherMail = fixture.mail().from(unique("other") + "@elsewhere.example", "B. Example");
        TicketCreated moved = fixture.newTicket(otherMail);
        String kept = keptTicket.customer().customerId();
        String merged = moved.customer().customerId();
        String supervisor = unique("sup");
        fixture.agent(supervisor, "Sue Pervisor", "supervisor");

        String mergeId = TicketFixture.as(supervisor).contentType(ContentType.JSON).body(Map.of("into", kept))
                .post("/api/customers/{id}/merge", merged).then().statusCode(200).extract().path("id");
        ConsumerRecord<String, String> record = fixture.record(Topics.TICKETS, EventTypes.CUSTOMER_MERGED, CustomerMerged.class,
                e -> mergeId.equals(e.mergeId()));
        assertEquals(kept, record.key());
        CustomerMerged announced = mapper.readValue(record.value(), CustomerMerged.class);
        assertEquals(merged, announced.customerId());
        assertEquals(kept, announced.into().customerId());
        assertEquals(List.of(moved.ticketId()), announced.ticketIds());
        assertEquals(List.of(otherMail.address().toLowerCase(Locale.ROOT)), announced.identities().stream().map(Identity::value).toList());
        assertEquals(List.of(keptMail.address().toLowerCase(Locale.ROOT), otherMail.address().toLowerCase(Locale.ROOT)),
                announced.into().identities().stream().map(Identity::value).toList());

        TicketFixture.as(supervisor).post("/api/customers/merges/{id}/undo", mergeId).then().statusCode(200);
        ConsumerRecord<String, String> undone = fixture.record(Topics.TICKETS, EventTypes.CUSTOMER_UNMERGED, CustomerUnmerged.class,
                e -> mergeId.equals(e.mergeId()));
        assertEquals(kept, undone.key());
        CustomerUnmerged back = mapper.readValue(undone.value(), CustomerUnmerged.class);
        assertEquals(merged, back.customer().customerId());
        assertEquals(kept, back.fromCustomerId());
        assertEquals(List.of(moved.ticketId()), back.ticketIds());
        assertEquals(List.of(otherMail.address().toLowerCase(Locale.ROOT)), back.customer().identities().stream().map(Identity::value)
                .toList());
    }

    /** C2: a refused merge (plain agent) changes nothing and announces nothing. */
    @Test
    void refusedMergeAnnouncesNothing_C2() {
        String kept = fixture.newTicket().customer().customerId();
        String merged = fixture.newTicket().customer().customerId();
        String agent = unique("plain");
        fixture.agent(agent, "Plain", "agent");
        TicketFixture.as(agent).contentType(ContentType.JSON).body(Map.of("into", kept)).post("/api/customers/{id}/merge", merged).then()
                .statusCode(403);
        given().auth().none().contentType(ContentType.JSON).body(Map.of("into", kept)).post("/api/customers/{id}/merge", merged).then()
                .statusCode(401);
        assertEquals(List.of(), fixture.events(EventTypes.CUSTOMER_MERGED, kept, CustomerMerged.class, TicketFixture.QUIET));
        given().get("/api/customers/{id}", merged).then().statusCode(200).body("mergedInto", equalTo(null));
    }
}

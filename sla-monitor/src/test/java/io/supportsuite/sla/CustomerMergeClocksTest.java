package io.supportsuite.sla;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.common.CustomerRef;
import io.supportsuite.events.customer.CustomerMerged;
import io.supportsuite.events.customer.CustomerUnmerged;

/**
 * C2/R6 through the real broker: a ticket whose customer is merged into a VIP counts under the VIP promise from then on;
 * undoing the merge puts it back under its own customer's. Test policies: merge-desk 60 s, merge-desk-vip 120 s.
 */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class CustomerMergeClocksTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    private SlaFixture sla;

    @BeforeEach
    void open() {
        sla = new SlaFixture(bootstrap, mapper);
    }

    @AfterEach
    void close() {
        sla.close();
    }

    @Test
    void ticketMovedToAVipCustomerGetsTheVipPromiseUntilTheMergeIsUndone_C2_R6() {
        String ticket = SlaFixture.newTicketId();
        String other = SlaFixture.newTicketId();
        String merged = "cust-" + UUID.randomUUID(), kept = "cust-" + UUID.randomUUID();
        sla.ticketCreated(ticket, SlaFixture.now(), "standard", "email", "normal", "merge-desk");
        sla.ticketCreated(other, SlaFixture.now(), "standard", "email", "normal", "merge-desk");
        awaitFirstResponse(ticket, "merge-desk", 60);

        String mergeId = UUID.randomUUID().toString();
        String ceId = UUID.randomUUID().toString();
        CustomerMerged merge = new CustomerMerged(mergeId, merged, customer(kept, "vip"), List.of(ticket), List.of(), "sup",
                Instant.now());
        sla.customerEvent(ceId, EventTypes.CUSTOMER_MERGED, kept, merge);
        sla.customerEvent(ceId, EventTypes.CUSTOMER_MERGED, kept, merge); // redelivered: handled once
        awaitFirstResponse(ticket, "merge-desk-vip", 120);

        sla.customerEvent(UUID.randomUUID().toString(), EventTypes.CUSTOMER_UNMERGED, kept,
                new CustomerUnmerged(mergeId, customer(merged, "standard"), kept, List.of(ticket), List.of(), "sup", Instant.now()));
        awaitFirstResponse(ticket, "merge-desk", 60);
        awaitFirstResponse(other, "merge-desk", 60); // a ticket the merge did not move never changed
    }

    private static CustomerRef customer(String id, String segment) {
        return new CustomerRef(id, "Ann Example", "en", "UTC", segment, List.of());
    }

    private static void awaitFirstResponse(String ticket, String policy, long budgetSeconds) {
        await().atMost(SlaFixture.WAIT).untilAsserted(() -> given().get("/api/tickets/{id}/clocks", ticket).then().statusCode(200)
                .body("find { it.kind == 'first_response' }.policy", equalTo(policy))
                .body("find { it.kind == 'first_response' }.budgetSeconds", equalTo((int) budgetSeconds)));
    }
}

package io.supportsuite.tickets;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.devstack.testing.ServiceBasicsContract;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class TicketServiceBasicsTest extends ServiceBasicsContract {

    @Override
    protected String applicationName() {
        return "ticket-service";
    }
}

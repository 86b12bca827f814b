package io.supportsuite.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.devstack.testing.ServiceBasicsContract;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class GatewayBasicsTest extends ServiceBasicsContract {

    @Override
    protected String applicationName() {
        return "channel-gateway";
    }
}

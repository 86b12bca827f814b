package io.supportsuite.gateway.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;
import io.supportsuite.gateway.config.GatewayConfig;

/**
 * The HTTP server refuses bodies above its own limit with a bare 413 before any webhook code runs; so its
 * limit must be above the webhook limit, or oversized webhooks would not get their problem+json answer.
 */
@ApplicationScoped
public class BodyLimitCheck {

    private final GatewayConfig config;
    private final MemorySize serverLimit;

    public BodyLimitCheck(GatewayConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize serverLimit) {
        this.config = config;
        this.serverLimit = serverLimit;
    }

    void onStart(@Observes StartupEvent event) {
        long webhookLimit = config.webhook().maxBodySize().asLongValue();
        if (serverLimit.asLongValue() <= webhookLimit) {
            throw new IllegalStateException("quarkus.http.limits.max-body-size (" + serverLimit.asLongValue()
                    + " bytes) must be above gateway.webhook.max-body-size (" + webhookLimit + " bytes)");
        }
    }
}

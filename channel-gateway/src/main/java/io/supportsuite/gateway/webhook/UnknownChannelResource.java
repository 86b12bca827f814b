package io.supportsuite.gateway.webhook;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.supportsuite.gateway.GatewayMetrics;

/** Any webhook path no channel serves: 404 problem+json, counted, nothing kept. Each channel's own path matches first. */
@Path("/webhooks/{channel}")
public class UnknownChannelResource {

    static final String UNKNOWN = "unknown";

    private final WebhookFlow flow;
    private final GatewayMetrics metrics;

    public UnknownChannelResource(WebhookFlow flow, GatewayMetrics metrics) {
        this.flow = flow;
        this.metrics = metrics;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response post(@PathParam("channel") String channel) {
        return flow.rejected(UNKNOWN, WebhookRejection.unknownChannel(channel), metrics.startWebhook());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("channel") String channel) {
        return post(channel);
    }
}

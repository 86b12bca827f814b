package io.supportsuite.gateway.form;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.supportsuite.events.Channels;
import io.supportsuite.gateway.config.GatewayConfig;
import io.supportsuite.gateway.webhook.FormBody;
import io.supportsuite.gateway.webhook.Hmac;
import io.supportsuite.gateway.webhook.JsonBody;
import io.supportsuite.gateway.webhook.WebhookFlow;
import io.supportsuite.gateway.webhook.WebhookRejection;

/**
 * The web feedback form, posted by a site's page as JSON or form-encoded to {@code /webhooks/form/<site>} with
 * that site's key in {@value #HEADER} (or the {@code siteKey} field of a plain HTML form). A browser holds no
 * signing secret, so the key only says which site may post; an unknown site or a wrong key is 401.
 */
@Path("/webhooks/form/{site}")
public class FeedbackFormResource {

    public static final String HEADER = "X-Site-Key";

    private final WebhookFlow flow;
    private final GatewayConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;

    public FeedbackFormResource(WebhookFlow flow, GatewayConfig config, ObjectMapper mapper, Clock clock) {
        this.flow = flow;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> receive(@PathParam("site") String site, @HeaderParam(HEADER) String key,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language,
            byte[] body) {
        return flow.handle(Channels.WEB_FORM, body, 202, bytes -> {
            Map<String, String> fields = contentType != null && contentType.startsWith(FormBody.MEDIA_TYPE) ? FormBody.parse(bytes)
                    : fields(JsonBody.object(mapper, bytes));
            String presented = key != null ? key : fields.get("siteKey");
            if (!Hmac.same(config.webForm().sites().get(site), presented)) {
                throw WebhookRejection.badSignature("Site '" + site + "' is unknown or " + HEADER + " is not its key");
            }
            return FeedbackForm.read(site, fields, bytes, language, clock.instant());
        });
    }

    /** JSON values as the strings a form would have sent; a nested value is refused. */
    private static Map<String, String> fields(JsonNode json) {
        Map<String, String> fields = new LinkedHashMap<>();
        json.fields().forEachRemaining(field -> {
            if (field.getValue().isContainerNode()) {
                throw WebhookRejection.invalid(field.getKey(), "must be a string, number or boolean");
            }
            if (!field.getValue().isNull()) {
                fields.put(field.getKey(), field.getValue().asText());
            }
        });
        return fields;
    }
}

package io.supportsuite.notifications.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.supportsuite.notifications.service.Consents;
import io.supportsuite.notifications.service.SignedLinks;

/**
 * The unsubscribe and re-subscribe pages (N6). Opening a link only asks (mail scanners open links); the
 * button POSTs, which takes effect at once and offers the way back. A forged, expired or reused link gets
 * an error page with a 4xx status and changes nothing.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ConsentPageResource {

    private final Consents consents;
    private final Pages pages;

    public ConsentPageResource(Consents consents, Pages pages) {
        this.consents = consents;
        this.pages = pages;
    }

    @GET
    @Path("unsubscribe/{token}")
    public Response askUnsubscribe(@PathParam("token") String token) {
        return ask(token, SignedLinks.UNSUBSCRIBE);
    }

    @POST
    @Path("unsubscribe/{token}")
    public Uni<Response> unsubscribe(@PathParam("token") String token) {
        return follow(token, SignedLinks.UNSUBSCRIBE);
    }

    @GET
    @Path("subscribe/{token}")
    public Response askSubscribe(@PathParam("token") String token) {
        return ask(token, SignedLinks.SUBSCRIBE);
    }

    @POST
    @Path("subscribe/{token}")
    public Uni<Response> subscribe(@PathParam("token") String token) {
        return follow(token, SignedLinks.SUBSCRIBE);
    }

    private Response ask(String token, String purpose) {
        try {
            SignedLinks.Claims claims = consents.check(token, purpose);
            return pages.message(200, claims.locale(), purpose, "/" + purpose + "/" + token, purpose + ".button", null, null);
        } catch (RuntimeException e) {
            return pages.error(e, SignedLinks.localeHint(token));
        }
    }

    private Uni<Response> follow(String token, String purpose) {
        boolean subscribe = SignedLinks.SUBSCRIBE.equals(purpose);
        return Panache.withTransaction(() -> consents.follow(token, purpose))
                .map(change -> pages.message(200, change.locale(), subscribe ? "subscribed" : "unsubscribed", null, null,
                        subscribe ? null : change.undoUrl(), subscribe ? null : "resubscribe.link"))
                .onFailure().recoverWithItem(e -> pages.error(e, SignedLinks.localeHint(token)));
    }
}

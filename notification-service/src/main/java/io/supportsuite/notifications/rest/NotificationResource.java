package io.supportsuite.notifications.rest;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.supportsuite.notifications.notification.Notification;

/** Customer notifications this service queued (acks, …), newest first. */
@Path("/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    public record NotificationView(String idempotencyKey, String kind, String ticketId, String channel, String recipient,
            String locale, String subject, String text, String messageId, Instant createdAt) {

        static NotificationView of(Notification n) {
            return new NotificationView(n.dedupKey, n.kind, n.ticketId, n.channel, n.recipient, n.locale, n.subject, n.body,
                    n.messageId, n.createdAt);
        }
    }

    @GET
    @WithSession
    public Uni<List<NotificationView>> list(@QueryParam("ticketId") String ticketId,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        Sort newestFirst = Sort.descending("createdAt", "id");
        var query = ticketId == null || ticketId.isBlank() ? Notification.<Notification>findAll(newestFirst)
                : Notification.<Notification>find("ticketId", newestFirst, ticketId);
        return query.range(0, limit - 1).list().map(rows -> rows.stream().map(NotificationView::of).toList());
    }
}

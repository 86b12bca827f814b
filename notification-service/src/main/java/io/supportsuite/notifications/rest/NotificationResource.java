package io.supportsuite.notifications.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

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
import io.supportsuite.notifications.schedule.ScheduledNotification;

/** Customer notifications this service queued (acks, delay notices, reminders, follow-ups, surveys), newest first. */
@Path("/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    public record NotificationView(String idempotencyKey, String kind, String ticketId, String channel, String recipient,
            String locale, String subject, String text, String messageId, Instant createdAt, String deliveryState,
            String deliveryReason, String fallbackOf) {

        static NotificationView of(Notification n) {
            return new NotificationView(n.dedupKey, n.kind, n.ticketId, n.channel, n.recipient, n.locale, n.subject, n.body,
                    n.messageId, n.createdAt, n.deliveryState, n.deliveryReason, n.fallbackOf);
        }
    }

    /** A scheduled message (or the auto-solve timer) and what became of it. */
    public record ScheduledView(UUID id, String dedupKey, String kind, String ticketId, Instant dueAt, Instant notAfter,
            String state, String reason, Instant createdAt, Instant updatedAt) {

        static ScheduledView of(ScheduledNotification s) {
            return new ScheduledView(s.id, s.dedupKey, s.kind, s.ticketId, s.dueAt, s.notAfter, s.state, s.reason, s.createdAt,
                    s.updatedAt);
        }
    }

    /** Scheduled messages: pending ones with their due time, and why the others were sent, cancelled or suppressed. */
    @GET
    @Path("/scheduled")
    @WithSession
    public Uni<List<ScheduledView>> scheduled(@QueryParam("ticketId") String ticketId,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        Sort newestFirst = Sort.descending("createdAt", "id");
        var query = ticketId == null || ticketId.isBlank() ? ScheduledNotification.<ScheduledNotification>findAll(newestFirst)
                : ScheduledNotification.<ScheduledNotification>find("ticketId", newestFirst, ticketId);
        return query.range(0, limit - 1).list().map(rows -> rows.stream().map(ScheduledView::of).toList());
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

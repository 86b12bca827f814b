package io.supportsuite.notifications.service;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.supportsuite.events.common.Identity;
import io.supportsuite.events.delivery.DeliveryFailed;
import io.supportsuite.notifications.notification.Notification;
import io.supportsuite.notifications.ticket.ContactPoints;
import io.supportsuite.notifications.ticket.TicketContact;

/**
 * Delivery results of this service's customer messages ({@code support.delivery.v1}). A permanent failure is
 * recorded on the message and the message goes again on the customer's next channel — the next contact point
 * of the customer not tried yet for this message, where consent allows (N6; transactional messages need
 * none). A transient failure (the gateway retries) and a success change nothing; neither does a result for a
 * message that is not ours (an agent's reply). Runs in the consuming transaction, once per event (inbox).
 */
@ApplicationScoped
public class DeliveryResults {

    public static final String FAILED = "failed";

    private final CustomerMessages messages;
    private final Consents consents;
    private final CustomerGroups groups;

    public DeliveryResults(CustomerMessages messages, Consents consents, CustomerGroups groups) {
        this.groups = groups;
        this.messages = messages;
        this.consents = consents;
    }

    public Uni<Void> failed(DeliveryFailed failure) {
        if (!failure.permanent() || failure.idempotencyKey() == null) {
            return Uni.createFrom().voidItem();
        }
        return Notification.<Notification>find("dedupKey", failure.idempotencyKey()).firstResult().chain(message -> {
            if (message == null || message.deliveryState != null) {
                return Uni.createFrom().voidItem();
            }
            message.deliveryState = FAILED;
            String reason = "permanent failure on " + message.channel + ": " + failure.reason();
            return TicketContact.<TicketContact>findById(message.ticketId).chain(ticket -> ticket == null
                    ? outcome(message, reason + "; no fallback: ticket unknown here")
                    : fallBack(message, ticket, reason));
        });
    }

    private Uni<Void> fallBack(Notification message, TicketContact ticket, String reason) {
        String root = message.fallbackOf == null ? message.dedupKey : message.fallbackOf;
        return Notification.<Notification>list("dedupKey = ?1 or fallbackOf = ?1", root).chain(sent -> groups.contactPoints(ticket)
                .chain(points -> {
            Set<String> tried = sent.stream().map(n -> n.channel).collect(Collectors.toSet());
            tried.add(message.channel);
            List<Identity> untried = points.stream().filter(i -> !tried.contains(ContactPoints.channelOf(i))).toList();
            boolean transactional = CustomerMessages.kindOf(message.kind).transactional;
            return firstAllowed(untried, 0, transactional, Consents.subjectOf(ticket)).chain(next -> next == null
                    ? outcome(message, reason + (untried.isEmpty() ? "; no other channel known" : "; no other channel with consent"))
                    : messages.resend(message, ticket, ContactPoints.channelOf(next), next)
                            .chain(() -> outcome(message, reason + "; fell back to " + ContactPoints.channelOf(next))));
        }));
    }

    private Uni<Identity> firstAllowed(List<Identity> candidates, int index, boolean transactional, String customer) {
        if (index >= candidates.size()) {
            return Uni.createFrom().nullItem();
        }
        Identity candidate = candidates.get(index);
        if (transactional) {
            return Uni.createFrom().item(candidate);
        }
        return consents.optedOut(customer, ContactPoints.channelOf(candidate)).chain(out -> out
                ? firstAllowed(candidates, index + 1, false, customer)
                : Uni.createFrom().item(candidate));
    }

    private static Uni<Void> outcome(Notification message, String reason) {
        message.deliveryReason = reason;
        Log.infof("Message %s of ticket %s: %s", message.dedupKey, message.ticketId, reason);
        return Uni.createFrom().voidItem();
    }
}

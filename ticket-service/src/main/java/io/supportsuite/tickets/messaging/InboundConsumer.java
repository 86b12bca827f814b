package io.supportsuite.tickets.messaging;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.inbound.MessageReceived;
import io.supportsuite.runtime.inbox.DeadLetters;
import io.supportsuite.runtime.inbox.Inbox;
import io.supportsuite.runtime.inbox.IncomingEvent;
import io.supportsuite.tickets.routing.Router;
import io.supportsuite.tickets.service.InboundMessages;
import io.supportsuite.tickets.service.InboundOutcome;
import io.supportsuite.tickets.service.NewTickets;
import io.supportsuite.tickets.service.TicketMetrics;

/**
 * Customer messages from {@code support.inbound.v1}, a poll at a time, each handled once (the inbox). A run
 * of messages that answer nothing earlier becomes new tickets in one transaction ({@link NewTickets}); a
 * message that may answer an earlier one is threaded on its own ({@link InboundMessages}, C3). The batch is
 * handled in record order, so a reply never overtakes the message it answers. An unreadable record goes to
 * the dead-letter topic and the rest of the batch goes on. Other event types are skipped. New tickets are offered to the
 * agents once stored (routing, R6/R7); should that fail, the queue job offers them again.
 */
@ApplicationScoped
public class InboundConsumer {

    static final String CONSUMER = "ticket-service";

    /** A message of the batch, readable. */
    private record Received(IncomingEvent event, MessageReceived message) {
    }

    private final Inbox inbox;
    private final InboundMessages messages;
    private final NewTickets newTickets;
    private final DeadLetters deadLetters;
    private final TicketMetrics metrics;
    private final Router router;

    public InboundConsumer(Inbox inbox, InboundMessages messages, NewTickets newTickets, DeadLetters deadLetters,
            TicketMetrics metrics, Router router) {
        this.router = router;
        this.inbox = inbox;
        this.messages = messages;
        this.newTickets = newTickets;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    @Incoming("inbound")
    public Uni<Void> on(ConsumerRecords<String, String> records) {
        List<List<Received>> runs = new ArrayList<>();
        List<Uni<Void>> dead = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            IncomingEvent event = IncomingEvent.of(record);
            if (!EventTypes.MESSAGE_RECEIVED.equals(event.type())) {
                continue;
            }
            MessageReceived message;
            try {
                message = readable(event);
            } catch (Inbox.UnreadableEventException e) {
                dead.add(deadLetters.send(record, e));
                continue;
            }
            Received received = new Received(event, message);
            List<Received> last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (NewTickets.canTake(message) && last != null && NewTickets.canTake(last.get(0).message())) {
                last.add(received);
            } else {
                runs.add(new ArrayList<>(List.of(received)));
            }
        }
        return Uni.join().all(dead.isEmpty() ? List.of(Uni.createFrom().voidItem()) : dead).andFailFast()
                .chain(() -> Multi.createFrom().iterable(runs)
                        .onItem().transformToUniAndConcatenate(this::handle)
                        .collect().last())
                .replaceWithVoid();
    }

    private Uni<Void> handle(List<Received> run) {
        if (NewTickets.canTake(run.get(0).message())) {
            Map<IncomingEvent, MessageReceived> bodies = new IdentityHashMap<>();
            run.forEach(r -> bodies.put(r.event(), r.message()));
            return inbox.handleAllOnce(CONSUMER, run.stream().map(Received::event).toList(),
                    (connection, first) -> newTickets.createAll(connection, first.stream().map(bodies::get).toList()))
                    .invoke(outcomes -> outcomes.forEach(metrics::inbound))
                    .call(this::route)
                    .replaceWithVoid();
        }
        Received one = run.get(0);
        AtomicReference<InboundOutcome> outcome = new AtomicReference<>();
        return inbox.handleOnce(CONSUMER, one.event(), e -> messages.receive(one.message()).invoke(outcome::set).replaceWithVoid())
                .invoke(handled -> {
                    if (handled) {
                        metrics.inbound(outcome.get());
                    } else {
                        Log.debugf("Event %s already handled", one.event().id());
                    }
                })
                .call(handled -> handled ? route(List.of(outcome.get())) : Uni.createFrom().voidItem())
                .replaceWithVoid();
    }

    private Uni<Void> route(List<InboundOutcome> outcomes) {
        List<java.util.UUID> created = outcomes.stream().filter(o -> o.kind() == InboundOutcome.Kind.CREATED).map(InboundOutcome::ticketId)
                .toList();
        return router.route(created).onFailure().invoke(e -> Log.warnf("Routing of %d new tickets failed, the queue job retries: %s",
                created.size(), e.getMessage())).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** A message without a sender or channel cannot become a ticket: poison, for the dead-letter topic. */
    private MessageReceived readable(IncomingEvent event) {
        MessageReceived message = inbox.read(event, MessageReceived.class);
        if (message.channel() == null || message.channel().isBlank()) {
            throw new Inbox.UnreadableEventException(event, new IllegalArgumentException("no channel"));
        }
        if (message.sender() == null || message.sender().kind() == null || message.sender().value() == null
                || message.sender().value().isBlank()) {
            throw new Inbox.UnreadableEventException(event, new IllegalArgumentException("no sender identity"));
        }
        return message;
    }
}

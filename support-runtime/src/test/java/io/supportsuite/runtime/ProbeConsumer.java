package io.supportsuite.runtime;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.supportsuite.runtime.inbox.Inbox;
import io.supportsuite.runtime.inbox.IncomingEvent;

/** A consumer shaped like the services' ones, recording its effect in a table. */
@ApplicationScoped
public class ProbeConsumer {

    record Probe(String body) {
    }

    private final Inbox inbox;

    public ProbeConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming("probe")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        return inbox.handleOnce("probe", event, e -> {
            Probe probe = inbox.read(e, Probe.class);
            return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO probe_effect VALUES (:id, :body)")
                    .setParameter("id", e.id()).setParameter("body", probe.body()).executeUpdate()).replaceWithVoid();
        }).replaceWithVoid();
    }
}

package io.supportsuite.tickets.live;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import io.supportsuite.events.Topics;
import io.supportsuite.tickets.api.TicketChange;
import io.supportsuite.tickets.service.TicketViews.View;

/**
 * This instance's open streams, and the fan-out of ticket changes to them. Each stream gets the changes to the
 * tickets its agent may see, limited to the tickets it named, or marked in or out of the view it watches.
 * <p>
 * Also the rebalance listener of the live consumers: a stream is ready once both topics' partitions are assigned and
 * their positions fixed, so nothing committed after that is missed.
 */
@ApplicationScoped
@Default
@Identifier(LiveFeed.LISTENER)
public class LiveFeed implements KafkaConsumerRebalanceListener {

    static final String LISTENER = "live-feed";

    /** One open stream: who watches, which tickets (empty: none by name), which view (null: none). */
    private record Stream(Viewer viewer, Set<String> tickets, View view, MultiEmitter<? super TicketChange> emitter) {

        void offer(TicketChange change) {
            if (!viewer.maySee(change.ticket())) {
                return;
            }
            if (view != null) {
                emitter.emit(change.inView(viewer.inView(view, change.ticket())));
            } else if (tickets.isEmpty() || tickets.contains(change.ticketId())) {
                emitter.emit(change);
            }
        }
    }

    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private final Set<String> assignedTopics = ConcurrentHashMap.newKeySet();
    private final LiveConfig config;

    public LiveFeed(LiveConfig config) {
        this.config = config;
    }

    /** The changes for one viewer from now on, until the subscriber cancels. */
    public Multi<TicketChange> subscribe(Viewer viewer, Set<String> tickets, View view) {
        return Multi.createFrom().<TicketChange> emitter(emitter -> {
            Stream stream = new Stream(viewer, tickets, view, emitter);
            streams.add(stream);
            emitter.onTermination(() -> streams.remove(stream));
        }, BackPressureStrategy.BUFFER).onOverflow().buffer(config.clientBuffer());
    }

    public boolean watched() {
        return !streams.isEmpty();
    }

    public void publish(List<TicketChange> changes) {
        for (TicketChange change : changes) {
            for (Stream stream : streams) {
                try {
                    stream.offer(change);
                } catch (RuntimeException e) {
                    Log.debugf("A live stream could not take a change: %s", e.getMessage());
                }
            }
        }
    }

    /** Both live consumers have their partitions and positions. */
    public boolean ready() {
        return assignedTopics.containsAll(List.of(Topics.TICKETS, Topics.SLA));
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        // Fix the positions now (latest), so a change committed after the stream says "ready" is never skipped.
        partitions.forEach(consumer::position);
        partitions.forEach(p -> assignedTopics.add(p.topic()));
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        partitions.forEach(p -> assignedTopics.remove(p.topic()));
    }
}

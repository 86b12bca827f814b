package io.supportsuite.notifications.messaging;

/** The name this service's events are recorded under in the inbox (one per service, ce_ids are unique). */
final class InboxConsumer {

    static final String NAME = "notification-service";

    private InboxConsumer() {
    }
}

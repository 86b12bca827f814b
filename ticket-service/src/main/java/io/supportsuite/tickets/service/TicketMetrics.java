package io.supportsuite.tickets.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Business metrics (M1): the volume per channel, threading, replies and the first-response time. */
@ApplicationScoped
public class TicketMetrics {

    private static final Duration HISTOGRAM_MIN = Duration.ofSeconds(1);
    private static final Duration HISTOGRAM_MAX = Duration.ofDays(30);

    private final MeterRegistry registry;

    public TicketMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void inbound(InboundOutcome outcome) {
        switch (outcome.kind()) {
            case CREATED -> counter("support.tickets.created", "Tickets created", "channel", outcome.channel()).increment();
            case THREADED -> {
                counter("support.tickets.messages.threaded", "Customer messages threaded onto an existing ticket (C3)",
                        "channel", outcome.channel()).increment();
                if (outcome.reopened()) {
                    counter("support.tickets.reopened", "Solved tickets reopened by the customer", "channel", outcome.channel())
                            .increment();
                }
            }
            case DUPLICATE -> counter("support.tickets.messages.duplicate", "Provider retries of a stored message (C4)",
                    "channel", outcome.channel()).increment();
        }
    }

    public void replied(String channel, boolean firstResponse, Duration sinceCreated) {
        counter("support.tickets.replies", "Public agent replies", "channel", channel).increment();
        if (firstResponse) {
            Timer.builder("support.tickets.first.response")
                    .description("Time from ticket creation to the first agent reply (R1, M1)")
                    .tag("channel", channel)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(HISTOGRAM_MIN)
                    .maximumExpectedValue(HISTOGRAM_MAX)
                    .register(registry)
                    .record(sinceCreated.isNegative() ? Duration.ZERO : sinceCreated);
        }
    }

    public void statusChanged(String from, String to) {
        Counter.builder("support.tickets.status.changes").description("Ticket status changes")
                .tag("from", from).tag("to", to).register(registry).increment();
    }

    private Counter counter(String name, String description, String tag, String value) {
        return Counter.builder(name).description(description).tag(tag, value == null ? "unknown" : value).register(registry);
    }
}

package io.supportsuite.sla.service;

import java.time.Instant;

/** A stage that fired (R4): a warning, or the breach when {@code stage} is 100. */
public record Fired(String kind, String channel, int stage, boolean breach, Instant dueAt, Instant firedAt) {
}

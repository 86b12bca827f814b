package io.supportsuite.events.common;

/**
 * How a customer is reached on one channel (rule C2): {@code kind} is {@code email}, {@code phone}
 * (E.164), {@code social} (with its {@code network}), {@code chat_visitor} or {@code anonymous};
 * {@code value} is normalised (e-mail lower-cased).
 */
public record Identity(String kind, String value, String network, String displayName) {
}

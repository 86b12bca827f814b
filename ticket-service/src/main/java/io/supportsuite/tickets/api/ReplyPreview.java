package io.supportsuite.tickets.api;

/** A reply as the customer would read it, placeholders filled (C5, N7); nothing stored or sent. */
public record ReplyPreview(String text) {
}

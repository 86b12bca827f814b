package io.supportsuite.events.inbound;

/** Attachment metadata; the content stays with the provider (or the gateway's store) behind {@code url}. */
public record Attachment(String fileName, String contentType, long size, String url) {
}

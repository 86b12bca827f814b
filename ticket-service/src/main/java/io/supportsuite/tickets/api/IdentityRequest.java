package io.supportsuite.tickets.api;

/** An identity to link to a customer: kind (email, phone, social, chat_visitor), value, network for social handles. */
public record IdentityRequest(String kind, String value, String network, String displayName) {
}

package io.supportsuite.tickets.api;

import java.time.Instant;
import java.util.List;

/** A customer with their identities (C2); {@code mergedInto} is set on a customer merged into another. */
public record CustomerView(String id, String name, String locale, String timeZone, String segment, String personalAgentId, String mergedInto,
        List<IdentityView> identities, Instant createdAt) {

    public record IdentityView(String id, String kind, String value, String network, String displayName) {
    }
}

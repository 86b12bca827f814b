package io.supportsuite.events.customer;

import java.time.Instant;
import java.util.List;

import io.supportsuite.events.common.CustomerRef;
import io.supportsuite.events.common.Identity;

/**
 * {@code support.customer.unmerged.v1} (C2): merge {@code mergeId} was undone; {@code ticketIds} and {@code identities}
 * went back from {@code fromCustomerId} to {@code customer} (as it is again on its own: segment, locale, identities).
 */
public record CustomerUnmerged(String mergeId, CustomerRef customer, String fromCustomerId, List<String> ticketIds,
        List<Identity> identities, String actor, Instant unmergedAt) {
}

package io.supportsuite.events.customer;

import java.time.Instant;
import java.util.List;

import io.supportsuite.events.common.CustomerRef;
import io.supportsuite.events.common.Identity;

/**
 * {@code support.customer.merged.v1} (C2): {@code customerId} was found to be the same person as {@code into} and
 * merged into it; {@code ticketIds} and {@code identities} moved there. {@code into} is the kept customer after the
 * merge (segment, locale, every identity). Undone by a {@link CustomerUnmerged} of the same {@code mergeId}.
 */
public record CustomerMerged(String mergeId, String customerId, CustomerRef into, List<String> ticketIds, List<Identity> identities,
        String actor, Instant mergedAt) {
}

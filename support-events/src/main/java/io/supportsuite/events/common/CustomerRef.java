package io.supportsuite.events.common;

import java.util.List;

/**
 * What other services may keep of a customer (their own projection, rule C2): locale for templates (N9),
 * time zone for quiet hours, segment ({@code vip} or {@code standard}, R6) and the contact points.
 */
public record CustomerRef(String customerId, String name, String locale, String timeZone, String segment,
        List<Identity> identities) {
}

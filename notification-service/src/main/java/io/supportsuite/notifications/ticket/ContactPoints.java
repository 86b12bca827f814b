package io.supportsuite.notifications.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.supportsuite.events.Channels;
import io.supportsuite.events.common.Identity;

/**
 * The customer's contact points from {@code ticket.created}, in the order the customer record lists them
 * (the customer's preference): where a message can go when its channel fails for good. Stored as one line per
 * identity, tab-separated ({@code kind, value, network, displayName}).
 */
public final class ContactPoints {

    private ContactPoints() {
    }

    public static String encode(List<Identity> identities) {
        if (identities == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (Identity i : identities) {
            if (i != null && i.kind() != null && i.value() != null && channelOf(i) != null) {
                out.append(clean(i.kind())).append('\t').append(clean(i.value())).append('\t').append(clean(i.network()))
                        .append('\t').append(clean(i.displayName())).append('\n');
            }
        }
        return out.isEmpty() ? null : out.toString();
    }

    public static List<Identity> decode(String stored) {
        List<Identity> identities = new ArrayList<>();
        if (stored == null) {
            return identities;
        }
        for (String line : stored.split("\n")) {
            String[] f = line.split("\t", -1);
            if (f.length == 4) {
                identities.add(new Identity(f[0], f[1], blankToNull(f[2]), blankToNull(f[3])));
            }
        }
        return identities;
    }

    /** The channel that reaches an identity: e-mail, SMS for a phone, the network of a social one, chat; else null. */
    public static String channelOf(Identity identity) {
        return switch (identity.kind()) {
            case "email" -> Channels.EMAIL;
            case "phone" -> Channels.SMS;
            case "chat_visitor" -> Channels.CHAT;
            case "social" -> identity.network() == null ? null : identity.network().toLowerCase(Locale.ROOT);
            default -> null;
        };
    }

    private static String clean(String value) {
        return value == null ? "" : value.replace('\t', ' ').replace('\n', ' ');
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}

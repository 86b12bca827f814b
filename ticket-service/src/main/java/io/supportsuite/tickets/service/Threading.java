package io.supportsuite.tickets.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.supportsuite.events.common.ThreadRefs;
import io.supportsuite.events.inbound.MessageReceived;
import io.supportsuite.tickets.ticket.TicketMessage;

/** How e-mail Message-IDs tie a message to its conversation (C3). Pure functions, no state. */
public final class Threading {

    private static final Pattern ACK = Pattern.compile(
            "ack-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@(.+)", Pattern.CASE_INSENSITIVE);

    private Threading() {
    }

    /** A Message-ID as stored: without angle brackets or surrounding blanks; null when empty. */
    public static String normalise(String id) {
        if (id == null) {
            return null;
        }
        String s = id.trim();
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1).trim();
        }
        return s.isEmpty() ? null : s;
    }

    /** The message's own id: the Message-ID, else the provider's id. */
    public static String messageIdOf(MessageReceived message) {
        String own = message.thread() == null ? null : normalise(message.thread().messageId());
        return own != null ? own : normalise(message.providerMessageId());
    }

    /** The ids a message answers: In-Reply-To first, then References nearest first; without its own id. */
    public static List<String> referencedIds(ThreadRefs thread) {
        if (thread == null) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        add(ids, thread.inReplyTo());
        List<String> references = thread.references() == null ? List.of() : thread.references();
        for (int i = references.size() - 1; i >= 0; i--) {
            add(ids, references.get(i));
        }
        ids.remove(normalise(thread.messageId()));
        return List.copyOf(ids);
    }

    /** The ticket an acknowledgement's Message-ID ({@code ack-<ticketId>@<domain>}) names, if it is one. */
    public static Optional<UUID> ackTicket(String messageId, String domain) {
        String id = normalise(messageId);
        if (id == null) {
            return Optional.empty();
        }
        Matcher m = ACK.matcher(id);
        if (!m.matches() || !m.group(2).equalsIgnoreCase(domain)) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(m.group(1)));
    }

    /** The References of a reply to {@code parent}: the parent's chain, then the parent itself (RFC 5322 3.6.4). */
    public static List<String> replyChain(TicketMessage parent) {
        if (parent == null) {
            return List.of();
        }
        Set<String> chain = new LinkedHashSet<>();
        List<String> references = parent.references();
        if (references.isEmpty()) {
            add(chain, parent.inReplyTo);
        } else {
            references.forEach(r -> add(chain, r));
        }
        add(chain, parent.messageId);
        return new ArrayList<>(chain);
    }

    /** The Message-ID of a message this service sends. */
    public static String newMessageId(UUID messageUuid, String domain) {
        return messageUuid + "@" + domain;
    }

    private static void add(Set<String> ids, String id) {
        String normal = normalise(id);
        if (normal != null) {
            ids.add(normal);
        }
    }
}

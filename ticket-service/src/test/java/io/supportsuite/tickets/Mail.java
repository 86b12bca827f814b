package io.supportsuite.tickets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.supportsuite.events.Channels;
import io.supportsuite.events.common.Identity;
import io.supportsuite.events.common.ThreadRefs;
import io.supportsuite.events.inbound.MessageReceived;

/** A customer e-mail as channel-gateway normalises it into a {@code message.received} event (the spine contract). */
public final class Mail {

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    String messageId = UUID.randomUUID() + "@mail.customer.example";
    String providerMessageId;
    String address = "ann-" + tag + "@customer.example";
    String displayName = "Ann Example";
    String subject = "Parcel " + tag + " arrived broken";
    String text = "Hello, my parcel arrived broken. What now?";
    String html = "<p>Hello, my parcel arrived broken. What now?</p>";
    String inReplyTo;
    List<String> references = new ArrayList<>();
    boolean normalised = true;
    String key;
    String channel = Channels.EMAIL;
    Integer rating;
    boolean negative;
    String locale;
    String conversationId;
    Identity sender;

    /** The same message as if it came on another channel (routing rules, skills). */
    public Mail on(String channel) {
        this.channel = channel;
        return this;
    }

    /** A review's rating and the gateway's negative flag (R7). */
    public Mail rated(Integer rating, boolean negative) {
        this.rating = rating;
        this.negative = negative;
        return this;
    }

    public Mail locale(String locale) {
        this.locale = locale;
        return this;
    }

    public Mail from(String address, String displayName) {
        this.address = address;
        this.displayName = displayName;
        return this;
    }

    /** A reply to {@code parent}: In-Reply-To the parent, References the chain, as a mail client writes it. */
    public Mail replyTo(String parentMessageId, String... earlier) {
        inReplyTo = parentMessageId;
        references = new ArrayList<>(List.of(earlier));
        references.add(parentMessageId);
        subject = "Re: " + subject;
        return this;
    }

    /** Only References (some clients leave In-Reply-To out). */
    public Mail references(String... ids) {
        inReplyTo = null;
        references = new ArrayList<>(List.of(ids));
        return this;
    }

    /**
     * A message of a provider's conversation (C3: chat session, social thread, call): no Message-ID chain, the provider's
     * conversation id, a sender of that channel; keyed as the gateway keys it ({@code channel:conversation}).
     */
    public Mail inConversation(String channel, String conversationId, Identity sender) {
        this.channel = channel;
        this.conversationId = conversationId;
        this.sender = sender;
        this.messageId = null;
        this.providerMessageId = channel + "-" + UUID.randomUUID();
        this.key = channel + ":" + conversationId;
        this.html = null;
        return this;
    }

    /** The id the ticket-service stores for the message: the Message-ID, else the provider's id. */
    public String storedId() {
        return messageId != null ? messageId : providerMessageId;
    }

    /** The sender's address exactly as written (a producer that does not lower-case it). */
    public Mail asWritten() {
        this.normalised = false;
        return this;
    }

    public Mail text(String text) {
        this.text = text;
        this.html = null;
        return this;
    }

    public Mail subject(String subject) {
        this.subject = subject;
        return this;
    }

    public Mail providerMessageId(String id) {
        this.providerMessageId = id;
        return this;
    }

    /** Sent under another mail's conversation key (same partition, so handled after it). */
    public Mail keyedLike(Mail other) {
        this.key = other.key();
        return this;
    }

    /** The gateway keys a conversation by its root: the first reference, else In-Reply-To, else the message itself. */
    public String key() {
        if (key != null) {
            return key;
        }
        String root = !references.isEmpty() ? references.get(0) : inReplyTo != null ? inReplyTo : messageId;
        return "email:" + root;
    }

    public MessageReceived event() {
        return new MessageReceived(channel, providerMessageId != null ? providerMessageId : messageId,
                new ThreadRefs(messageId, inReplyTo, List.copyOf(references), conversationId),
                sender != null ? sender : new Identity("email", normalised ? address.toLowerCase(Locale.ROOT) : address, null, displayName),
                List.of("support@support-suite.local"), subject, text, html, List.of(), locale, rating, negative, Instant.now());
    }

    public String messageId() {
        return messageId;
    }

    public String address() {
        return address;
    }

    public String subject() {
        return subject;
    }
}

package io.supportsuite.gateway.email;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import io.supportsuite.events.common.ThreadRefs;
import io.supportsuite.events.outbound.MessageSend;

/**
 * Sends one outbound e-mail over SMTP, threaded (C3): the Message-ID the sender chose (so the customer's
 * answer can be matched to it), In-Reply-To the customer's message, References the chain.
 */
@ApplicationScoped
public class EmailSender {

    private final ReactiveMailer mailer;
    private final String fromDomain;

    public EmailSender(ReactiveMailer mailer, @ConfigProperty(name = "quarkus.mailer.from") String from) {
        this.mailer = mailer;
        this.fromDomain = from.substring(from.lastIndexOf('@') + 1).replace(">", "").trim();
    }

    /** One SMTP attempt; its item is the Message-ID the mail went out with (without angle brackets). */
    public Uni<String> send(String idempotencyKey, MessageSend command) {
        String messageId = messageId(idempotencyKey, command);
        return mailer.send(compose(command, messageId)).replaceWith(messageId);
    }

    /** The sender's Message-ID, or one derived from the idempotency key, so a re-send carries the same one. */
    String messageId(String idempotencyKey, MessageSend command) {
        String chosen = command.replyTo() == null ? null : MessageIds.parseFirst(command.replyTo().messageId());
        if (chosen != null) {
            return chosen;
        }
        return UUID.nameUUIDFromBytes(idempotencyKey.getBytes(StandardCharsets.UTF_8)) + "@" + fromDomain;
    }

    static Mail compose(MessageSend command, String messageId) {
        Mail mail = new Mail()
                .addTo(command.recipient().value())
                .setSubject(command.subject() == null ? "" : command.subject())
                .setText(command.text() == null ? "" : command.text())
                .addHeader("Message-ID", "<" + messageId + ">");
        if (command.html() != null && !command.html().isBlank()) {
            mail.setHtml(command.html());
        }
        ThreadRefs thread = command.replyTo();
        String inReplyTo = thread == null ? null : MessageIds.parseFirst(thread.inReplyTo());
        if (inReplyTo != null) {
            mail.addHeader("In-Reply-To", "<" + inReplyTo + ">");
        }
        List<String> references = references(thread, inReplyTo);
        if (!references.isEmpty()) {
            mail.addHeader("References", references.stream().map(id -> "<" + id + ">").collect(Collectors.joining(" ")));
        }
        return mail;
    }

    /** The chain as given, ending with the message replied to (RFC 5322 §3.6.4) when the chain lacks it. */
    static List<String> references(ThreadRefs thread, String inReplyTo) {
        List<String> references = new ArrayList<>();
        if (thread != null && thread.references() != null) {
            thread.references().forEach(ref -> MessageIds.parseAll(ref).stream()
                    .filter(id -> !references.contains(id)).forEach(references::add));
        }
        if (inReplyTo != null && !references.contains(inReplyTo)) {
            references.add(inReplyTo);
        }
        return references;
    }
}

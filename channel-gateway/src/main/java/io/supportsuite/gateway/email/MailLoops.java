package io.supportsuite.gateway.email;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Mail that must never become a customer message (it would answer itself in a loop): auto-replies
 * ({@code Auto-Submitted} other than {@code no}, {@code X-Autoreply}, {@code X-Autorespond}), bulk and list
 * mail ({@code Precedence: bulk / junk / list}), bounces (from mailer-daemon or postmaster, an empty
 * {@code Return-Path}, a delivery-status report) and mail from the suite's own addresses.
 */
public final class MailLoops {

    private static final List<String> BOUNCE_SENDERS = List.of("mailer-daemon", "postmaster");
    private static final List<String> BULK = List.of("bulk", "junk", "list");

    private MailLoops() {
    }

    /** Why this mail is dropped, or empty when it is a customer's. */
    public static Optional<String> reason(MimeMessage mail, String sender, List<String> ownAddresses) throws MessagingException {
        String autoSubmitted = header(mail, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.toLowerCase(Locale.ROOT).startsWith("no")) {
            return Optional.of("auto-submitted");
        }
        if (header(mail, "X-Autoreply") != null || header(mail, "X-Autorespond") != null) {
            return Optional.of("auto-reply");
        }
        String precedence = header(mail, "Precedence");
        if (precedence != null && BULK.contains(precedence.trim().toLowerCase(Locale.ROOT))) {
            return Optional.of("precedence-" + precedence.trim().toLowerCase(Locale.ROOT));
        }
        String local = sender.substring(0, sender.indexOf('@'));
        String returnPath = header(mail, "Return-Path");
        if (BOUNCE_SENDERS.contains(local) || "<>".equals(returnPath == null ? null : returnPath.trim())
                || mail.isMimeType("multipart/report")) {
            return Optional.of("bounce");
        }
        String domain = sender.substring(sender.indexOf('@'));
        for (String own : ownAddresses) {
            String address = own.trim().toLowerCase(Locale.ROOT);
            if (address.equals(sender) || address.equals(domain)) {
                return Optional.of("own-address");
            }
        }
        return Optional.empty();
    }

    private static String header(MimeMessage mail, String name) throws MessagingException {
        return mail.getHeader(name, ",");
    }
}

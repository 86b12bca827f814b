package io.supportsuite.gateway.email;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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
    /** The headers the checks read. */
    private static final List<String> CHECKED = List.of("auto-submitted", "x-autoreply", "x-autorespond", "precedence",
            "return-path", "content-type");

    private MailLoops() {
    }

    /** Why this mail is dropped, or empty when it is a customer's. */
    public static Optional<String> reason(MimeMessage mail, String sender, List<String> ownAddresses) throws MessagingException {
        Map<String, String> headers = new HashMap<>();
        for (String name : CHECKED) {
            String value = mail.getHeader(name, ",");
            if (value != null) {
                headers.put(name, value);
            }
        }
        return reason(headers, sender, ownAddresses);
    }

    /**
     * @param headers the message's headers by lower-case name (a JSON webhook's {@code headers}); may be empty
     */
    public static Optional<String> reason(Map<String, String> headers, String sender, List<String> ownAddresses) {
        Function<String, String> header = name -> headers.get(name.toLowerCase(Locale.ROOT));
        String contentType = header.apply("Content-Type");
        boolean deliveryReport = contentType != null && contentType.trim().toLowerCase(Locale.ROOT).startsWith("multipart/report");
        String autoSubmitted = header.apply("Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.toLowerCase(Locale.ROOT).startsWith("no")) {
            return Optional.of("auto-submitted");
        }
        if (header.apply("X-Autoreply") != null || header.apply("X-Autorespond") != null) {
            return Optional.of("auto-reply");
        }
        String precedence = header.apply("Precedence");
        if (precedence != null && BULK.contains(precedence.trim().toLowerCase(Locale.ROOT))) {
            return Optional.of("precedence-" + precedence.trim().toLowerCase(Locale.ROOT));
        }
        String local = sender.substring(0, sender.indexOf('@'));
        String returnPath = header.apply("Return-Path");
        if (BOUNCE_SENDERS.contains(local) || "<>".equals(returnPath == null ? null : returnPath.trim()) || deliveryReport) {
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

}

package io.supportsuite.gateway.email;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import io.supportsuite.events.Channels;
import io.supportsuite.events.common.ThreadRefs;
import io.supportsuite.events.inbound.Attachment;
import io.supportsuite.events.inbound.MessageReceived;
import io.supportsuite.gateway.webhook.Identities;
import io.supportsuite.gateway.webhook.WebhookRejection;

/**
 * A raw RFC 5322 message ({@code message/rfc822}) as an inbound e-mail: encoded words in headers decoded,
 * each text part read in its own charset, the first {@code text/plain} and {@code text/html} parts as the
 * body, every other part with a file name (or an attachment disposition) as attachment metadata.
 */
public final class MimeEmailParser {

    private static final Session SESSION = Session.getInstance(new Properties());

    /** The parsed message and the sender's normalised address. */
    public record Parsed(MimeMessage mail, String sender, MessageReceived message, String conversationKey) {
    }

    private String text;
    private String html;
    private final List<Attachment> attachments = new ArrayList<>();

    private MimeEmailParser() {
    }

    public static Parsed parse(byte[] raw, Instant now) {
        try {
            return new MimeEmailParser().read(new MimeMessage(SESSION, new ByteArrayInputStream(raw)), now);
        } catch (MessagingException | IOException e) {
            throw WebhookRejection.malformed("The body is not a MIME message: " + e.getMessage());
        }
    }

    private Parsed read(MimeMessage mail, Instant now) throws MessagingException, IOException {
        InternetAddress from = sender(mail);
        String messageId = MessageIds.parseFirst(mail.getMessageID());
        if (messageId == null) {
            throw WebhookRejection.invalid("Message-ID", "is required");
        }
        collect(mail);
        String address = from.getAddress().toLowerCase();
        ThreadRefs thread = new ThreadRefs(messageId, MessageIds.parseFirst(mail.getHeader("In-Reply-To", " ")),
                MessageIds.parseAll(mail.getHeader("References", " ")), null);
        List<String> to = new ArrayList<>();
        Address[] recipients = recipients(mail);
        for (Address recipient : recipients) {
            if (recipient instanceof InternetAddress internet && internet.getAddress() != null) {
                to.add(internet.getAddress().toLowerCase());
            }
        }
        Instant sentAt = mail.getSentDate() == null ? now : mail.getSentDate().toInstant();
        String locale = mail.getHeader("Content-Language", ",");
        MessageReceived message = new MessageReceived(Channels.EMAIL, messageId, thread, Identities.email(address, from.getPersonal()),
                List.copyOf(to), mail.getSubject(), text, html, List.copyOf(attachments), locale == null ? null : locale.trim(), null,
                false, sentAt);
        return new Parsed(mail, address, message, InboundEmailParser.conversationKey(thread));
    }

    private static InternetAddress sender(MimeMessage mail) throws MessagingException {
        Address[] from;
        try {
            from = mail.getFrom();
        } catch (AddressException e) {
            throw WebhookRejection.invalid("From", "is not an address: " + e.getMessage());
        }
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address) || address.getAddress() == null
                || !MailAddress.isValid(address.getAddress())) {
            throw WebhookRejection.invalid("From", "must hold the sender's address");
        }
        return address;
    }

    private static Address[] recipients(MimeMessage mail) throws MessagingException {
        try {
            Address[] to = mail.getRecipients(Message.RecipientType.TO);
            return to == null ? new Address[0] : to;
        } catch (AddressException e) {
            throw WebhookRejection.invalid("To", "is not a list of addresses: " + e.getMessage());
        }
    }

    private void collect(Part part) throws MessagingException, IOException {
        String fileName = fileName(part);
        if (part.isMimeType("multipart/*") && fileName == null) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child);
            }
        } else if (fileName == null && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) && part.isMimeType("text/plain")
                && text == null) {
            text = decoded(part);
        } else if (fileName == null && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) && part.isMimeType("text/html")
                && html == null) {
            html = decoded(part);
        } else if (fileName != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            attachments.add(new Attachment(fileName == null ? "attachment" : fileName, new ContentType(part.getContentType()).getBaseType(),
                    size(part), contentId(part)));
        }
    }

    /** A text part in its declared charset; one Java does not know is read as Latin-1 rather than refused. */
    private static String decoded(Part part) throws MessagingException, IOException {
        try {
            Object content = part.getContent();
            return content instanceof String s ? s : new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (UnsupportedEncodingException e) {
            return new String(part.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static String fileName(Part part) throws MessagingException {
        try {
            String name = part.getFileName();
            return name == null ? null : MimeUtility.decodeText(name);
        } catch (UnsupportedEncodingException e) {
            return part.getFileName();
        }
    }

    private static long size(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    /** The content stays in the raw message; a {@code cid:} URL names the part when it has a Content-ID. */
    private static String contentId(Part part) throws MessagingException {
        String[] ids = part.getHeader("Content-ID");
        return ids == null || ids.length == 0 ? null : "cid:" + MessageIds.parseFirst(ids[0]);
    }
}

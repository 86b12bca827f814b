package io.supportsuite.devstack.launcher;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server for the local run: every e-mail the suite sends to a customer lands here, and the
 * launcher prints one line for each, so a developer sees acknowledgements and replies go out.
 */
final class MailCatcher implements AutoCloseable {

    private static final int KEEP_AT_MOST = 1_000;

    private final GreenMail server;
    private final Set<String> printed = new HashSet<>();
    private final Thread printer;

    MailCatcher(int port, PrintStream out) {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        printer = new Thread(() -> printNewMail(out), "mail-catcher");
        printer.setDaemon(true);
        printer.start();
    }

    int port() {
        return server.getSmtp().getPort();
    }

    private void printNewMail(PrintStream out) {
        while (!Thread.currentThread().isInterrupted()) {
            MimeMessage[] received = server.getReceivedMessages();
            for (MimeMessage mail : received) {
                try {
                    if (printed.add(mail.getMessageID())) {
                        out.printf("  mail to %s: %s%n", String.join(", ", java.util.Arrays.stream(
                                mail.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList()),
                                mail.getSubject());
                    }
                } catch (MessagingException e) {
                    out.println("  mail received (unreadable: " + e.getMessage() + ")");
                }
            }
            if (received.length >= KEEP_AT_MOST) {
                // Keep memory and this loop's work flat however much the suite sends (a load test sends a lot).
                // A mail landing between the listing and the purge is dropped unprinted; only under such load.
                purge();
                printed.clear();
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void purge() {
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("Could not empty the mail catcher", e);
        }
    }

    @Override
    public void close() {
        printer.interrupt();
        server.stop();
    }
}

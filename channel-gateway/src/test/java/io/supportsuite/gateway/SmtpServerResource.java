package io.supportsuite.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real SMTP server in the test JVM (GreenMail) on a free port; the gateway's mailer points at it. */
public class SmtpServerResource implements QuarkusTestResourceLifecycleManager {

    private static volatile GreenMail server;

    @Override
    public Map<String, String> start() {
        if (server == null) {
            int port = freePort();
            GreenMail started = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            started.start();
            server = started;
        }
        return Map.of("quarkus.mailer.port", String.valueOf(server.getSmtp().getPort()));
    }

    @Override
    public void stop() {
        // Kept for the JVM's other application starts; GreenMail's threads are daemons.
    }

    /** Every mail received so far with this Message-ID header (angle brackets included). */
    public static List<MimeMessage> received(String messageIdHeader) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> messageIdHeader.equals(header(m, "Message-ID"))).toList();
    }

    public static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

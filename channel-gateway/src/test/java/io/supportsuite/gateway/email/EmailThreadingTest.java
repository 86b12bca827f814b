package io.supportsuite.gateway.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import io.quarkus.mailer.Mail;
import io.supportsuite.events.common.Identity;
import io.supportsuite.events.common.ThreadRefs;
import io.supportsuite.events.outbound.MessageSend;
import io.vertx.ext.mail.SMTPException;

class EmailThreadingTest {

    @Test
    void anOutgoingMailCarriesTheChosenMessageIdAndTheThreadHeaders_C3() {
        MessageSend reply = reply(new ThreadRefs("new@support-suite.local", "<c2@mail.example>",
                List.of("c1@mail.example", "c2@mail.example"), null));
        Mail mail = EmailSender.compose(reply, "new@support-suite.local");
        assertEquals(List.of("<new@support-suite.local>"), mail.getHeaders().get("Message-ID"));
        assertEquals(List.of("<c2@mail.example>"), mail.getHeaders().get("In-Reply-To"));
        assertEquals(List.of("<c1@mail.example> <c2@mail.example>"), mail.getHeaders().get("References"));
        assertEquals(List.of("jane@example.com"), mail.getTo());
    }

    @Test
    void theMessageRepliedToEndsTheReferencesWhenTheChainLacksIt() {
        assertEquals(List.of("c1@x", "c2@x"), EmailSender.references(new ThreadRefs("n@x", "c2@x", List.of("c1@x"), null), "c2@x"));
        assertEquals(List.of("c2@x"), EmailSender.references(new ThreadRefs("n@x", "c2@x", null, null), "c2@x"));
        assertEquals(List.of(), EmailSender.references(null, null));
    }

    @Test
    void smtpReplies5xxAndRefusedAddressesArePermanentTheRestTransient() {
        assertTrue(SmtpFailures.isPermanent(new SMTPException("550 no such user", 550, List.of("no such user"), false)));
        assertFalse(SmtpFailures.isPermanent(new SMTPException("451 try later", 451, List.of("try later"), false)));
        assertTrue(SmtpFailures.isPermanent(new IllegalArgumentException("an email address is invalid")));
        assertFalse(SmtpFailures.isPermanent(new ConnectException("Connection refused")));
        assertFalse(SmtpFailures.isPermanent(new IOException("wrapped", new TimeoutException())));
        assertEquals("SMTP 550: no such user",
                SmtpFailures.describe(new RuntimeException(new SMTPException("550 no such user", 550, List.of("no such user"), false))));
    }

    private static MessageSend reply(ThreadRefs thread) {
        return new MessageSend("reply:1", "agent_reply", "t1", "c1", "email", new Identity("email", "jane@example.com", null, null),
                "Re: x", "text", null, thread, "en", null);
    }
}

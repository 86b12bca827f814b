package io.supportsuite.gateway.email;

import static io.restassured.RestAssured.given;
import static io.supportsuite.gateway.Fixtures.nothingPublished;
import static io.supportsuite.gateway.Fixtures.published;
import static io.supportsuite.gateway.Fixtures.read;
import static io.supportsuite.gateway.Fixtures.receipts;
import static io.supportsuite.gateway.Fixtures.unique;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.devstack.testing.TopicProbe;
import io.supportsuite.devstack.testing.WebhookSigning;
import io.supportsuite.events.Topics;
import io.supportsuite.events.inbound.Attachment;
import io.supportsuite.events.inbound.MessageReceived;
import io.supportsuite.gateway.SmtpServerResource;
import io.supportsuite.runtime.schema.SchemaMigrator;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(SmtpServerResource.class)
class MimeEmailWebhookTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    SchemaMigrator migrator;

    @BeforeEach
    void schemaIsReady() {
        await().atMost(Duration.ofSeconds(60)).until(migrator::isMigrated);
    }

    /** A multipart/mixed mail as a Greek customer's client writes it: ISO-8859-7 text, Latvian HTML in 8 bit, a PDF. */
    static byte[] multipart(String messageId, String from) {
        Charset greek = Charset.forName("ISO-8859-7");
        Charset baltic = Charset.forName("windows-1257");
        ByteArrayOutputStream mail = new ByteArrayOutputStream();
        write(mail, StandardCharsets.US_ASCII, """
                Return-Path: <maria@example.gr>
                From: =?ISO-8859-7?B?%s?= <%s>
                To: Support <support@support-suite.local>
                Subject: =?UTF-8?B?%s?=
                Date: Mon, 02 Mar 2026 09:15:00 +0200
                Message-ID: <%s>
                In-Reply-To: <parent@mail.example.gr>
                References: <root@mail.example.gr> <parent@mail.example.gr>
                Content-Language: el
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="outer"

                --outer
                Content-Type: multipart/alternative; boundary="inner"

                --inner
                Content-Type: text/plain; charset=ISO-8859-7
                Content-Transfer-Encoding: base64

                %s
                --inner
                Content-Type: text/html; charset=windows-1257
                Content-Transfer-Encoding: 8bit

                """.formatted(b64("Μαρία Παπαδοπούλου".getBytes(greek)), from, b64("Η παραγγελία μου καθυστερεί".getBytes(StandardCharsets.UTF_8)),
                messageId, b64("Καλημέρα, η παραγγελία μου δεν έφτασε.".getBytes(greek))));
        write(mail, baltic, "<p>Labdien, mans pasūtījums nav pienācis.</p>\n");
        write(mail, StandardCharsets.US_ASCII, """
                --inner--
                --outer
                Content-Type: application/pdf; name="=?UTF-8?B?%s?="
                Content-Disposition: attachment; filename="=?UTF-8?B?%s?="
                Content-ID: <invoice-1@mail.example.gr>
                Content-Transfer-Encoding: base64

                %s
                --outer--
                """.formatted(b64("τιμολόγιο.pdf".getBytes(StandardCharsets.UTF_8)), b64("τιμολόγιο.pdf".getBytes(StandardCharsets.UTF_8)),
                b64("%PDF-1.4 fake invoice".getBytes(StandardCharsets.US_ASCII))));
        return mail.toByteArray();
    }

    /** A plain mail with extra headers, for the loop cases. */
    static byte[] plain(String messageId, String from, String headers) {
        ByteArrayOutputStream mail = new ByteArrayOutputStream();
        write(mail, StandardCharsets.US_ASCII, """
                From: %s
                To: support@support-suite.local
                Subject: Re: your ticket
                Date: Mon, 02 Mar 2026 09:15:00 +0000
                Message-ID: <%s>
                %sContent-Type: text/plain; charset=us-ascii

                I am out of the office until Monday.
                """.formatted(from, messageId, headers));
        return mail.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, Charset charset, String text) {
        out.writeBytes(text.replace("\n", "\r\n").getBytes(charset));
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static Response post(byte[] mail, String signature) {
        var request = given().contentType("message/rfc822").body(mail);
        if (signature != null) {
            request.header(WebhookSigning.HEADER, signature);
        }
        return request.post("/webhooks/email/mime");
    }

    static Response signed(byte[] mail) {
        return post(mail, WebhookSigning.signature(WebhookSigning.DEFAULT_EMAIL_SECRET, mail));
    }

    @Test
    void aMultipartMailWithForeignCharsetsAndAnAttachmentIsPublishedDecoded_C1_C3() {
        String id = unique("mime") + "@mail.example.gr";
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.INBOUND)) {
            signed(multipart(id, "Maria.P@Example.GR")).then().statusCode(202)
                    .body("items[0].key", equalTo("email:root@mail.example.gr"));
            var record = published(probe, "\"providerMessageId\":\"" + id + "\"").get(0);
            assertEquals("email:root@mail.example.gr", record.key());
            MessageReceived message = read(record, MessageReceived.class);
            assertEquals("maria.p@example.gr", message.sender().value(), "lower-cased (C2)");
            assertEquals("Μαρία Παπαδοπούλου", message.sender().displayName());
            assertEquals("Η παραγγελία μου καθυστερεί", message.subject());
            assertEquals("Καλημέρα, η παραγγελία μου δεν έφτασε.", message.text().trim());
            assertEquals("<p>Labdien, mans pasūtījums nav pienācis.</p>", message.html().trim());
            assertEquals("parent@mail.example.gr", message.thread().inReplyTo());
            assertEquals(List.of("root@mail.example.gr", "parent@mail.example.gr"), message.thread().references());
            assertEquals(List.of("support@support-suite.local"), message.recipients());
            assertEquals("el", message.localeHint());
            assertEquals(Instant.parse("2026-03-02T07:15:00Z"), message.receivedAt());
            Attachment pdf = message.attachments().get(0);
            assertEquals("τιμολόγιο.pdf", pdf.fileName());
            assertEquals("application/pdf", pdf.contentType());
            assertEquals("%PDF-1.4 fake invoice".length(), pdf.size());
            assertEquals("cid:invoice-1@mail.example.gr", pdf.url());
        }
    }

    @Test
    void aRetriedMailIsADuplicate_C4() {
        String id = unique("mime") + "@mail.example.gr";
        byte[] mail = multipart(id, unique("dup") + "@example.gr");
        signed(mail).then().statusCode(202);
        signed(mail).then().statusCode(200).body("status", equalTo("duplicate"));
        assertEquals(1, receipts(id));
    }

    @Test
    void autoRepliesBouncesBulkMailAndTheSuitesOwnMailNeverBecomeCustomerMessages() {
        record Loop(String from, String headers, String reason) {
        }
        List<Loop> loops = List.of(
                new Loop("jane@example.com", "Auto-Submitted: auto-replied\n", "auto-submitted"),
                new Loop("jane@example.com", "X-Autoreply: yes\n", "auto-reply"),
                new Loop("news@example.com", "Precedence: bulk\n", "precedence-bulk"),
                new Loop("list@example.com", "Precedence: list\n", "precedence-list"),
                new Loop("MAILER-DAEMON@mx.example.com", "", "bounce"),
                new Loop("postmaster@example.com", "", "bounce"),
                new Loop("Support <support@support-suite.local>", "", "own-address"),
                new Loop("agent.ann@support-suite.local", "", "own-address"));
        String run = unique("loop");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.INBOUND)) {
            for (Loop loop : loops) {
                String id = run + "-" + loop.reason() + "-" + unique("") + "@mail.example";
                signed(plain(id, loop.from(), loop.headers())).then().statusCode(200)
                        .body("status", equalTo("ignored"))
                        .body("items[0].reason", equalTo(loop.reason()));
                assertEquals(0, receipts(id));
            }
            assertTrue(nothingPublished(probe, run));
        }
        String human = unique("human") + "@mail.example";
        signed(plain(human, unique("jane") + "@example.com", "Auto-Submitted: no\n")).then().statusCode(202);
    }

    @Test
    void aSenderOverItsRateLimitIsCutOffAsALoop() {
        String sender = unique("loopy") + "@example.com";
        for (int i = 0; i < 20; i++) {
            signed(plain(unique("rate") + "@mail.example", sender, "")).then().statusCode(202);
        }
        signed(plain(unique("rate") + "@mail.example", sender, "")).then().statusCode(200)
                .body("items[0].reason", equalTo("sender-rate-limit"));
        signed(plain(unique("rate") + "@mail.example", unique("other") + "@example.com", "")).then().statusCode(202);
    }

    @Test
    void aBadSignatureIsRefusedWith401() {
        String id = unique("forged") + "@mail.example";
        byte[] mail = plain(id, "jane@example.com", "");
        post(mail, null).then().statusCode(401);
        post(mail, WebhookSigning.signature("guess", mail)).then().statusCode(401);
        assertEquals(0, receipts(id));
    }

    @Test
    void aMailWithoutSenderOrMessageIdIsRefusedNamingTheHeader() {
        byte[] noFrom = ("To: support@support-suite.local\r\nMessage-ID: <" + unique("x") + "@m>\r\n\r\nhi\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        signed(noFrom).then().statusCode(422).body("errors.field", hasItem("From"));
        byte[] noId = "From: jane@example.com\r\n\r\nhi\r\n".getBytes(StandardCharsets.US_ASCII);
        signed(noId).then().statusCode(422).body("errors.field", hasItem("Message-ID"));
    }
}

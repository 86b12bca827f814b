package io.supportsuite.gateway.form;

import static io.restassured.RestAssured.given;
import static io.supportsuite.gateway.Fixtures.nothingPublished;
import static io.supportsuite.gateway.Fixtures.published;
import static io.supportsuite.gateway.Fixtures.read;
import static io.supportsuite.gateway.Fixtures.unique;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.devstack.testing.TopicProbe;
import io.supportsuite.events.Topics;
import io.supportsuite.events.inbound.MessageReceived;
import io.supportsuite.gateway.SmtpServerResource;
import io.supportsuite.runtime.schema.SchemaMigrator;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(SmtpServerResource.class)
class FeedbackFormTest {

    private static final String KEY = "dev-site-key";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    SchemaMigrator migrator;

    @BeforeEach
    void schemaIsReady() {
        await().atMost(Duration.ofSeconds(60)).until(migrator::isMigrated);
    }

    static Response postJson(String site, String key, String body) {
        var request = given().contentType("application/json").header("Accept-Language", "el-GR,el;q=0.9,en;q=0.5").body(body);
        if (key != null) {
            request.header("X-Site-Key", key);
        }
        return request.post("/webhooks/form/" + site);
    }

    @Test
    void anonymousFeedbackIsAcceptedWithTheBrowsersLanguage_C1() {
        String submission = unique("sub");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.INBOUND)) {
            postJson("demo", KEY, "{\"submissionId\":\"" + submission + "\",\"message\":\"Η σελίδα πληρωμής δεν φορτώνει\","
                    + "\"pageUrl\":\"https://shop.example/checkout\"}").then().statusCode(202);
            var record = published(probe, submission).get(0);
            assertEquals("web_form:demo:" + submission, record.key());
            MessageReceived message = read(record, MessageReceived.class);
            assertEquals("web_form", message.channel());
            assertEquals("anonymous", message.sender().kind());
            assertNull(message.sender().value());
            assertEquals("el-GR", message.localeHint());
            assertEquals("Feedback on https://shop.example/checkout", message.subject());
        }
    }

    @Test
    void aPlainHtmlFormWithNameEmailAndConsentIsAcceptedAsAnEmailIdentity_C2() {
        String submission = unique("sub");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.INBOUND)) {
            given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .body("siteKey=" + KEY + "&submissionId=" + submission
                            + "&name=Nare+Petrosyan&email=Nare%40Example.AM&consent=on&message=Hello+there")
                    .post("/webhooks/form/demo").then().statusCode(202);
            MessageReceived message = read(published(probe, submission).get(0), MessageReceived.class);
            assertEquals("email", message.sender().kind());
            assertEquals("nare@example.am", message.sender().value());
            assertEquals("Nare Petrosyan", message.sender().displayName());
        }
    }

    @Test
    void aDoubleSubmitIsOneMessage_C4() {
        String body = "{\"message\":\"Double click " + unique("m") + "\"}";
        postJson("demo", KEY, body).then().statusCode(202).body("status", equalTo("accepted"));
        postJson("demo", KEY, body).then().statusCode(200).body("status", equalTo("duplicate"));
    }

    @Test
    void anUnknownSiteOrAWrongKeyIsRefusedWith401() {
        String submission = unique("sub");
        String body = "{\"submissionId\":\"" + submission + "\",\"message\":\"hi\"}";
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.INBOUND)) {
            postJson("demo", "guess", body).then().statusCode(401);
            postJson("demo", null, body).then().statusCode(401);
            postJson("elsewhere", KEY, body).then().statusCode(401);
            assertTrue(nothingPublished(probe, submission));
        }
    }

    @Test
    void aMalformedSubmissionIsRefusedNamingTheField() {
        postJson("demo", KEY, "{\"name\":\"Jane\"}").then().statusCode(422)
                .body("errors.field", hasItem("message")).body("errors.field", hasItem("consent"));
        postJson("demo", KEY, "{\"message\":\"x\",\"email\":\"jane@\",\"consent\":true,\"pageUrl\":\"javascript:alert(1)\"}").then()
                .statusCode(422).body("errors.field", hasItem("email")).body("errors.field", hasItem("pageUrl"));
        postJson("demo", KEY, "{\"message\":{\"nested\":true}}").then().statusCode(422).body("errors.field", hasItem("message"));
        postJson("demo", KEY, "message=").then().statusCode(400);
    }
}

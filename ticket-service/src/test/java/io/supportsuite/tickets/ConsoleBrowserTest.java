package io.supportsuite.tickets;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.devstack.testing.HeadlessChromium;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;
import io.supportsuite.events.sla.ClockRef;
import io.supportsuite.events.sla.SlaMet;
import io.supportsuite.events.sla.SlaWarning;
import io.supportsuite.events.ticket.TicketCreated;
import io.supportsuite.events.ticket.TicketReplied;
import jakarta.inject.Inject;

/**
 * The web console in headless Chromium: an agent logs in through the form, works the at-risk view and sees it
 * change live (SSE) without reloading the page.
 */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class ConsoleBrowserTest {

    private static ChromeDriver chrome;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    @TestHTTPResource("/console/")
    URL console;

    TicketFixture fixture;
    WebDriverWait wait;

    @BeforeAll
    static void browser() {
        chrome = HeadlessChromium.start();
    }

    @AfterAll
    static void quit() {
        if (chrome != null) {
            chrome.quit();
        }
    }

    @BeforeEach
    void open() {
        fixture = new TicketFixture(bootstrap, mapper);
        wait = new WebDriverWait(chrome, TicketFixture.WAIT);
        wait.ignoring(StaleElementReferenceException.class); // the queue re-renders on every live change
        chrome.manage().deleteAllCookies();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aWrongPasswordShowsAnErrorAndNoQueue() {
        chrome.get(console.toString());
        logIn(TicketFixture.ADMIN, "not-the-password");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertTrue(error.getText().contains("Wrong username or password"), error.getText());
        assertEquals(List.of(), chrome.findElements(By.id("queue")), "no queue without a login");
        chrome.get(console.toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-form"))); // still sent to the login page
    }

    @Test
    void theOldestAtRiskTicketLeavesTheAtRiskViewLiveAfterACannedReply_R4_C5_N7() {
        String tag = unique("risk");
        String customer = "Dana " + tag;
        List<TicketCreated> tickets = atRiskTickets(tag, customer, 3);
        TicketCreated oldest = tickets.get(0);
        String canned = unique("Apology");
        given().contentType(ContentType.JSON)
                .body(Map.of("title", canned, "body", "Hi {{customer.name}}, sorry for the wait on ticket #{{ticket.number}}. {{agent.name}}"))
                .post("/api/canned-responses").then().statusCode(201);

        logInAsAdmin();
        openAtRiskView(tag);
        List<String> rows = rowIds();
        assertEquals(tickets.stream().map(TicketCreated::ticketId).toList(), rows, "the at-risk view, soonest deadline (the oldest) first");
        markPage();

        chrome.findElement(By.cssSelector("#row-" + oldest.ticketId() + " .subject-link")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("ticket"), "data-ticket-id", oldest.ticketId()));
        new Select(chrome.findElement(By.id("canned-select"))).selectByVisibleText(canned);
        String filled = "Hi " + customer + ", sorry for the wait on ticket #" + oldest.number() + ". Administrator";
        wait.until(d -> !d.findElement(By.id("reply-body")).getDomProperty("value").isEmpty());
        assertEquals(filled, chrome.findElement(By.id("reply-body")).getDomProperty("value"), "placeholders filled");
        chrome.findElement(By.id("reply-send")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#transcript .message.outbound"), filled));

        // sla-monitor's part: the first reply meets the first-response clock.
        TicketReplied replied = fixture.event(Topics.TICKETS, EventTypes.TICKET_REPLIED, TicketReplied.class,
                e -> oldest.ticketId().equals(e.ticketId()));
        fixture.sla(oldest.ticketId(), EventTypes.SLA_MET, new SlaMet(clock(oldest.ticketId(), Instant.now().plus(Duration.ofMinutes(10))),
                replied.repliedAt()), UUID.randomUUID().toString());

        wait.until(ExpectedConditions.numberOfElementsToBe(By.id("row-" + oldest.ticketId()), 0));
        assertEquals(tickets.subList(1, 3).stream().map(TicketCreated::ticketId).toList(), rowIds());
        assertPageNotReloaded();
    }

    @Test
    void aChangeMadeBySomeoneElseAppearsLiveInTheOpenQueue() {
        String tag = unique("live");
        List<TicketCreated> tickets = atRiskTickets(tag, "Sam " + tag, 1);
        String ticket = tickets.get(0).ticketId();
        logInAsAdmin();
        openAtRiskView(tag);
        markPage();
        By priority = By.cssSelector("#row-" + ticket + " .badge.priority-urgent");
        assertEquals(0, chrome.findElements(priority).size());

        given().contentType(ContentType.JSON).body(Map.of("priority", "urgent")).put("/api/tickets/{id}/priority", ticket).then()
                .statusCode(200);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(priority, "Urgent"));

        List<TicketCreated> more = atRiskTickets(tag, "Kim " + tag, 1);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("row-" + more.get(0).ticketId())));
        assertPageNotReloaded();
    }

    /** New tickets, oldest first, each made at risk by an 80 % warning; the oldest has the soonest deadline. */
    private List<TicketCreated> atRiskTickets(String tag, String customer, int count) {
        List<TicketCreated> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            created.add(fixture.newTicket(fixture.mail().from(tag + "-" + i + "@example.com", customer).subject("Order " + tag + " " + i)));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < count; i++) {
            String id = created.get(i).ticketId();
            given().contentType(ContentType.JSON).body(Map.of("tags", List.of(tag))).put("/api/tickets/{id}/tags", id).then().statusCode(200);
            fixture.sla(id, EventTypes.SLA_WARNING, new SlaWarning(clock(id, now.plus(Duration.ofMinutes(10L + i))), 80, now),
                    UUID.randomUUID().toString());
        }
        created.forEach(t -> await().atMost(TicketFixture.WAIT).untilAsserted(() -> fixture.ticket(t.ticketId()).body("sla.atRisk", equalTo(true))));
        return created;
    }

    private static ClockRef clock(String ticketId, Instant deadline) {
        return new ClockRef("clock-" + ticketId, ticketId, "first_response", "default", "email", "normal", deadline, 28800, 36000);
    }

    private void logIn(String username, String password) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
        chrome.findElement(By.id("username")).sendKeys(username);
        chrome.findElement(By.id("password")).sendKeys(password);
        chrome.findElement(By.id("login-submit")).click();
    }

    private void logInAsAdmin() {
        chrome.get(console.toString());
        logIn(TicketFixture.ADMIN, TicketFixture.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("agent-name"), "Administrator"));
    }

    private void openAtRiskView(String tag) {
        chrome.findElement(By.id("tab-at-risk")).click();
        chrome.findElement(By.id("filter-tag")).sendKeys(tag);
        wait.until(ExpectedConditions.textToBe(By.id("live-status"), "Live"));
        wait.until(d -> !rowIds().isEmpty() && rowIds().stream().allMatch(id -> d.findElement(By.id("row-" + id)).getText().contains(tag)));
    }

    /** The queue's ticket ids, read in one script: a live re-render between two reads cannot mix two renderings. */
    @SuppressWarnings("unchecked")
    private List<String> rowIds() {
        return (List<String>) ((JavascriptExecutor) chrome).executeScript(
                "return Array.from(document.querySelectorAll('#queue-rows tr')).map(r => r.getAttribute('data-ticket-id'));");
    }

    /** A mark on the page's window: a reload would lose it. */
    private void markPage() {
        ((JavascriptExecutor) chrome).executeScript("window.consoleTestMark = 'still here';");
    }

    private void assertPageNotReloaded() {
        assertEquals("still here", ((JavascriptExecutor) chrome).executeScript("return window.consoleTestMark;"), "the page was not reloaded");
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }
}

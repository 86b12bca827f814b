package io.supportsuite.sla;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.devstack.testing.HeadlessChromium;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.sla.SlaBreached;
import jakarta.inject.Inject;

/**
 * The ops dashboard in headless Chromium (R4, N8, M1, M2): a supervisor signs in through the form, sees a
 * clock armed by real ticket events appear at risk and then, without a reload, in the breaches when its
 * deadline passes (policy dashboard-desk: 12 s); the tiles and the heatmap show what the REST API gives.
 */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class DashboardBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static ChromeDriver chrome;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    @TestHTTPResource("/dashboard/")
    URL dashboard;

    private SlaFixture sla;

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
        sla = new SlaFixture(bootstrap, mapper);
        chrome.manage().deleteAllCookies();
    }

    @AfterEach
    void close() {
        sla.close();
    }

    @Test
    void aClockArmedByRealEventsShowsAtRiskThenItsBreachArrivesLiveWithoutReload() {
        signIn("supervisor", "supervisor");
        WebDriverWait wait = live(WAIT);
        wait.until(ExpectedConditions.textToBe(By.id("live-status"), "Live"));
        chrome.executeScript("window.notReloaded = true;");

        String ticket = SlaFixture.newTicketId();
        sla.ticketCreated(ticket, SlaFixture.now(), "standard", "email", "normal", "dashboard-desk");

        By atRisk = By.cssSelector("#at-risk tr[data-ticket-id='" + ticket + "']");
        String left = wait.until(ExpectedConditions.visibilityOfElementLocated(atRisk))
                .findElement(By.className("countdown")).getText();
        assertTrue(left.matches("\\d+s|due"), "counts down the seconds left: " + left);

        By breached = By.cssSelector("#breaches tr[data-ticket-id='" + ticket + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(breached));
        wait.until(ExpectedConditions.numberOfElementsToBe(atRisk, 0));
        assertTrue(chrome.findElement(breached).getAttribute("class").contains("breached"));
        assertTrue(!chrome.findElements(By.cssSelector("#feed li[data-type='breached'][data-ticket-id='" + ticket + "']"))
                .isEmpty(), "the live feed lists the breach");
        assertEquals(Boolean.TRUE, chrome.executeScript("return window.notReloaded === true;"), "no reload");
    }

    @Test
    void aWrongPasswordShowsAnErrorAndNoDashboard() {
        signIn("supervisor", "not-the-password");
        WebDriverWait wait = live(WAIT);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertTrue(chrome.findElements(By.id("breaches")).isEmpty());
        chrome.get(dashboard.toString());
        wait.until(ExpectedConditions.urlContains("/dashboard/login.html")); // sent back to sign in
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
    }

    @Test
    void theTilesAndTheHeatmapShowWhatTheRestApiGives() {
        Instant twoDaysAgo = SlaFixture.now().minus(Duration.ofDays(2));
        for (int i = 0; i < 3; i++) {
            String ticket = SlaFixture.newTicketId();
            sla.ticketCreated(ticket, twoDaysAgo.plusSeconds(i * 60L), "standard");
            sla.await(ticket, EventTypes.SLA_BREACHED, SlaBreached.class);
        }
        signIn("admin", "admin");
        WebDriverWait wait = live(WAIT);
        wait.until(ExpectedConditions.textToBe(By.id("live-status"), "Live"));
        new Select(chrome.findElement(By.id("zone"))).selectByValue("Europe/Riga");

        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonPath summary = rest().get("/api/sla/summary").then().statusCode(200).extract().jsonPath();
            List<Integer> volume = rest().queryParam("zone", "Europe/Riga").get("/api/sla/volume").then().statusCode(200)
                    .extract().jsonPath().getList("cells.total", Integer.class);
            chrome.findElement(By.id("refresh")).click();
            Map<String, Object> expected = Map.of("tile-breaches", summary.getInt("openBreaches"),
                    "tile-at-risk", summary.getInt("atRisk"), "tile-running", summary.getInt("running"),
                    "tile-compliance", summary.getDouble("compliancePercent"));
            live(Duration.ofSeconds(3)).until(d -> expected.entrySet().stream()
                    .allMatch(e -> tile(e.getKey()).equals(e.getValue().toString()))
                    && volume.equals(heatmap()));
        });
        assertTrue(heatmap().stream().mapToInt(Integer::intValue).sum() >= 3, "the tickets are in the heatmap");
    }

    /** Opens the dashboard, which sends a signed-out browser to its login form, and signs in there. */
    private void signIn(String user, String password) {
        chrome.get(dashboard.toString());
        WebDriverWait wait = live(WAIT);
        wait.until(ExpectedConditions.urlContains("/dashboard/login.html"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
        chrome.findElement(By.id("password")).sendKeys(password);
        chrome.findElement(By.id("sign-in")).click();
    }

    private static String tile(String id) {
        String value = chrome.findElement(By.cssSelector("#" + id + " .value")).getAttribute("data-value");
        return value == null ? "" : value.contains(".") || !id.equals("tile-compliance") ? value : value + ".0";
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> heatmap() {
        List<Object> totals = (List<Object>) chrome.executeScript(
                "return Array.from(document.querySelectorAll('#heatmap .cell')).map(c => Number(c.dataset.total));");
        return totals.stream().map(t -> ((Number) t).intValue()).toList();
    }

    private static io.restassured.specification.RequestSpecification rest() {
        return given().auth().preemptive().basic("admin", "admin");
    }

    /** A wait that reads again when the dashboard re-rendered an element under it (it does on every live event). */
    private WebDriverWait live(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(chrome, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }
}

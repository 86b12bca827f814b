package io.supportsuite.devstack.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver: what the web pages' tests use.
 * Nothing is downloaded; the binaries come from the packages {@code chromium} and {@code chromium-driver}
 * (installed by {@code .ci/run}), or from {@code CHROMIUM_BIN} and {@code CHROMEDRIVER_BIN}.
 */
public final class HeadlessChromium {

    private HeadlessChromium() {
    }

    /** A fresh browser with an empty profile; the caller quits it. */
    public static ChromeDriver start() {
        Path browser = binary("CHROMIUM_BIN", "/usr/bin/chromium");
        Path driver = binary("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions()
                .setBinary(browser.toFile())
                // Without the background-networking switches Chromium keeps dialling Google's hosts, which a
                // closed network refuses; --no-sandbox because tests may run as root.
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--window-size=1400,1000", "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().withTimeout(Duration.ofSeconds(60)).build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
        return chrome;
    }

    private static Path binary(String variable, String debianPath) {
        String configured = System.getenv(variable);
        Path path = Path.of(configured == null || configured.isBlank() ? debianPath : configured);
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(path + " is missing: install Debian's chromium and chromium-driver "
                    + "(apt-get install chromium chromium-driver, as .ci/run does) or set " + variable);
        }
        return path;
    }
}

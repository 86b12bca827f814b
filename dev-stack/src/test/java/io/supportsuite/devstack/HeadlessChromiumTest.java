package io.supportsuite.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import com.sun.net.httpserver.HttpServer;

import io.supportsuite.devstack.testing.HeadlessChromium;

/** The browser the web pages' tests use starts here, loads a page from loopback and runs its script. */
class HeadlessChromiumTest {

    @Test
    void rendersALoopbackPageAndRunsItsScript() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] page = """
                <!doctype html><title>probe</title><p id="out">static</p>
                <script>document.getElementById('out').textContent = 'rendered by ' + (1 + 1);</script>
                """.getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
        ChromeDriver chrome = HeadlessChromium.start();
        try {
            chrome.get("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            assertEquals("rendered by 2", chrome.findElement(By.id("out")).getText());
        } finally {
            chrome.quit();
            server.stop(0);
        }
    }
}

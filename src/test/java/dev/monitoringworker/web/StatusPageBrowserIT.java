package dev.monitoringworker.web;

import dev.monitoringworker.support.Browser;
import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.TestDatabases;
import dev.monitoringworker.support.WorkerApp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The status page in headless Chromium against a running pipeline (PostgreSQL store, two PostgreSQL targets):
 * sign in, the grid fills in, a cell turns red when the test moves a target's value across its threshold, the
 * environment filter narrows the grid, and a connection's link opens its history: a chart per query with time and value
 * axes, its thresholds as dashed lines and red bands where it was Critical. Every page runs under its
 * Content-Security-Policy without a violation, and the browser sees the security headers and a SameSite, HttpOnly
 * session cookie. Screenshots: target/screenshots.
 */
class StatusPageBrowserIT {

    private static final String CELL = "td.cell[data-connection='%s'][data-query='replication lag']";

    @Test
    void aViewerSeesTheGridFillChangeColourFilterAndFollowsAConnectionToItsHistory() {
        String storeUrl = TestDatabases.newPostgresDatabase("page");
        String ordersUrl = TestDatabases.newPostgresDatabase("orders");
        String billingUrl = TestDatabases.newPostgresDatabase("billing");
        JdbcTemplate orders = new JdbcTemplate(TestDatabases.postgresDataSource(ordersUrl));
        JdbcTemplate billing = new JdbcTemplate(TestDatabases.postgresDataSource(billingUrl));
        for (JdbcTemplate target : List.of(orders, billing)) {
            target.execute("CREATE TABLE replica_lag (seconds DOUBLE PRECISION)");
            target.update("INSERT INTO replica_lag VALUES (12)");
        }
        Map<String, Object> settings = new HashMap<>();
        settings.put("monitoring.schedule.interval-ms", 500);
        settings.put("monitoring.api.users[0].name", "vera");
        settings.put("monitoring.api.users[0].role", "viewer");
        settings.put("monitoring.api.users[0].password-hash", new BCryptPasswordEncoder(4).encode("vera-reads-1"));
        ConfigurableApplicationContext worker = WorkerApp.start(storeUrl, "postgres", "", settings);
        ChromeDriver browser = Browser.start();
        // every page records what its Content-Security-Policy refused, from before its first script runs
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", "window.__csp = [];"
                + "document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' '"
                + " + e.sourceFile + ':' + e.lineNumber));"));
        try {
            Store store = new Store(TestDatabases.postgresDataSource(storeUrl));
            store.jdbc().update("UPDATE monitoring.DatabaseQueries SET IsEnabled = false WHERE QueryName = 'Connection Test'");
            UUID ordersId = store.connection("orders-db", "PostgreSQL", ordersUrl, "production", 5);
            store.connection("billing-db", "PostgreSQL", billingUrl, "test", 5);
            UUID query = store.query("replication lag", null, "SELECT seconds FROM replica_lag", "Scalar", 80.0, 90.0, "GreaterThan", 5, 10, false);
            store.jdbc().update("UPDATE monitoring.DatabaseQueries SET IntervalSeconds = 1, HardAfter = 1 WHERE QueryId = ?", query);
            String base = "http://localhost:" + worker.getEnvironment().getProperty("local.server.port");

            browser.get(base + "/?refresh=2");
            assertThat(browser.getCurrentUrl()).as("signed out: the login form").endsWith("/login");
            Browser.screenshot(browser, "login");
            assertThat(cspViolations(browser)).as("the login page passes its policy").isEmpty();
            browser.findElement(By.name("username")).sendKeys("vera");
            browser.findElement(By.name("password")).sendKeys("vera-reads-1");
            browser.findElement(By.cssSelector("button[type=submit], input[type=submit]")).click();

            await().atMost(Duration.ofSeconds(40)).ignoreExceptions().until(() -> state(browser, "orders-db").equals("Ok")
                    && state(browser, "billing-db").equals("Ok"));
            assertThat(cell(browser, "orders-db").getText()).contains("12");
            assertThat(background(browser, "orders-db")).as("Ok is green").isEqualTo("rgb(46, 125, 50)");
            assertThat(browser.findElement(By.id("no-alerts")).getText()).isEqualTo("Nothing is red.");
            assertThat(browser.findElement(By.id("no-maintenance")).getText()).isEqualTo("None active or scheduled.");
            // a DBA puts orders-db into maintenance with a plain insert: the page shows it, by name, with its reason
            store.jdbc().update("INSERT INTO monitoring.MaintenanceWindows (Kind, ConnectionId, StartsAt, EndsAt, Reason, CreatedBy) VALUES "
                    + "('Maintenance', ?, (now() AT TIME ZONE 'UTC') - INTERVAL '1 minute', (now() AT TIME ZONE 'UTC') + INTERVAL '1 hour', "
                    + "'storage migration', 'dba-anna')", ordersId);
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> browser.findElements(By.cssSelector("tr[data-window=Active]")).size() == 1);
            assertThat(browser.findElement(By.cssSelector("tr[data-window=Active]")).getText())
                    .contains("In maintenance", "orders-db", "storage migration", "by dba-anna");
            Browser.screenshot(browser, "status-page-ok");
            assertThat(cspViolations(browser)).as("the status page passes its policy").isEmpty();
            @SuppressWarnings("unchecked")
            Map<String, Object> headers = (Map<String, Object>) browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch(location.href).then(r => done({csp: r.headers.get('content-security-policy'),"
                    + " referrer: r.headers.get('referrer-policy'), frames: r.headers.get('x-frame-options'), types: r.headers.get('x-content-type-options')}));");
            assertThat(headers).containsEntry("csp", WebSecurity.CONTENT_SECURITY_POLICY).containsEntry("referrer", "same-origin")
                    .containsEntry("frames", "SAMEORIGIN").containsEntry("types", "nosniff");
            assertThat((String) headers.get("csp")).contains("script-src 'self'").doesNotContain("unsafe-inline");
            org.openqa.selenium.Cookie session = browser.manage().getCookieNamed("JSESSIONID");
            assertThat(session.getSameSite()).isEqualTo("Strict");
            assertThat(session.isHttpOnly()).isTrue();
            assertThat(session.isSecure()).as("plain http here; Secure comes with https (WebHardeningIT)").isFalse();

            orders.update("UPDATE replica_lag SET seconds = 97");
            await().atMost(Duration.ofSeconds(40)).ignoreExceptions().until(() -> state(browser, "orders-db").equals("Critical"));
            assertThat(background(browser, "orders-db")).as("Critical is red").isEqualTo("rgb(198, 40, 40)");
            assertThat(cell(browser, "orders-db").getText()).contains("Critical 97");
            assertThat(state(browser, "billing-db")).isEqualTo("Ok");
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> browser.findElements(By.cssSelector("tr[data-alert=Critical]")).size() == 1);
            assertThat(browser.findElement(By.cssSelector("tr[data-alert=Critical]")).getText()).contains("replication lag", "orders-db");
            assertThat(browser.findElement(By.cssSelector("[data-count=Critical]")).getText()).isEqualTo("1 Critical");
            Browser.screenshot(browser, "status-page-critical");

            new Select(browser.findElement(By.id("environment"))).selectByValue("test");
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> browser.findElements(By.cssSelector(String.format(CELL, "orders-db"))).isEmpty()
                    && state(browser, "billing-db").equals("Ok"));
            assertThat(browser.getCurrentUrl()).contains("environment=test");
            Browser.screenshot(browser, "status-page-filtered");

            // the grid is redrawn every refresh: a link found just before a redraw is gone when clicked, so click until it takes
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
                if (!browser.getCurrentUrl().contains("/connection.html")) {
                    browser.findElement(By.linkText("billing-db")).click();
                }
                return browser.getCurrentUrl().contains("/connection.html");
            });
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> browser.findElement(By.id("connection-name")).getText().equals("billing-db")
                    && !browser.findElements(By.cssSelector("tr[data-status=Ok]")).isEmpty());
            // a chart per query: time and value axes, the thresholds as dashed lines drawn on its canvas
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> browser.findElements(By.cssSelector("#trends .chart canvas")).size() == 1);
            WebElement chart = browser.findElement(By.cssSelector("#trends .chart"));
            assertThat(chart.getAttribute("data-query")).isEqualTo("replication lag");
            assertThat(chart.getAttribute("data-thresholds")).isEqualTo("warning critical");
            assertThat(chart.findElements(By.cssSelector(".u-legend .u-series .u-label")).stream().map(WebElement::getText).toList())
                    .contains("value", "warning 80", "critical 90");
            assertThat(chart.findElements(By.cssSelector(".u-axis"))).as("time and value axes").hasSizeGreaterThanOrEqualTo(2);
            assertThat(pixels(browser, 249, 168, 37)).as("the warning line's pixels").isGreaterThan(50);
            assertThat(pixels(browser, 198, 40, 40)).as("the critical line's pixels").isGreaterThan(50);
            assertThat(pixels(browser, 21, 101, 192)).as("the value line's pixels").isGreaterThan(50);
            assertThat(browser.findElement(By.id("history")).getText()).contains("replication lag", "12");
            Browser.screenshot(browser, "connection-history");
            assertThat(cspViolations(browser)).as("the connection page passes its policy").isEmpty();

            // where its results were Critical, a red band behind the line
            browser.get(base + "/connection.html?id=" + ordersId);
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> browser.findElement(By.id("connection-name")).getText().equals("orders-db")
                    && browser.findElements(By.cssSelector("#trends .chart canvas")).size() == 1);
            assertThat(pixels(browser, 198, 40, 40, 20, 60)).as("the Critical band's pixels (the line's colour, translucent)").isGreaterThan(1000);
            Browser.screenshot(browser, "connection-critical");
            assertThat(cspViolations(browser)).isEmpty();

            // a check that fails from its first run is not shown Ok until HardAfter runs have failed: its soft state shows
            UUID failing = store.query("failing check", null, "SELECT seconds FROM no_such_table", "Scalar", 80.0, 90.0, "GreaterThan", 5, 10, false);
            store.jdbc().update("UPDATE monitoring.DatabaseQueries SET IntervalSeconds = 1, HardAfter = 100 WHERE QueryId = ?", failing);
            browser.get(base + "/?refresh=2");
            By soft = By.cssSelector("td.cell[data-connection='orders-db'][data-query='failing check']");
            await().atMost(Duration.ofSeconds(40)).ignoreExceptions().until(() -> browser.findElement(soft).getAttribute("data-soft").matches("Unknown [1-9][0-9]*/100"));
            WebElement cell = browser.findElement(soft);
            assertThat(cell.getAttribute("data-state")).isEqualTo("Ok");
            assertThat(cell.getText()).containsPattern("→ Unknown [0-9]+/100");
            assertThat(cell.getAttribute("title")).contains("problem runs before it turns Unknown");
            Browser.screenshot(browser, "status-page-soft-state");
        } finally {
            browser.quit();
            worker.close();
        }
    }

    /** How many pixels of the trend chart's canvas have this colour, opaque (lines). */
    private static long pixels(ChromeDriver browser, int r, int g, int b) {
        return pixels(browser, r, g, b, 200, 255);
    }

    /** How many pixels of the trend chart's (transparent) canvas have this colour at an opacity between the two. */
    private static long pixels(ChromeDriver browser, int r, int g, int b, int minAlpha, int maxAlpha) {
        return (Long) browser.executeScript("const c = document.querySelector('#trends .chart canvas');"
                + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                + "for (let i = 0; i < d.length; i += 4) { if (Math.abs(d[i] - arguments[0]) < 8 && Math.abs(d[i + 1] - arguments[1]) < 8"
                + " && Math.abs(d[i + 2] - arguments[2]) < 8 && d[i + 3] >= arguments[3] && d[i + 3] <= arguments[4]) { n++; } } return n;",
                r, g, b, minAlpha, maxAlpha);
    }

    private static List<?> cspViolations(ChromeDriver browser) {
        return (List<?>) browser.executeScript("return window.__csp === undefined ? ['no CSP listener on this page'] : window.__csp;");
    }

    private static WebElement cell(ChromeDriver browser, String connection) {
        return browser.findElement(By.cssSelector(String.format(CELL, connection)));
    }

    private static String state(ChromeDriver browser, String connection) {
        return cell(browser, connection).getAttribute("data-state");
    }

    private static String background(ChromeDriver browser, String connection) {
        return cell(browser, connection).getCssValue("background-color").replace("rgba", "rgb").replace(", 1)", ")");
    }
}

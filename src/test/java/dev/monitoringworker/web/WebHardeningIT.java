package dev.monitoringworker.web;

import dev.monitoringworker.store.Row;
import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.TestUsers;
import dev.monitoringworker.support.WorkerApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web surface and the files of a worker on the embedded H2 store, tried as an attacker would: guessed passwords
 * are throttled per user and per address, counted and logged without the password; pages carry their security
 * headers and a SameSite cookie that turns Secure behind a TLS proxy; a refused API call makes no session; the store's
 * folder and files are the worker's alone; driver properties that open the host are refused by name and never run.
 */
@ExtendWith(OutputCaptureExtension.class)
class WebHardeningIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Path home;
    private static Path initialPassword;
    private static ConfigurableApplicationContext app;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        home = Files.createTempDirectory("mw-hardening");
        initialPassword = home.resolve("data/initial-admin-password");
        Files.createDirectories(initialPassword.getParent());
        Files.writeString(initialPassword, "left-from-the-first-start\n");
        Map<String, Object> settings = new HashMap<>(TestUsers.properties("ops", "operator", "watcher", "viewer", "root", "admin"));
        settings.put("monitoring.security.logins.max-failures", 3);
        settings.put("monitoring.api.initial-password-file", initialPassword);
        app = WorkerApp.start("jdbc:h2:file:" + home.resolve("data/monitoring") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "", settings);
        base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> get(String path, String user, String password, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int from(String address, String user, String password) throws Exception {
        return get("/api/v1/connections", user, password, "X-Forwarded-For", address).statusCode();
    }

    @Test
    void guessedPasswordsAreThrottledPerUserAndPerAddressCountedAndLoggedWithoutThePassword(CapturedOutput output) throws Exception {
        // three addresses guess ops's password once each: the user is throttled, even with the right password
        for (String address : new String[]{"10.1.0.1", "10.1.0.2", "10.1.0.3"}) {
            assertThat(from(address, "ops", "Guess-Canary-1")).isEqualTo(401);
        }
        assertThat(from("10.1.0.4", "ops", TestUsers.password("ops"))).as("ops is throttled").isEqualTo(401);
        assertThat(from("10.1.0.4", "watcher", TestUsers.password("watcher"))).as("others are not").isEqualTo(200);
        // one address guesses three users' passwords: the address is throttled, even for a right password
        for (String user : new String[]{"a1", "a2", "a3"}) {
            assertThat(from("10.2.0.9", user, "Guess-Canary-1")).isEqualTo(401);
        }
        assertThat(from("10.2.0.9", "watcher", TestUsers.password("watcher"))).as("the address is throttled").isEqualTo(401);
        assertThat(from("10.2.0.10", "watcher", TestUsers.password("watcher"))).as("other addresses are not").isEqualTo(200);

        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.getEnvironment().getProperty("local.management.port")
                + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("monitoring_logins_failed_total{surface=\"web\"} 6.0").contains("monitoring_logins_throttled_total{surface=\"web\"} 2.0");
        assertThat(output.getOut()).contains("Failed sign-in of user 'ops' from 10.1.0.1 over web", "Failed sign-in of user 'a3' from 10.2.0.9 over web",
                "Sign-in of user 'watcher' from 10.2.0.9 over web refused unchecked: too many failed sign-ins").doesNotContain("Guess-Canary-1");
    }

    @Test
    void pagesCarryTheirSecurityHeadersAndASameSiteCookieThatIsSecureBehindATlsProxy() throws Exception {
        HttpResponse<String> login = get("/login", null, null);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValue(WebSecurity.CONTENT_SECURITY_POLICY);
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(login.body()).as("the login page runs no inline script").doesNotContain("<script>").doesNotContain("onclick=");

        // a browser's navigation (text/html): the page is remembered for after signing in, in a session
        HttpResponse<String> plain = get("/", null, null, "Accept", "text/html");
        assertThat(plain.statusCode()).isEqualTo(302);
        assertThat(plain.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("http://").endsWith("/login"));
        String cookie = plain.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly").containsIgnoringCase("SameSite=Strict").doesNotContain("Secure");

        HttpResponse<String> proxied = get("/", null, null, "Accept", "text/html", "X-Forwarded-Proto", "https", "X-Forwarded-For", "10.3.0.1");
        assertThat(proxied.headers().firstValue("Location")).as("redirects keep the proxy's https")
                .hasValueSatisfying(l -> assertThat(l).startsWith("https://").endsWith("/login"));
        assertThat(proxied.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure").containsIgnoringCase("SameSite=Strict");
        assertThat(proxied.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    @Test
    void aRefusedApiCallMakesNoSession() throws Exception {
        HttpResponse<String> anonymous = get("/api/v1/connections", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().allValues("Set-Cookie")).isEmpty();
        HttpResponse<String> forbidden = get("/api/v1/keys", "watcher", TestUsers.password("watcher"), "X-Forwarded-For", "10.4.0.1");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.headers().allValues("Set-Cookie")).isEmpty();
        HttpResponse<String> allowed = get("/api/v1/connections", "watcher", TestUsers.password("watcher"), "X-Forwarded-For", "10.4.0.1");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().allValues("Set-Cookie")).as("HTTP Basic API clients get no session either").isEmpty();
    }

    @Test
    void theStoreFolderAndFilesAreTheWorkersAloneAndTheInitialPasswordFileIsGoneOnceUsersExist() throws Exception {
        Path data = home.resolve("data");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("monitoring.mv.db")))).isEqualTo("rw-------");
        assertThat(initialPassword).as("users are configured").doesNotExist();
    }

    @Test
    void driverPropertiesThatOpenTheHostAreRefusedByNameAndNeverRun() throws Exception {
        Path marker = home.resolve("opened-" + UUID.randomUUID());
        String h2Door = "jdbc:h2:mem:door;INIT=CALL FILE_WRITE('opened', '" + marker + "')";
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/connections"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("root:" + TestUsers.password("root")).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").header("X-Forwarded-For", "10.5.0.1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"connectionName\":\"door\",\"provider\":\"H2\",\"connectionString\":\""
                        + h2Door.replace("'", "\\u0027") + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(400);
        assertThat(created.body()).contains("connectionString", "'INIT' is not allowed for Provider H2");
        HttpResponse<String> pg = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/connections"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("root:" + TestUsers.password("root")).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").header("X-Forwarded-For", "10.5.0.1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"connectionName\":\"door2\",\"provider\":\"PostgreSQL\",\"connectionString\":"
                        + "\"jdbc:postgresql://db/x?socketFactory=org.springframework.context.support.ClassPathXmlApplicationContext\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(pg.statusCode()).isEqualTo(400);
        assertThat(pg.body()).contains("connectionString", "'socketFactory' is not allowed for Provider PostgreSQL");

        // the same string inserted with plain SQL, as a DBA may: an Error result naming it, and the INIT never ran
        Store store = new Store(app.getBean(DataSource.class));
        UUID connection = store.connection("door", "H2", h2Door, "door", 5);
        UUID job = store.job("door check", connection, null, "door", 1);
        store.awaitJob(job, "Succeeded", Duration.ofSeconds(60));
        Row result = store.results(job).get("door/Connection Test");
        assertThat(result.string("Status")).isEqualTo("Error");
        assertThat(result.string("ErrorMessage")).contains("connection 'door'", "'INIT' is not allowed for Provider H2");
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !Files.exists(marker));
    }
}

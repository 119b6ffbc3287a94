package dev.monitoringworker.it;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.TestDatabases;
import dev.monitoringworker.support.WorkerApp;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mail.MailComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The e-mail sink against a local SMTP server (GreenMail) that wants a login: a real PostgreSQL target's value turns
 * an alert Critical, and one plain-text mail arrives from the configured sender to both recipients, its subject naming
 * the state and the alert. The login is on the smtp component, and its password appears in no log line.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmailSinkIT {

    private static final String PASSWORD = "smtp-it-example-pass";

    @Test
    void aChangeArrivesAsOneMailToEveryRecipient(CapturedOutput output) throws Exception {
        String storeUrl = TestDatabases.newPostgresDatabase("emailstore");
        String targetUrl = TestDatabases.newPostgresDatabase("emailtarget");
        JdbcTemplate target = new JdbcTemplate(TestDatabases.postgresDataSource(targetUrl));
        target.execute("CREATE TABLE replica_lag (seconds DOUBLE PRECISION)");
        target.update("INSERT INTO replica_lag VALUES (10)");
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("monitoring@example.org", "mailer", PASSWORD));
        smtp.start();
        try {
            Map<String, Object> settings = new HashMap<>();
            settings.put("monitoring.notify.sinks", "email");
            settings.put("monitoring.notify.interval-ms", 200);
            settings.put("monitoring.notify.email.host", "127.0.0.1");
            settings.put("monitoring.notify.email.port", smtp.getSmtp().getPort());
            // GreenMail's plain SMTP port offers no STARTTLS; production keeps the default, starttls (required)
            settings.put("monitoring.notify.email.security", "none");
            settings.put("monitoring.notify.email.username", "mailer");
            settings.put("monitoring.notify.email.password", PASSWORD);
            settings.put("monitoring.notify.email.from", "monitoring@example.org");
            settings.put("monitoring.notify.email.to", "dba-team@example.org,oncall@example.org");
            try (ConfigurableApplicationContext app = WorkerApp.start(storeUrl, "postgres", "", settings)) {
                Store store = new Store(TestDatabases.postgresDataSource(storeUrl));
                store.jdbc().update("UPDATE monitoring.DatabaseQueries SET IsEnabled = false WHERE QueryName = 'Connection Test'");
                store.connection("orders-db", "PostgreSQL", targetUrl, "prod", 5);
                UUID query = store.query("replication lag", "PostgreSQL", "SELECT seconds FROM replica_lag", "Scalar", 80.0, 90.0, "GreaterThan", 5, 10, false);
                store.jdbc().update("UPDATE monitoring.DatabaseQueries SET IntervalSeconds = 1, HardAfter = 1 WHERE QueryId = ?", query);
                await().atMost(Duration.ofSeconds(30)).until(() -> "Ok".equals(state(store, query)));
                target.update("UPDATE replica_lag SET seconds = 95");

                await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= 2);
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> smtp.getReceivedMessages().length == 2);
                MimeMessage[] received = smtp.getReceivedMessages();
                assertThat(List.of(received)).allSatisfy(m -> {
                    assertThat(m.getSubject()).isEqualTo("[MonitoringWorker] Critical: replication lag on orders-db");
                    assertThat(m.getFrom()[0].toString()).isEqualTo("monitoring@example.org");
                    assertThat(m.getContentType()).startsWith("text/plain").contains("UTF-8");
                    assertThat(String.valueOf(m.getContent())).contains("Alert replication lag on orders-db: Ok -> Critical: Critical, value 95.0")
                            .contains("Connection: orders-db (prod, PostgreSQL)").contains("Value: 95.0");
                });
                assertThat(List.of(received)).flatExtracting(m -> List.of(m.getAllRecipients())).extracting(Object::toString)
                        .containsExactlyInAnyOrder("dba-team@example.org", "oncall@example.org", "dba-team@example.org", "oncall@example.org");
                assertThat(store.jdbc().queryForObject("SELECT COUNT(*) FROM monitoring.AlertEvents WHERE QueryId = ? AND NotifiedAt IS NOT NULL",
                        Integer.class, query)).as("the change recorded as sent").isEqualTo(1);

                MailComponent component = app.getBean(CamelContext.class).getComponent("smtp", MailComponent.class);
                assertThat(component.getConfiguration().getUsername()).as("the login is on the component").isEqualTo("mailer");
                assertThat(output.getAll()).as("the worker's log").contains("Started").doesNotContain(PASSWORD);
            }
        } finally {
            smtp.stop();
        }
    }

    private static String state(Store store, UUID query) {
        List<String> states = store.jdbc().queryForList("SELECT State FROM monitoring.AlertStates WHERE QueryId = ?", String.class, query);
        return states.isEmpty() ? null : states.get(0);
    }
}

package dev.monitoringworker.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationsTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Instant AT = Instant.parse("2026-11-29T10:15:30Z");
    private static final Instant BEFORE = Instant.parse("2026-11-29T10:00:00Z");

    static AlertNotice notice(String kind, String from, String to, int attempt, long ageSeconds) {
        return new AlertNotice(UUID.fromString("00000000-0000-0000-0000-0000000000e1"), 4, kind, from, to, AT, BEFORE, "value 95.0", 95.0,
                attempt, ageSeconds, UUID.fromString("00000000-0000-0000-0000-0000000000c1"), "orders-db", "prod", "PostgreSQL",
                UUID.fromString("00000000-0000-0000-0000-0000000000a1"), "replication lag", "");
    }

    @Nested
    class Payloads {

        private final NotificationPayloads payloads = new NotificationPayloads(JSON, "worker-a", "monitoring-worker", "R0UTINGKEY0123456789", "[MonitoringWorker]");

        @Test
        void webhookCarriesTheChangeTheAlertAndTheSender() throws Exception {
            JsonNode body = JSON.readTree(payloads.webhook(notice("StateChanged", "Ok", "Critical", 1, 0)));
            assertThat(body.get("eventId").asText()).isEqualTo("00000000-0000-0000-0000-0000000000e1");
            assertThat(body.get("from").asText() + ">" + body.get("to").asText()).isEqualTo("Ok>Critical");
            assertThat(body.at("/connection/name").asText()).isEqualTo("orders-db");
            assertThat(body.at("/connection/provider").asText()).isEqualTo("PostgreSQL");
            assertThat(body.at("/query/name").asText()).isEqualTo("replication lag");
            assertThat(body.get("occurredAt").asText()).isEqualTo("2026-11-29T10:15:30Z");
            assertThat(body.get("value").asDouble()).isEqualTo(95.0);
            assertThat(body.get("summary").asText()).isEqualTo("Alert replication lag on orders-db: Ok -> Critical: value 95.0");
            assertThat(body.get("sender").asText()).isEqualTo("worker-a");
        }

        @Test
        void alertmanagerFiresTheStateEnteredAndResolvesTheStateLeft() throws Exception {
            JsonNode body = JSON.readTree(payloads.alertmanager(notice("StateChanged", "Warning", "Critical", 1, 0)));
            assertThat(body.get("version").asText()).isEqualTo("4");
            assertThat(body.get("status").asText()).isEqualTo("firing");
            assertThat(body.get("alerts")).hasSize(2);
            JsonNode resolved = body.get("alerts").get(0);
            JsonNode firing = body.get("alerts").get(1);
            assertThat(resolved.get("status").asText() + ":" + resolved.at("/labels/severity").asText()).isEqualTo("resolved:warning");
            assertThat(resolved.get("startsAt").asText()).isEqualTo("2026-11-29T10:00:00Z");
            assertThat(resolved.get("endsAt").asText()).isEqualTo("2026-11-29T10:15:30Z");
            assertThat(firing.get("status").asText() + ":" + firing.at("/labels/severity").asText()).isEqualTo("firing:critical");
            assertThat(firing.get("startsAt").asText()).isEqualTo("2026-11-29T10:15:30Z");
            assertThat(firing.get("endsAt").asText()).isEqualTo("0001-01-01T00:00:00Z");
            assertThat(body.at("/commonLabels/alertname").asText()).isEqualTo("replication lag");
            assertThat(body.at("/commonLabels/severity").isMissingNode()).as("severities differ").isTrue();
            assertThat(firing.get("fingerprint").asText()).hasSize(16).isNotEqualTo(resolved.get("fingerprint").asText());
        }

        @Test
        void alertmanagerResolvesOnRecoveryAndHasNothingForFlapping() throws Exception {
            JsonNode body = JSON.readTree(payloads.alertmanager(notice("StateChanged", "Critical", "Ok", 1, 0)));
            assertThat(body.get("status").asText()).isEqualTo("resolved");
            assertThat(body.get("alerts")).hasSize(1);
            assertThat(body.at("/alerts/0/labels/severity").asText()).isEqualTo("critical");
            assertThat(payloads.alertmanager(notice("FlappingStarted", "Warning", "Warning", 1, 0))).isNull();
            assertThat(payloads.line(notice("FlappingStarted", "Warning", "Warning", 1, 0)))
                    .isEqualTo("Alert replication lag on orders-db: started flapping (notifications paused): value 95.0");
        }

        @Test
        void slackTeamsAndPagerDutyPayloads() throws Exception {
            JsonNode slack = JSON.readTree(payloads.slack(notice("StateChanged", "Warning", "Critical", 1, 0)));
            assertThat(slack.get("text").asText()).isEqualTo("Alert replication lag on orders-db: Warning -> Critical: value 95.0");
            assertThat(slack.at("/attachments/0/color").asText()).isEqualTo("#c62828");

            JsonNode teams = JSON.readTree(payloads.teams(notice("StateChanged", "Warning", "Critical", 1, 0)));
            assertThat(teams.get("type").asText()).isEqualTo("message");
            assertThat(teams.at("/attachments/0/contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
            assertThat(teams.at("/attachments/0/content/type").asText()).isEqualTo("AdaptiveCard");
            assertThat(teams.at("/attachments/0/content/body/0/color").asText()).isEqualTo("Attention");
            assertThat(teams.at("/attachments/0/content/body/2/facts/0/value").asText()).isEqualTo("orders-db");

            JsonNode trigger = JSON.readTree(payloads.pagerduty(notice("StateChanged", "Ok", "Critical", 1, 0)));
            assertThat(trigger.get("routing_key").asText()).isEqualTo("R0UTINGKEY0123456789");
            assertThat(trigger.get("event_action").asText()).isEqualTo("trigger");
            assertThat(trigger.get("dedup_key").asText()).isEqualTo("00000000-0000-0000-0000-0000000000c1/00000000-0000-0000-0000-0000000000a1/");
            assertThat(trigger.at("/payload/severity").asText()).isEqualTo("critical");
            assertThat(trigger.at("/payload/source").asText()).isEqualTo("orders-db");
            JsonNode resolve = JSON.readTree(payloads.pagerduty(notice("StateChanged", "Critical", "Ok", 1, 0)));
            assertThat(resolve.get("event_action").asText()).isEqualTo("resolve");
            assertThat(resolve.get("dedup_key")).isEqualTo(trigger.get("dedup_key"));
            assertThat(payloads.pagerduty(notice("FlappingStarted", "Warning", "Warning", 1, 0))).as("no incident").isNull();
        }
    }

    @Nested
    class Delivery {

        private final NotificationDelivery delivery = new NotificationDelivery(List.of("log", "webhook"),
                Map.of("webhook", new HttpSink("https://hooks.example.org/services/T0/B0/token-part?key=k1", "Bearer x"),
                        "alertmanager", new HttpSink("", "")), Map.of(), 20, 300, 5, 300, 3600);

        @Test
        void retriesDoubleFromTheBaseUpToTheMaximum() {
            ConnectException down = new ConnectException("Connection refused");
            assertThat(delivery.failed(notice("StateChanged", "Ok", "Critical", 1, 0), down)).containsEntry("RetryInSeconds", 5);
            assertThat(delivery.failed(notice("StateChanged", "Ok", "Critical", 2, 0), down)).containsEntry("RetryInSeconds", 10);
            assertThat(delivery.failed(notice("StateChanged", "Ok", "Critical", 4, 0), down)).containsEntry("RetryInSeconds", 40);
            assertThat(delivery.failed(notice("StateChanged", "Ok", "Critical", 30, 0), down)).containsEntry("RetryInSeconds", 300);
        }

        @Test
        void aNotificationOlderThanTheGiveUpAgeIsGivenUpWithItsError() {
            Map<String, Object> p = delivery.failed(notice("StateChanged", "Ok", "Critical", 9, 3500), new ConnectException("Connection refused"));
            assertThat(p).containsEntry("RetryInSeconds", null).containsEntry("NotifyAttempts", 9)
                    .containsEntry("NotifyError", "ConnectException: Connection refused");
        }

        @Test
        void errorsNameTheSinkNotItsUrl() {
            HttpOperationFailedException refused = new HttpOperationFailedException(
                    "https://hooks.example.org/services/T0/B0/token-part?key=k1", 503, "Service Unavailable", null, Map.of(), "");
            assertThat(delivery.describe(new RuntimeException("Multicast processing failed", refused)))
                    .isEqualTo("sink 'webhook' answered HTTP 503 Service Unavailable");
            assertThat(delivery.describe(new RuntimeException(
                    new java.io.IOException("Connect to https://hooks.example.org:443/services/T0/B0/token-part failed: timed out"))))
                    .isEqualTo("IOException: Connect to https://hooks.example.org:443 failed: timed out");
            assertThat(delivery.describe(new IllegalStateException("posting to https://hooks.example.org/services/T0/B0/token-part?key=k1")))
                    .isEqualTo("IllegalStateException: posting to <webhook url>");
        }

        @Test
        void aSinkFailureDefersTheRestOfTheRoundOnly() {
            delivery.claim();
            assertThat(delivery.sinkFailedThisRound()).isFalse();
            delivery.failed(notice("StateChanged", "Ok", "Critical", 1, 0), new ConnectException("Connection refused"));
            assertThat(delivery.sinkFailedThisRound()).isTrue();
            assertThat(delivery.deferred(notice("StateChanged", "Ok", "Warning", 1, 0))).containsEntry("RetryInSeconds", 5)
                    .containsEntry("NotifyError", "not sent: a sink failed earlier in the same round");
            delivery.claim();
            assertThat(delivery.sinkFailedThisRound()).isFalse();
            assertThat(delivery.fullRound(20)).as("a full round: more may be due").isTrue();
            assertThat(delivery.fullRound(7)).isFalse();
            delivery.failed(notice("StateChanged", "Ok", "Critical", 1, 0), new ConnectException("Connection refused"));
            assertThat(delivery.fullRound(20)).as("a sink failed: wait for the next tick").isFalse();
            delivery.claim();
            assertThat(delivery.recipients(notice("StateChanged", "Ok", "Critical", 1, 0))).isEqualTo("direct:notify-log,direct:notify-webhook");
        }

        @Test
        void unknownSinksAndHttpSinksWithoutUrlAreRefusedAtStart() {
            assertThatThrownBy(() -> new NotificationDelivery(List.of("log", "sms"), Map.of(), Map.of(), 20, 300, 5, 300, 3600))
                    .hasMessage("monitoring.notify.sinks: unknown sink 'sms', expected some of [log, webhook, alertmanager, slack, teams, pagerduty, email]");
            assertThatThrownBy(() -> new NotificationDelivery(List.of("alertmanager"), Map.of("alertmanager", new HttpSink(" ", "")), Map.of(), 20,
                    300, 5, 300, 3600)).hasMessage("monitoring.notify.alertmanager.url: required when monitoring.notify.sinks names alertmanager");
            assertThatThrownBy(() -> new NotificationDelivery(List.of("log"), Map.of(), Map.of("log", new NotifyProperties.Routing("Error", List.of())),
                    20, 300, 5, 300, 3600)).hasMessage("monitoring.notify.routing.log.min-state: 'Error' is not Warning or Critical");
            assertThatThrownBy(() -> new NotificationDelivery(List.of("log"), Map.of(), Map.of("sms", new NotifyProperties.Routing("Warning", List.of())),
                    20, 300, 5, 300, 3600)).hasMessageStartingWith("monitoring.notify.routing.sms: unknown sink");
            assertThat(new NotificationDelivery(List.of(), Map.of(), Map.of(), 20, 300, 5, 300, 3600).enabled()).isFalse();
        }

        @Test
        void eachSinkGetsTheChangesItsRoutingNames() {
            NotificationDelivery routed = new NotificationDelivery(List.of("log", "slack", "pagerduty"),
                    Map.of("slack", new HttpSink("https://hooks.slack.example/T0/B0/x", ""), "pagerduty", new HttpSink("https://pd.example/v2", "")),
                    Map.of("pagerduty", new NotifyProperties.Routing("Critical", List.of()), "slack", new NotifyProperties.Routing("Warning", List.of("staging"))),
                    20, 300, 5, 300, 3600);
            assertThat(routed.routedSinks(notice("StateChanged", "Ok", "Warning", 1, 0))).as("prod Warning: not Critical, not staging")
                    .containsExactly("log");
            assertThat(routed.routedSinks(notice("StateChanged", "Warning", "Critical", 1, 0))).containsExactly("log", "pagerduty");
            assertThat(routed.routedSinks(notice("StateChanged", "Critical", "Ok", 1, 0))).as("the recovery of a Critical").containsExactly("log", "pagerduty");
            assertThat(routed.recipients(notice("StateChanged", "Critical", "Ok", 1, 0))).isEqualTo("direct:notify-log,direct:notify-pagerduty");
        }
    }
}

package dev.monitoringworker.notify;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where alert changes are sent ({@code monitoring.notify.*}). URLs and authorization values may be secrets: give
 * them from the environment or a mounted file.
 *
 * @param sinks             where alert changes go (log, webhook, alertmanager, slack, teams, pagerduty, email); empty sends none, AlertEvents still records every change
 * @param intervalMs        how often a worker looks for changes to send
 * @param batchSize         changes taken at a time
 * @param leaseSeconds      a claimed notification whose sender died is taken up by another worker after this
 * @param retryBaseSeconds  a failed send is tried again after this, doubling with each failure
 * @param retryMaxSeconds   cap of the wait before a failed send is tried again
 * @param giveUpAfterHours  a send still failing after this is given up, kept with its error
 * @param webhook           the webhook sink: JSON of the alert change
 * @param alertmanager      the alertmanager sink: anything that takes Alertmanager's webhook JSON (version 4)
 * @param slack             the slack sink: a Slack incoming webhook
 * @param teams             the teams sink: a Microsoft Teams incoming webhook (Workflows), an Adaptive Card per change
 * @param pagerduty         the pagerduty sink: PagerDuty Events API v2, trigger and resolve under one dedup key per alert
 * @param email             the email sink: a plain-text e-mail per change, over SMTP
 * @param routing           which changes a sink gets, by sink name: the least severe state and the environments (none: all)
 */
@Validated
@ConfigurationProperties("monitoring.notify")
public record NotifyProperties(
        @DefaultValue("log") List<Sink> sinks,
        @DefaultValue("2000") @Positive long intervalMs,
        @DefaultValue("20") @Positive int batchSize,
        @DefaultValue("300") @Positive int leaseSeconds,
        @DefaultValue("5") @Positive int retryBaseSeconds,
        @DefaultValue("300") @Positive int retryMaxSeconds,
        @DefaultValue("24") @Positive long giveUpAfterHours,
        @DefaultValue @Valid Http webhook,
        @DefaultValue @Valid Alertmanager alertmanager,
        @DefaultValue @Valid Http slack,
        @DefaultValue @Valid Http teams,
        @DefaultValue @Valid PagerDuty pagerduty,
        @DefaultValue @Valid Email email,
        @DefaultValue Map<String, Routing> routing) {

    /** A notification sink. */
    public enum Sink {
        LOG, WEBHOOK, ALERTMANAGER, SLACK, TEAMS, PAGERDUTY, EMAIL;

        /** As sinks are named in configuration and in the store. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * An HTTP sink.
     *
     * @param url           where the sink POSTs each alert change; a secret: from the environment (MONITORING_NOTIFY_WEBHOOK_URL, _SLACK_URL, _TEAMS_URL)
     * @param authorization the sink's Authorization header value, if any (MONITORING_NOTIFY_WEBHOOK_AUTHORIZATION)
     */
    public record Http(@DefaultValue("") String url, @DefaultValue("") String authorization) {
    }

    /**
     * The Alertmanager sink.
     *
     * @param url           where the alertmanager sink POSTs Alertmanager webhook JSON (MONITORING_NOTIFY_ALERTMANAGER_URL)
     * @param authorization the alertmanager sink's Authorization header value, if any (MONITORING_NOTIFY_ALERTMANAGER_AUTHORIZATION)
     * @param receiver      the receiver named in the alertmanager sink's payload
     */
    public record Alertmanager(@DefaultValue("") String url, @DefaultValue("") String authorization,
                               @DefaultValue("monitoring-worker") String receiver) {
    }

    /**
     * The PagerDuty sink.
     *
     * @param url        the Events API v2 endpoint
     * @param routingKey the integration's routing key; a secret: from the environment (MONITORING_NOTIFY_PAGERDUTY_ROUTING_KEY)
     */
    public record PagerDuty(@DefaultValue("https://events.pagerduty.com/v2/enqueue") String url, @DefaultValue("") String routingKey) {
    }

    /**
     * The e-mail sink (SMTP).
     *
     * @param host                the SMTP server
     * @param port                its port: 587 for STARTTLS, 465 for SSL, 25 for a relay without either
     * @param security            how the connection is protected: starttls (required, never falls back to plain), ssl, or none
     * @param username            the SMTP login, if the server wants one
     * @param password            its password; a secret: from the environment (MONITORING_NOTIFY_EMAIL_PASSWORD)
     * @param from                the sender address
     * @param to                  the recipients
     * @param subjectPrefix       put before each subject, so rules and filters can find the worker's mail
     * @param timeoutMs           connect, read and write timeout of one send
     */
    public record Email(@DefaultValue("") String host, @DefaultValue("587") @Positive int port, @DefaultValue("starttls") MailSecurity security,
                        @DefaultValue("") String username, @DefaultValue("") String password, @DefaultValue("") String from,
                        @DefaultValue List<String> to, @DefaultValue("[MonitoringWorker]") String subjectPrefix,
                        @DefaultValue("10000") @Positive int timeoutMs) {
    }

    /** How the e-mail sink's SMTP connection is protected. */
    public enum MailSecurity {
        STARTTLS, SSL, NONE
    }

    /**
     * Which alert changes one sink gets.
     *
     * @param minState     the least severe state a change must enter or leave: Warning (all problems) or Critical
     * @param environments the connections' environments whose changes it gets; empty: all
     */
    public record Routing(@DefaultValue("Warning") String minState, @DefaultValue List<String> environments) {
    }
}

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
 * @param sinks             where alert changes go (log, webhook, alertmanager); empty sends none, AlertEvents still records every change
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
        @DefaultValue Map<String, Routing> routing) {

    /** A notification sink. */
    public enum Sink {
        LOG, WEBHOOK, ALERTMANAGER, SLACK, TEAMS, PAGERDUTY;

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
     * Which alert changes one sink gets.
     *
     * @param minState     the least severe state a change must enter or leave: Warning (all problems) or Critical
     * @param environments the connections' environments whose changes it gets; empty: all
     */
    public record Routing(@DefaultValue("Warning") String minState, @DefaultValue List<String> environments) {
    }
}

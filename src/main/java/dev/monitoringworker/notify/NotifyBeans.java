package dev.monitoringworker.notify;

import dev.monitoringworker.maintenance.MaintenanceWindows;
import dev.monitoringworker.worker.WorkerIdentity;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.component.mail.MailComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Notification delivery to the configured sinks, and its payloads. */
@Configuration(proxyBeanMethods = false)
public class NotifyBeans {

    @Bean
    MailSink mailSink(NotifyProperties notify) {
        MailSink mail = new MailSink(notify.email());
        if (notify.sinks().contains(NotifyProperties.Sink.EMAIL)) {
            mail.requireComplete();
        }
        return mail;
    }

    /** The e-mail sink's login, protection and timeouts, on the smtp component that sends it. */
    @Bean
    ComponentCustomizer emailSinkSession(MailSink mail) {
        return ComponentCustomizer.builder(MailComponent.class).withCondition((name, component) -> name.equals("smtp")).build(mail::configure);
    }

    @Bean
    NotificationDelivery notificationDelivery(NotifyProperties notify) {
        List<String> sinks = notify.sinks().stream().map(NotifyProperties.Sink::key).distinct().toList();
        Map<String, HttpSink> http = new LinkedHashMap<>();
        http.put(NotifyProperties.Sink.WEBHOOK.key(), new HttpSink(notify.webhook().url(), notify.webhook().authorization()));
        http.put(NotifyProperties.Sink.ALERTMANAGER.key(), new HttpSink(notify.alertmanager().url(), notify.alertmanager().authorization()));
        http.put(NotifyProperties.Sink.SLACK.key(), new HttpSink(notify.slack().url(), notify.slack().authorization()));
        http.put(NotifyProperties.Sink.TEAMS.key(), new HttpSink(notify.teams().url(), notify.teams().authorization()));
        http.put(NotifyProperties.Sink.PAGERDUTY.key(), new HttpSink(notify.pagerduty().url(), ""));
        if (sinks.contains(NotifyProperties.Sink.PAGERDUTY.key()) && notify.pagerduty().routingKey().isBlank()) {
            throw new IllegalArgumentException("monitoring.notify.pagerduty.routing-key: required when monitoring.notify.sinks names pagerduty");
        }
        return new NotificationDelivery(sinks, http, notify.routing(), notify.batchSize(), notify.leaseSeconds(), notify.retryBaseSeconds(),
                notify.retryMaxSeconds(), notify.giveUpAfterHours() * 3600);
    }

    @Bean
    NotificationHolds notificationHolds(MaintenanceWindows windows) {
        return new NotificationHolds(windows);
    }

    @Bean
    NotificationPayloads notificationPayloads(ObjectMapper json, WorkerIdentity worker, NotifyProperties notify) {
        return new NotificationPayloads(json, worker.name(), notify.alertmanager().receiver(), notify.pagerduty().routingKey(),
                notify.email().subjectPrefix());
    }
}

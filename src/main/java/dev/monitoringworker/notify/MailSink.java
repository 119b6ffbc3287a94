package dev.monitoringworker.notify;

import dev.monitoringworker.security.Secrets;
import org.apache.camel.Message;
import org.apache.camel.component.mail.MailComponent;
import org.apache.camel.component.mail.MailConfiguration;

import java.util.Properties;

/**
 * The e-mail sink's SMTP session and addresses. The login is set on Camel's smtp component, never in a route or
 * endpoint URI, so JMX and logs never show it; STARTTLS is required when chosen, so a server that does not offer it
 * fails the send instead of getting the mail in plain text.
 */
public class MailSink {

    private final NotifyProperties.Email email;

    public MailSink(NotifyProperties.Email email) {
        this.email = email;
        if (!email.password().isBlank()) {
            Secrets.register(email.password());
        }
    }

    /** @throws IllegalArgumentException naming the property the sink cannot go without */
    public void requireComplete() {
        if (email.host().isBlank()) {
            throw new IllegalArgumentException("monitoring.notify.email.host: required when monitoring.notify.sinks names email");
        }
        if (email.from().isBlank()) {
            throw new IllegalArgumentException("monitoring.notify.email.from: required when monitoring.notify.sinks names email");
        }
        if (email.to().isEmpty()) {
            throw new IllegalArgumentException("monitoring.notify.email.to: at least one recipient is required when monitoring.notify.sinks names email");
        }
        if (!email.username().isBlank() && email.password().isBlank()) {
            throw new IllegalArgumentException("monitoring.notify.email.password: required with monitoring.notify.email.username (MONITORING_NOTIFY_EMAIL_PASSWORD)");
        }
    }

    /** The smtp component's login, protection and timeouts. */
    public void configure(MailComponent smtp) {
        MailConfiguration c = smtp.getConfiguration();
        Properties session = new Properties();
        if (!email.username().isBlank()) {
            c.setUsername(email.username());
            c.setPassword(email.password());
            session.put("mail.smtp.auth", "true");
        }
        switch (email.security()) {
            case STARTTLS -> {
                session.put("mail.smtp.starttls.enable", "true");
                session.put("mail.smtp.starttls.required", "true");
            }
            case SSL -> session.put("mail.smtp.ssl.enable", "true");
            case NONE -> {
            }
        }
        String timeout = String.valueOf(email.timeoutMs());
        session.put("mail.smtp.connectiontimeout", timeout);
        session.put("mail.smtp.timeout", timeout);
        session.put("mail.smtp.writetimeout", timeout);
        c.setConnectionTimeout(email.timeoutMs());
        c.setAdditionalJavaMailProperties(session);
    }

    /** Sender and recipients of one message. */
    public void address(Message message) {
        message.setHeader("From", email.from());
        message.setHeader("To", String.join(", ", email.to()));
    }

    @Override
    public String toString() {
        return "MailSink[host=" + email.host() + ", to=" + email.to() + "]";
    }
}

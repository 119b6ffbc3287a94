package dev.monitoringworker.notify;

import org.apache.camel.component.mail.MailComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailSinkTest {

    private static NotifyProperties.Email email(String host, NotifyProperties.MailSecurity security, String username, String password,
                                                List<String> to) {
        return new NotifyProperties.Email(host, 587, security, username, password, "monitoring@example.org", to, "[MW]", 7000);
    }

    @Test
    void starttlsIsRequiredNotMerelyOffered() {
        MailComponent smtp = new MailComponent(new DefaultCamelContext());
        new MailSink(email("smtp.example.org", NotifyProperties.MailSecurity.STARTTLS, "mailer", "pw-unit-example", List.of("a@example.org")))
                .configure(smtp);
        assertThat(smtp.getConfiguration().getAdditionalJavaMailProperties())
                .containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.auth", "true")
                .containsEntry("mail.smtp.timeout", "7000")
                .doesNotContainKey("mail.smtp.ssl.enable");
        assertThat(smtp.getConfiguration().getUsername()).isEqualTo("mailer");
        assertThat(smtp.getConfiguration().getPassword()).isEqualTo("pw-unit-example");
    }

    @Test
    void sslAndARelayWithoutLogin() {
        MailComponent ssl = new MailComponent(new DefaultCamelContext());
        new MailSink(email("smtp.example.org", NotifyProperties.MailSecurity.SSL, "", "", List.of("a@example.org"))).configure(ssl);
        assertThat(ssl.getConfiguration().getAdditionalJavaMailProperties()).containsEntry("mail.smtp.ssl.enable", "true")
                .doesNotContainKeys("mail.smtp.starttls.enable", "mail.smtp.auth");
        assertThat(ssl.getConfiguration().getUsername()).isNull();
    }

    @Test
    void aSinkWithoutWhatItNeedsStopsTheStartNamingTheProperty() {
        assertThatThrownBy(() -> new MailSink(email("", NotifyProperties.MailSecurity.NONE, "", "", List.of("a@example.org"))).requireComplete())
                .hasMessage("monitoring.notify.email.host: required when monitoring.notify.sinks names email");
        assertThatThrownBy(() -> new MailSink(email("relay", NotifyProperties.MailSecurity.NONE, "", "", List.of())).requireComplete())
                .hasMessageStartingWith("monitoring.notify.email.to: at least one recipient");
        assertThatThrownBy(() -> new MailSink(email("relay", NotifyProperties.MailSecurity.NONE, "mailer", "", List.of("a@example.org"))).requireComplete())
                .hasMessageStartingWith("monitoring.notify.email.password: required with monitoring.notify.email.username");
    }
}

package dev.monitoringworker.config;

import dev.monitoringworker.job.PollProperties;
import dev.monitoringworker.notify.NotifyProperties;
import dev.monitoringworker.execution.TargetsProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A bad monitoring.* value stops the start, and Spring Boot's start-failure report says in one line which property,
 * which value, what is wrong and where it was set (ConfigurationFailureAnalyzer, registered in spring.factories).
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationValidationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({PollProperties.class, NotifyProperties.class, TargetsProperties.class})
    static class Properties {
    }

    @Test
    void aNegativeIntervalStopsTheStartNamingTheProperty(CapturedOutput output) {
        assertThatThrownBy(() -> start("--monitoring.poll.interval-ms=-1")).hasRootCauseInstanceOf(org.springframework.boot.context.properties.bind.validation.BindValidationException.class);
        assertThat(lineOf(output, "monitoring.poll.interval-ms"))
                .isEqualTo("monitoring.poll.interval-ms = '-1': must be greater than 0 [\"monitoring.poll.interval-ms\" from property source \"commandLineArgs\"]");
    }

    @Test
    void anUnknownSinkStopsTheStartListingTheKnownOnes(CapturedOutput output) {
        assertThatThrownBy(() -> start("--monitoring.notify.sinks=log,sms")).isInstanceOf(RuntimeException.class);
        assertThat(lineOf(output, "monitoring.notify.sinks")).startsWith("monitoring.notify.sinks = 'log,sms': not one of log, webhook, alertmanager, slack, teams, pagerduty");
    }

    @Test
    void aNestedValueIsNamedByItsFullProperty(CapturedOutput output) {
        assertThatThrownBy(() -> start("--monitoring.targets.breaker.failures=0")).isInstanceOf(RuntimeException.class);
        assertThat(lineOf(output, "monitoring.targets.breaker.failures")).startsWith("monitoring.targets.breaker.failures = '0': must be greater than 0");
    }

    @Test
    void goodValuesBindTyped() {
        try (ConfigurableApplicationContext context = start("--monitoring.notify.sinks=webhook, alertmanager", "--monitoring.poll.batch-size=50")) {
            assertThat(context.getBean(NotifyProperties.class).sinks()).containsExactly(NotifyProperties.Sink.WEBHOOK, NotifyProperties.Sink.ALERTMANAGER);
            assertThat(context.getBean(PollProperties.class).batchSize()).isEqualTo(50);
            assertThat(context.getBean(PollProperties.class).intervalMs()).isEqualTo(2000);
            assertThat(context.getBean(TargetsProperties.class).breaker().maxOpenSeconds()).isEqualTo(600);
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(Properties.class).web(WebApplicationType.NONE).logStartupInfo(false).run(args);
    }

    /** The report's one line about the property: the failure report has it on a line of its own. */
    private static String lineOf(CapturedOutput output, String property) {
        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START");
        List<String> lines = (output.getOut() + output.getErr()).lines().filter(l -> l.startsWith(property)).toList();
        assertThat(lines).as("lines starting with " + property).hasSize(1);
        return lines.get(0);
    }
}

package dev.monitoringworker.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Alert evaluation, with the worker's rule defaults. */
@Configuration(proxyBeanMethods = false)
public class AlertBeans {

    @Bean
    AlertEvaluator alertEvaluator(AlertsProperties alerts, ObjectMapper json) {
        return new AlertEvaluator(AlertRules.configured(alerts), json);
    }

    @Bean
    AlertStatements alertStatements() {
        return new AlertStatements();
    }
}

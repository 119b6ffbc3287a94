package dev.monitoringworker.retention;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Removal of old rows. */
@Configuration(proxyBeanMethods = false)
public class RetentionBeans {

    @Bean
    Retention retention(RetentionProperties retention, MeterRegistry registry) {
        return new Retention(retention.batchSize(), registry);
    }
}

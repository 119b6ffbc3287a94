package dev.monitoringworker.maintenance;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Maintenance windows and silences. */
@Configuration(proxyBeanMethods = false)
public class MaintenanceBeans {

    @Bean
    MaintenanceWindows maintenanceWindows() {
        return new MaintenanceWindows();
    }
}

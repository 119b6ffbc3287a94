package dev.monitoringworker.checks;

import dev.monitoringworker.store.StoreDialect;
import dev.monitoringworker.store.StoreProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Check packs. */
@Configuration(proxyBeanMethods = false)
public class CheckBeans {

    @Bean
    CheckInstaller checkInstaller(NamedParameterJdbcTemplate jdbc, StoreProperties store) {
        return new CheckInstaller(jdbc, StoreDialect.fromKey(store.dialect()));
    }
}

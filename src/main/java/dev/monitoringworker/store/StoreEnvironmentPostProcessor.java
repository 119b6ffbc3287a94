package dev.monitoringworker.store;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;
import java.util.Map;

/**
 * Derives settings that follow from others, as defaults any property may override:
 * the store dialect from {@code spring.datasource.url}, Flyway's migration folder and schema from the dialect,
 * and the embedded demo switched off on every store but H2 (whatever else says). Where routes load from is
 * {@code worker.RouteFilesEnvironmentPostProcessor}'s.
 */
public class StoreEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        String dialectKey = env.getProperty("monitoring.store.dialect");
        StoreDialect dialect = dialectKey != null && !dialectKey.isBlank()
                ? StoreDialect.fromKey(dialectKey)
                : StoreDialect.fromJdbcUrl(env.getProperty("spring.datasource.url"));
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("monitoring.store.dialect", dialect.key());
        defaults.put("spring.flyway.locations", "classpath:db/migration/" + dialect.key());
        defaults.put("spring.flyway.schemas", dialect.schema());
        env.getPropertySources().addLast(new MapPropertySource("monitoringDerivedDefaults", defaults));
        if (dialect != StoreDialect.H2) {
            // the embedded demo monitors the embedded H2 store itself: there is nothing of it on any other store
            env.getPropertySources().addFirst(new MapPropertySource("monitoringDemoOnlyOnH2", Map.of("monitoring.demo.enabled", false)));
        }
    }
}

package dev.monitoringworker.store;

import dev.monitoringworker.worker.RouteFilesEnvironmentPostProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreDialectTest {

    @Test
    void dialectFollowsTheStoreUrl() {
        assertThat(StoreDialect.fromJdbcUrl("jdbc:h2:file:./data/monitoring")).isEqualTo(StoreDialect.H2);
        assertThat(StoreDialect.fromJdbcUrl("jdbc:postgresql://db/monitoring")).isEqualTo(StoreDialect.POSTGRESQL);
        assertThat(StoreDialect.fromJdbcUrl("jdbc:sqlserver://db:1433;databaseName=PopAI")).isEqualTo(StoreDialect.SQLSERVER);
        assertThatThrownBy(() -> StoreDialect.fromJdbcUrl("jdbc:mysql://db/x")).hasMessageContaining("jdbc:mysql is not a supported store");
    }

    @Test
    void derivedSettingsAreDefaultsThatAPropertyOverrides() {
        MockEnvironment env = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/m")
                .withProperty("monitoring.routes.dir", "does-not-exist");
        new StoreEnvironmentPostProcessor().postProcessEnvironment(env, new SpringApplication());
        new RouteFilesEnvironmentPostProcessor().postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("monitoring.store.dialect")).isEqualTo("postgresql");
        assertThat(env.getProperty("spring.flyway.locations")).isEqualTo("classpath:db/migration/postgresql");
        assertThat(env.getProperty("spring.flyway.schemas")).isEqualTo("monitoring");
        assertThat(env.getProperty("camel.main.routes-include-pattern")).isEqualTo("classpath:routes/*.camel.yaml");

        MockEnvironment overridden = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/m")
                .withProperty("monitoring.store.dialect", "h2");
        new StoreEnvironmentPostProcessor().postProcessEnvironment(overridden, new SpringApplication());
        new RouteFilesEnvironmentPostProcessor().postProcessEnvironment(overridden, new SpringApplication());
        assertThat(overridden.getProperty("spring.flyway.locations")).isEqualTo("classpath:db/migration/h2");
        assertThat(overridden.getProperty("spring.flyway.schemas")).isEqualTo("MONITORING");
        assertThat(overridden.getProperty("camel.main.routes-include-pattern")).startsWith("file:").endsWith("/routes/*.camel.yaml");
    }
}

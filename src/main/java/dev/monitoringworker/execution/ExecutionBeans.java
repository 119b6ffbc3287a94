package dev.monitoringworker.execution;

import dev.monitoringworker.security.ConnectionStringCipher;
import dev.monitoringworker.security.KeyRingBeans;
import dev.monitoringworker.security.WorkerSecurityProperties;
import dev.monitoringworker.store.StoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.LoggingLevel;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.support.LoggingExceptionHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import java.time.Duration;

/** Running monitoring SQL on targets: pools, circuit breakers, and the execution the routes call. */
@Configuration(proxyBeanMethods = false)
@Import(KeyRingBeans.class)
public class ExecutionBeans {

    @Bean(destroyMethod = "close")
    TargetPools targetPools(ConnectionStringCipher cipher, TargetsProperties targets, StoreProperties store) {
        return new TargetPools(cipher, H2Targets.enabled(targets, store), Duration.ofSeconds(targets.poolIdleSeconds()), System::nanoTime);
    }

    /** A circuit breaker per connection; its state on /actuator/prometheus as monitoring_target_circuit_state{connection}. */
    @Bean
    TargetBreakers targetBreakers(TargetPools pools, TargetsProperties targets, MeterRegistry meters) {
        TargetsProperties.Breaker breaker = targets.breaker();
        return new TargetBreakers(pools, breaker.failures(), Duration.ofSeconds(breaker.openSeconds()),
                Duration.ofSeconds(breaker.maxOpenSeconds()), meters);
    }

    @Bean
    RetiredTargets retiredTargets(TargetPools pools, TargetBreakers breakers) {
        return new RetiredTargets(pools, breakers);
    }

    /** For the run-in-process consumer: a failed run is its result row; a stack trace per run is for DEBUG only. */
    @Bean
    ExceptionHandler quietTargetRuns(CamelContext camel) {
        return new LoggingExceptionHandler(camel, TargetExecution.class, LoggingLevel.DEBUG);
    }

    @Bean
    TargetExecution targetExecution(TargetPools pools, TargetBreakers breakers, ObjectMapper json, WorkerSecurityProperties security) {
        return new TargetExecution(pools, breakers, json, security.allowPlaintext());
    }
}

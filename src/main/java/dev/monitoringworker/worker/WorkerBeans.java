package dev.monitoringworker.worker;

import dev.monitoringworker.job.InFlightJobs;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.management.JMException;

/** The worker itself: its identity and row, pause, resume and drain, and how it stops. */
@Configuration(proxyBeanMethods = false)
public class WorkerBeans {

    @Bean
    WorkerIdentity workerIdentity(Environment env, WorkerProperties worker, ObjectProvider<BuildProperties> build, ObjectMapper json) {
        // what WorkerInstances.Configuration records: the settings that shape this worker's share of the queue
        Map<String, Object> config = new LinkedHashMap<>();
        for (String key : new String[]{"monitoring.store.dialect", "monitoring.poll.interval-ms", "monitoring.poll.batch-size",
                "monitoring.jobs.lease-seconds", "monitoring.worker.job-threads", "monitoring.worker.work-threads",
                "monitoring.heartbeat.interval-ms", "monitoring.schedule.interval-ms", "spring.profiles.active"}) {
            config.put(key, env.getProperty(key));
        }
        BuildProperties props = build.getIfAvailable();
        String version = props != null ? props.getVersion() : worker.version();
        return new WorkerIdentity(worker.name(), version, worker.environment(), config, json);
    }

    /** Pause, resume, drain; the MBean monitoring.worker:type=Worker,name="<worker name>". */
    @Bean(destroyMethod = "close")
    WorkerControl workerControl(WorkerIdentity identity, InFlightJobs inFlight, ProducerTemplate producer,
                                ApplicationEventPublisher events, WorkerProperties worker, MeterRegistry meters) throws JMException {
        return new WorkerControl(identity, inFlight, producer, events, Duration.ofSeconds(worker.drainSeconds()), meters).registered();
    }

    @Bean
    WorkerShutdown workerShutdown(WorkerControl control) {
        return new WorkerShutdown(control);
    }
}

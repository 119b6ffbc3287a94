package dev.monitoringworker.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import java.util.concurrent.ExecutorService;

/** The job pipeline's beans the routes call: planning, holding, completing and scheduling jobs, and the work threads. */
@Configuration(proxyBeanMethods = false)
public class JobBeans {

    @Bean
    WorkPlanner workPlanner(ObjectMapper json) {
        return new WorkPlanner(json);
    }

    @Bean
    QueryVersions queryVersions() {
        return new QueryVersions();
    }

    @Bean
    JobCompletion jobCompletion(ObjectMapper json, JobsProperties jobs) {
        return new JobCompletion(json, new RetryPolicy(jobs.retryBaseSeconds(), jobs.retryMaxSeconds()));
    }

    @Bean
    InFlightJobs inFlightJobs(ThreadsProperties threads, PollProperties poll) {
        return new InFlightJobs(threads.jobThreads(), poll.batchSize(), poll.intervalMs());
    }

    @Bean
    ScheduleSlots scheduleSlots(ScheduleProperties schedule, MeterRegistry meters) {
        return new ScheduleSlots(schedule.intervalMs() / 1000L + 1, meters);
    }

    /** Runs (connection x query) work items; separate from the job threads so jobs and their items cannot starve each other. */
    @Bean(destroyMethod = "")
    ExecutorService workPool(CamelContext camel, ThreadsProperties threads) {
        return camel.getExecutorServiceManager().newFixedThreadPool(this, "work", threads.workThreads());
    }
}

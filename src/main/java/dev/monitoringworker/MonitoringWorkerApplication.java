package dev.monitoringworker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class MonitoringWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(MonitoringWorkerApplication.class, args);
    }
}

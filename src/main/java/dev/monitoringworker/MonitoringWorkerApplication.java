package dev.monitoringworker;

import dev.monitoringworker.cli.WorkerCli;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MonitoringWorkerApplication {

    /** The command line ({@link WorkerCli}): the worker by default, or one of its commands. */
    public static void main(String[] args) {
        int exit = WorkerCli.execute(args);
        if (exit != WorkerCli.RUNNING) {
            System.exit(exit);
        }
    }
}

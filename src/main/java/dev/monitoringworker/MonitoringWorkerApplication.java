package dev.monitoringworker;

import dev.monitoringworker.alert.BacktestCommand;
import dev.monitoringworker.security.Commands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MonitoringWorkerApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(BacktestCommand.NAME)) {
            System.exit(BacktestCommand.run(args, System.out, System.err));
        }
        if (args.length > 0 && Commands.NAMES.contains(args[0])) {
            System.exit(Commands.run(args, System.in, System.out, System.err));
        }
        SpringApplication.run(MonitoringWorkerApplication.class, args);
    }
}

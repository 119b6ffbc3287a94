package dev.monitoringworker.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code worker}: runs the worker, as the jar does without a command. */
@Command(name = "worker", mixinStandardHelpOptions = true, versionProvider = WorkerVersion.class,
        description = "Runs the worker: claims and runs due jobs, serves the status page, API and metrics, until stopped (SIGTERM drains).",
        footerHeading = "%n", footer = {WorkerCli.PROPERTIES_FOOTER, WorkerCli.EXIT_CODES})
class WorkerCommand implements Callable<Integer> {

    @ParentCommand
    private WorkerCli cli;

    @Spec
    private CommandSpec spec;

    /** Spring properties, checked by {@link SpringProperties}. */
    @Unmatched
    private List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() {
        return cli.startWorker(SpringProperties.checked(spec, springArguments));
    }
}

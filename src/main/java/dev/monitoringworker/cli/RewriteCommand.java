package dev.monitoringworker.cli;

import dev.monitoringworker.security.Commands;
import dev.monitoringworker.security.ConnectionStringRewriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Rewrites the stored connection strings in batches; {@link ReencryptCommand} and {@link EncryptPlaintextCommand}. */
abstract class RewriteCommand implements Callable<Integer> {

    @ParentCommand
    private WorkerCli cli;

    @Spec
    private CommandSpec spec;

    @Option(names = "--batch-size", defaultValue = "500", paramLabel = "<rows>", description = "rows rewritten per transaction (default: ${DEFAULT-VALUE})")
    private int batchSize;

    /** Spring properties, checked by {@link SpringProperties}. */
    @Unmatched
    private List<String> springArguments = new ArrayList<>();

    abstract ConnectionStringRewriter.Mode mode();

    @Override
    public Integer call() {
        var springArgs = SpringProperties.checked(spec, springArguments);
        if (batchSize < 1) {
            throw new ParameterException(spec.commandLine(), "--batch-size must be at least 1");
        }
        return Commands.rewrite(spec.name(), mode(), batchSize, springArgs, cli.out(), cli.err());
    }
}

package dev.monitoringworker.cli;

import dev.monitoringworker.security.Commands;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.UUID;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code encrypt}: a connection string encrypted for one DatabaseConnections row. */
@Command(name = "encrypt", mixinStandardHelpOptions = true, versionProvider = WorkerVersion.class,
        description = {"Prints a connection string encrypted under the active key for the row of --connection-id (it decrypts on no other row).",
                "The connection string is typed without echo at the console, or piped into standard input; never an argument."},
        footerHeading = "%n", footer = {WorkerCli.PROPERTIES_FOOTER, WorkerCli.EXIT_CODES})
class EncryptCommand implements Callable<Integer> {

    @ParentCommand
    private WorkerCli cli;

    @Spec
    private CommandSpec spec;

    @Option(names = "--connection-id", required = true, paramLabel = "<ConnectionId>", description = "the DatabaseConnections row the value is for")
    private UUID connectionId;

    /** Spring properties, checked by {@link SpringProperties}. */
    @Unmatched
    private List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        var springArgs = SpringProperties.checked(spec, springArguments);
        String plaintext = cli.secret(spec, "Connection string: ", false);
        if (plaintext.isBlank()) {
            throw new ParameterException(spec.commandLine(), "no connection string: type it at the prompt or pipe it into standard input");
        }
        return Commands.encrypt(connectionId, plaintext, springArgs, cli.out(), cli.err());
    }
}

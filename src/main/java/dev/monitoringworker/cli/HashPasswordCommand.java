package dev.monitoringworker.cli;

import dev.monitoringworker.security.Commands;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code hash-password}: the bcrypt hash of a status page and API user's password. */
@Command(name = "hash-password", mixinStandardHelpOptions = true, versionProvider = WorkerVersion.class,
        description = {"Prints the bcrypt hash of a password, for monitoring.api.users or the users file (name:role:hash).",
                "The password is typed twice without echo at the console, or piped into standard input; never an argument."},
        footerHeading = "%n", footer = WorkerCli.EXIT_CODES)
class HashPasswordCommand implements Callable<Integer> {

    static final int MIN_LENGTH = 8;

    @ParentCommand
    private WorkerCli cli;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String password = cli.secret(spec, "Password: ", true);
        if (password.length() < MIN_LENGTH) {
            throw new ParameterException(spec.commandLine(), "a password of at least " + MIN_LENGTH + " characters is needed");
        }
        cli.out().println(Commands.hashPassword(password));
        return 0;
    }
}

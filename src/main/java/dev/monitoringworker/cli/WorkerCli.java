package dev.monitoringworker.cli;

import dev.monitoringworker.MonitoringWorkerApplication;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The jar's command line. Without a command it runs the worker; the commands manage keys and passwords and replay
 * alert rules, and start neither routes nor a web server. {@code --help} and {@code --version} work everywhere and
 * do nothing else; an unknown option stops the command with exit code 2 and the nearest known option. Spring
 * properties ({@code --spring.datasource.url=…}, {@code --monitoring.…=…}) follow a command's own options.
 */
@Command(name = "monitoring-worker", mixinStandardHelpOptions = true, versionProvider = WorkerVersion.class,
        description = "Runs monitoring SQL against fleets of databases on a schedule. Without a command: runs the worker.",
        subcommands = {WorkerCommand.class, EncryptCommand.class, ReencryptCommand.class, EncryptPlaintextCommand.class,
                BacktestCli.class, HashPasswordCommand.class, InstallChecksCommand.class},
        footerHeading = "%n", footer = {WorkerCli.PROPERTIES_FOOTER, WorkerCli.EXIT_CODES})
public class WorkerCli implements Callable<Integer> {

    static final String PROPERTIES_FOOTER = "Spring properties follow the options, as --name=value: --spring.datasource.url=…, "
            + "--monitoring.security.key-ring-file=…; environment variables and config/application.yaml apply as for the worker.";
    static final String EXIT_CODES = "Exit codes: 0 done; 1 failed (the store, the key ring, a row that could not be rewritten, "
            + "a worker that did not start); 2 misused (an unknown option, a missing or bad value).";

    /** What {@link #execute} returns once the worker runs: the process stays up. */
    public static final int RUNNING = -1;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Console console;

    @Spec
    private CommandSpec spec;

    /** Spring properties, checked by {@link SpringProperties}. */
    @Unmatched
    private List<String> springArguments = new ArrayList<>();

    WorkerCli(InputStream in, PrintStream out, PrintStream err, Console console) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.console = console;
    }

    /** The process's command line: {@link #RUNNING} when the worker was started, else the exit code. */
    public static int execute(String[] args) {
        return run(args, System.in, System.out, System.err, System.console());
    }

    /** The command line on given streams, without a console: secrets are read from {@code in}. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, in, out, err, null);
    }

    private static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Console console) {
        CommandLine commandLine = new CommandLine(new WorkerCli(in, out, err, console));
        commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        return startWorker(SpringProperties.checked(spec, springArguments));
    }

    /** Starts the worker; a start that fails was reported by Spring Boot already. */
    int startWorker(List<String> springArgs) {
        try {
            SpringApplication.run(MonitoringWorkerApplication.class, springArgs.toArray(String[]::new));
            return RUNNING;
        } catch (RuntimeException e) {
            return CommandLine.ExitCode.SOFTWARE;
        }
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    /**
     * A secret (a password, a connection string): typed without echo at the console, {@code confirm}ed by typing it
     * twice; or, when no console is attached (piped), all of standard input without its line end.
     */
    String secret(CommandSpec caller, String prompt, boolean confirm) throws IOException {
        if (console == null) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.endsWith("\r\n") ? text.substring(0, text.length() - 2) : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        }
        char[] typed = console.readPassword("%s", prompt);
        String secret = typed == null ? "" : new String(typed);
        if (confirm && !secret.isEmpty()) {
            char[] again = console.readPassword("%s", "Again: ");
            if (again == null || !secret.equals(new String(again))) {
                throw new CommandLine.ParameterException(caller.commandLine(), "the two entries differ");
            }
        }
        return secret;
    }
}

package dev.monitoringworker.cli;

import dev.monitoringworker.alert.BacktestCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code backtest}: a query's stored results replayed through its rules and proposed ones; reads the store only. */
@Command(name = "backtest", mixinStandardHelpOptions = true, versionProvider = WorkerVersion.class,
        description = {"Replays a query's stored results of the last days through its current alert rules and through proposed ones,",
                "and prints how many alerts, transitions and notifications each would have produced. Reads the store; writes nothing.",
                "A rule option left out keeps the query's current value; 'none' clears it."},
        footerHeading = "%n", footer = {WorkerCli.PROPERTIES_FOOTER, WorkerCli.EXIT_CODES})
class BacktestCli implements Callable<Integer> {

    @ParentCommand
    private WorkerCli cli;

    @Spec
    private CommandSpec spec;

    @Option(names = "--query", required = true, paramLabel = "<QueryName or QueryId>", description = "the query to replay")
    private String query;

    @Option(names = "--days", defaultValue = "7", description = "how many days of results (default: ${DEFAULT-VALUE})")
    private int days;

    @Option(names = "--connection", paramLabel = "<ConnectionName or Id>", description = "only this connection's results")
    private String connection;

    @Option(names = "--warning", paramLabel = "<n|none>", description = "proposed WarningThreshold")
    private String warning;
    @Option(names = "--critical", paramLabel = "<n|none>", description = "proposed CriticalThreshold")
    private String critical;
    @Option(names = "--operator", paramLabel = "<GreaterThan|...>", description = "proposed ComparisonOperator")
    private String operator;
    @Option(names = "--warning-recovery", paramLabel = "<n|none>", description = "proposed WarningRecovery")
    private String warningRecovery;
    @Option(names = "--critical-recovery", paramLabel = "<n|none>", description = "proposed CriticalRecovery")
    private String criticalRecovery;
    @Option(names = "--hard-after", paramLabel = "<n|none>", description = "proposed HardAfter")
    private String hardAfter;
    @Option(names = "--flap-low-percent", paramLabel = "<n|none>", description = "proposed FlapLowPercent")
    private String flapLowPercent;
    @Option(names = "--flap-high-percent", paramLabel = "<n|none>", description = "proposed FlapHighPercent")
    private String flapHighPercent;
    @Option(names = "--key-column", paramLabel = "<column|none>", description = "proposed AlertKeyColumn")
    private String keyColumn;
    @Option(names = "--value-column", paramLabel = "<column|none>", description = "proposed AlertValueColumn")
    private String valueColumn;

    /** Spring properties, checked by {@link SpringProperties}. */
    @Unmatched
    private List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() {
        var springArgs = SpringProperties.checked(spec, springArguments);
        if (days < 1) {
            throw new ParameterException(spec.commandLine(), "--days must be at least 1");
        }
        // the rule options given, as the DatabaseQueries columns they propose values for
        Map<String, String> proposed = new LinkedHashMap<>();
        for (OptionSpec option : spec.options()) {
            String column = BacktestCommand.OPTIONS.get(option.longestName().substring(2));
            if (column != null && option.getValue() != null) {
                proposed.put(column, ((String) option.getValue()).trim());
            }
        }
        return BacktestCommand.run(query, connection, days, proposed, springArgs, cli.out(), cli.err());
    }
}

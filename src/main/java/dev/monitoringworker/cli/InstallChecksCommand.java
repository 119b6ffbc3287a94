package dev.monitoringworker.cli;

import dev.monitoringworker.checks.CheckInstaller;
import dev.monitoringworker.checks.CheckPack;
import dev.monitoringworker.store.StoreDialect;
import dev.monitoringworker.store.StoreProperties;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code install-checks}: a pack of ready-made checks into the store's DatabaseQueries; idempotent. */
@Command(name = "install-checks", mixinStandardHelpOptions = true, versionProvider = WorkerVersion.class,
        description = {"Installs ready-made checks for an engine (" + "sqlserver, postgresql, mysql, oracle; or all) into the store's "
                + "DatabaseQueries.", "Idempotent: a check already installed and unchanged is brought up to the pack; one changed since it "
                + "was installed, or a query of the same name, is left as it is. The store must have been migrated by a worker of this version."},
        footerHeading = "%n", footer = {WorkerCli.PROPERTIES_FOOTER, WorkerCli.EXIT_CODES})
class InstallChecksCommand implements Callable<Integer> {

    @ParentCommand
    private WorkerCli cli;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "<pack>", description = "sqlserver, postgresql, mysql, oracle, or all")
    private List<String> packs = new ArrayList<>();

    /** Spring properties, checked by {@link SpringProperties}. */
    @Unmatched
    private List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() {
        var springArgs = SpringProperties.checked(spec, springArguments);
        List<String> chosen = new ArrayList<>();
        for (String pack : packs) {
            if (pack.equalsIgnoreCase("all")) {
                chosen.addAll(CheckPack.NAMES);
            } else if (CheckPack.NAMES.contains(pack.toLowerCase(java.util.Locale.ROOT))) {
                chosen.add(pack.toLowerCase(java.util.Locale.ROOT));
            } else {
                throw new ParameterException(spec.commandLine(), "no check pack '" + pack + "'; there are " + String.join(", ", CheckPack.NAMES) + " and all");
            }
        }
        List<String> args = new ArrayList<>(springArgs);
        args.add("--logging.level.root=WARN");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StoreOnly.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(args.toArray(String[]::new))) {
            CheckInstaller installer = context.getBean(CheckInstaller.class);
            String user = "install-checks (" + System.getProperty("user.name") + ")";
            for (String pack : chosen.stream().distinct().toList()) {
                for (CheckInstaller.Line line : installer.install(pack, user)) {
                    cli.out().println(pack + ": " + line.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + line.check()
                            + (line.note() == null ? "" : " (" + line.note() + ")"));
                }
            }
            return 0;
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            cli.err().println("install-checks failed: " + (root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage()));
            return 1;
        }
    }

    /** The store's DataSource only: no routes, no web server. Not a {@code @Configuration}, so the worker's scan leaves it out. */
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class})
    @EnableConfigurationProperties(StoreProperties.class)
    static class StoreOnly {

        @Bean
        CheckInstaller checkInstaller(NamedParameterJdbcTemplate jdbc, StoreProperties store) {
            return new CheckInstaller(jdbc, StoreDialect.fromKey(store.dialect()));
        }
    }
}

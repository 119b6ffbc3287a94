package dev.monitoringworker.cli;

import dev.monitoringworker.security.ConnectionStringRewriter;
import picocli.CommandLine.Command;

/** {@code reencrypt}: every encrypted connection string under the active key, after a key rotation. */
@Command(name = "reencrypt", mixinStandardHelpOptions = true, versionProvider = WorkerVersion.class,
        description = "Rewrites every encrypted connection string under the key ring's active key (after a rotation); changes the store.",
        footerHeading = "%n", footer = {WorkerCli.PROPERTIES_FOOTER, WorkerCli.EXIT_CODES})
class ReencryptCommand extends RewriteCommand {

    @Override
    ConnectionStringRewriter.Mode mode() {
        return ConnectionStringRewriter.Mode.REENCRYPT;
    }
}

package dev.monitoringworker.cli;

import dev.monitoringworker.security.ConnectionStringRewriter;
import picocli.CommandLine.Command;

/** {@code encrypt-plaintext}: every connection string still stored in plaintext, encrypted in place. */
@Command(name = "encrypt-plaintext", mixinStandardHelpOptions = true, versionProvider = WorkerVersion.class,
        description = "Encrypts, in place, every connection string still stored in plaintext, under the active key; changes the store.",
        footerHeading = "%n", footer = {WorkerCli.PROPERTIES_FOOTER, WorkerCli.EXIT_CODES})
class EncryptPlaintextCommand extends RewriteCommand {

    @Override
    ConnectionStringRewriter.Mode mode() {
        return ConnectionStringRewriter.Mode.ENCRYPT_PLAINTEXT;
    }
}

package dev.monitoringworker.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line without a store: help, version, refused options with the nearest known one, exit codes, secrets
 * from standard input. A command that would touch a store is given none (jdbc:h2:mem), so one that ran would be seen
 * by its output, not by a change.
 */
class WorkerCliTest {

    record Run(int code, String out, String err) {
    }

    private static Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = WorkerCli.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsTheCommandsAndExitCodesAndStartsNothing() {
        Run help = run("", "--help");
        assertThat(help.code).isZero();
        assertThat(help.out).startsWith("Usage: monitoring-worker").contains("worker", "encrypt", "reencrypt", "encrypt-plaintext", "backtest",
                "hash-password", "Exit codes: 0 done; 1 failed", "2 misused").doesNotContain("Spring Boot", "Started");
        assertThat(help.err).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"worker", "encrypt", "reencrypt", "encrypt-plaintext", "backtest", "hash-password"})
    void everyCommandHasHelpThatRunsNothing(String command) {
        Run help = run("never read", command, "--help");
        assertThat(help.code).isZero();
        assertThat(help.out).startsWith("Usage: monitoring-worker " + command).contains("Exit codes");
        assertThat(help.err).isEmpty();
        Run version = run("", command, "--version");
        assertThat(version.code).isZero();
        assertThat(version.out).startsWith("monitoring-worker ").contains("Java ");
    }

    @Test
    void anUnknownOptionIsRefusedNamingTheNearestKnownOne() {
        Run typo = run("", "backtest", "--query=q", "--dyas=3");
        assertThat(typo.code).isEqualTo(2);
        assertThat(typo.err).startsWith("Unknown option: '--dyas=3'; did you mean --days?").contains("Usage: monitoring-worker backtest");
        assertThat(typo.out).isEmpty();

        Run worker = run("", "--dyas=3");
        assertThat(worker.code).isEqualTo(2);
        assertThat(worker.err).startsWith("Unknown option: '--dyas=3'");

        Run property = run("", "worker", "--monitoring.pol.interval-ms=500");
        assertThat(property.code).isEqualTo(2);
        assertThat(property.err).startsWith("Unknown option: '--monitoring.pol.interval-ms=500'; did you mean --monitoring.poll.interval-ms?");

        Run batch = run("", "reencrypt", "--bach-size=5");
        assertThat(batch.code).isEqualTo(2);
        assertThat(batch.err).startsWith("Unknown option: '--bach-size=5'; did you mean --batch-size?");

        Run command = run("", "reencrypts");
        assertThat(command.code).isEqualTo(2);
        assertThat(command.err).startsWith("Unknown argument: 'reencrypts'; did you mean reencrypt?");
    }

    @Test
    void springPropertiesAreTakenOnlyWhereASpringPropertyCanBe() {
        assertThat(SpringProperties.isProperty("--spring.datasource.url=jdbc:h2:mem:x")).isTrue();
        assertThat(SpringProperties.isProperty("--server.port=0")).isTrue();
        assertThat(SpringProperties.isProperty("--monitoring.poll.interval-ms=500")).isTrue();
        assertThat(SpringProperties.isProperty("--monitoring.api.users[0].name=ops")).isTrue();
        assertThat(SpringProperties.isProperty("--monitoring.poll.intervall-ms=500")).isFalse();
        assertThat(SpringProperties.isProperty("--dyas=3")).isFalse();
        assertThat(SpringProperties.isProperty("-x")).isFalse();
        assertThat(SpringProperties.isProperty("worker2")).isFalse();
    }

    @Test
    void badValuesAndMissingOptionsAreMisuse() {
        assertThat(run("", "encrypt").code).isEqualTo(2);
        Run badId = run("x", "encrypt", "--connection-id=not-a-uuid");
        assertThat(badId.code).isEqualTo(2);
        assertThat(badId.err).contains("--connection-id", "not-a-uuid");
        assertThat(run("", "encrypt", "--connection-id=" + java.util.UUID.randomUUID()).err).startsWith("no connection string");
        assertThat(run("", "encrypt-plaintext", "--batch-size=0").code).isEqualTo(2);
        assertThat(run("", "backtest", "--query=q", "--days=0").code).isEqualTo(2);
        assertThat(run("", "backtest").err).startsWith("Missing required option: '--query=<QueryName or QueryId>'");
    }

    @Test
    void hashPasswordReadsAPipedPasswordAndNeverAnArgument() {
        Run hashed = run("a long passphrase\n", "hash-password");
        assertThat(hashed.code).as(hashed.err).isZero();
        assertThat(new BCryptPasswordEncoder().matches("a long passphrase", hashed.out.strip())).isTrue();
        assertThat(hashed.out).doesNotContain("a long passphrase");

        Run shortOne = run("short", "hash-password");
        assertThat(shortOne.code).isEqualTo(2);
        assertThat(shortOne.err).startsWith("a password of at least 8 characters is needed");

        Run asArgument = run("", "hash-password", "--password=a long passphrase");
        assertThat(asArgument.code).isEqualTo(2);
        assertThat(asArgument.out).isEmpty();
    }

    @Test
    void levenshteinDistance() {
        assertThat(SpringProperties.distance("--dyas", "--days")).isEqualTo(2);
        assertThat(SpringProperties.distance("", "abc")).isEqualTo(3);
        assertThat(SpringProperties.distance("same", "same")).isZero();
    }
}

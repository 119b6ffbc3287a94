package dev.monitoringworker.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The packaged jar's command line as a user meets it, started from an empty folder: help and version start nothing
 * (no store is made there), a misspelt option exits 2, and a password typed at a terminal is not echoed.
 */
class CommandLineIT {

    private static final Pattern BCRYPT = Pattern.compile("\\$2a\\$10\\$[./A-Za-z0-9]{53}");

    @Test
    void helpAndVersionStartNothing(@TempDir Path dir) throws Exception {
        Result help = jar(dir, "--help");
        assertThat(help.code).isZero();
        assertThat(help.output).startsWith("Usage: monitoring-worker").contains("hash-password", "Exit codes");
        Result reencryptHelp = jar(dir, "reencrypt", "--help");
        assertThat(reencryptHelp.code).isZero();
        assertThat(reencryptHelp.output).startsWith("Usage: monitoring-worker reencrypt");
        Result version = jar(dir, "--version");
        assertThat(version.code).isZero();
        assertThat(version.output).startsWith("monitoring-worker 0.1.0");
        try (Stream<Path> made = Files.list(dir)) {
            assertThat(made.toList()).as("no store, no password file, no log was made").isEmpty();
        }
    }

    @Test
    void aMisspeltOptionExitsTwoAndStartsNothing(@TempDir Path dir) throws Exception {
        Result typo = jar(dir, "--server.port=0", "--dyas=3");
        assertThat(typo.code).isEqualTo(2);
        assertThat(typo.output).startsWith("Unknown option: '--dyas=3'").contains("Usage: monitoring-worker");
        Result namespace = jar(dir, "--sever.port=0");
        assertThat(namespace.code).isEqualTo(2);
        assertThat(namespace.output).startsWith("Unknown option: '--sever.port=0'");
        try (Stream<Path> made = Files.list(dir)) {
            assertThat(made.toList()).isEmpty();
        }
    }

    @Test
    void aPasswordTypedAtATerminalIsNotEchoed(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script gives the command a terminal");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder("/usr/bin/script", "-qfec", java + " -jar " + jarFile() + " hash-password", "/dev/null")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        Terminal terminal = new Terminal(process.getInputStream());
        OutputStream keyboard = process.getOutputStream();
        terminal.await("Password: ");
        keyboard.write("typed secret 42\n".getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
        terminal.await("Again: ");
        keyboard.write("typed secret 42\n".getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String screen = terminal.rest();
        assertThat(process.exitValue()).as(screen).isZero();
        assertThat(screen).doesNotContain("typed secret 42");
        Matcher hash = BCRYPT.matcher(screen);
        assertThat(hash.find()).as(screen).isTrue();
        assertThat(new BCryptPasswordEncoder().matches("typed secret 42", hash.group())).isTrue();
    }

    record Result(int code, String output) {
    }

    private static Result jar(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jarFile().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static Path jarFile() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("monitoring-worker-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no packaged jar in target/: run mvn verify")).toAbsolutePath();
        }
    }

    /** What the terminal shows, read as it comes. */
    private static final class Terminal {
        private final InputStream screen;
        private final ByteArrayOutputStream seen = new ByteArrayOutputStream();

        Terminal(InputStream screen) {
            this.screen = screen;
        }

        void await(String text) throws IOException {
            while (!seen.toString(StandardCharsets.UTF_8).endsWith(text)) {
                int b = screen.read();
                assertThat(b).as("the terminal closed before showing '" + text + "': " + seen).isNotNegative();
                seen.write(b);
            }
        }

        String rest() throws IOException {
            seen.write(screen.readAllBytes());
            return seen.toString(StandardCharsets.UTF_8);
        }
    }
}

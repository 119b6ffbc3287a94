package dev.monitoringworker.web;

import dev.monitoringworker.cli.WorkerCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiUsersTest {

    static final String HASH = new BCryptPasswordEncoder(4).encode("correct horse");

    @Test
    void usersComeFromConfigurationAndAMountedFileWithTheirRoles(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("users"), "# mounted Secret\n\noncall:Operator:" + HASH + "\nauditor:viewer:{bcrypt}" + HASH + "\n");
        List<UserDetails> users = ApiUsers.load(List.of(Map.of("name", "dana", "role", "admin", "password-hash", HASH)), file.toString(),
                dir.resolve("initial"));
        assertThat(users).extracting(u -> u.getUsername() + ":" + u.getAuthorities().iterator().next().getAuthority())
                .containsExactly("dana:ROLE_ADMIN", "oncall:ROLE_OPERATOR", "auditor:ROLE_VIEWER");
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches("correct horse", users.get(1).getPassword())).isTrue();
        assertThat(dir.resolve("initial")).as("users are configured: no initial admin").doesNotExist();
    }

    @Test
    void aBadEntryIsRefusedNamingWhereItIs(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("users"), "oncall:operator:" + HASH + "\nbob:superuser:" + HASH + "\n");
        assertThatThrownBy(() -> ApiUsers.load(List.of(), file.toString(), dir.resolve("initial")))
                .hasMessageStartingWith(file + " line 2 (bob): role 'superuser' is not one of [viewer, operator, admin]");
        assertThatThrownBy(() -> ApiUsers.load(List.of(Map.of("name", "dana", "role", "admin", "password-hash", "hunter22")), "", dir))
                .hasMessage("monitoring.api.users[0]: password-hash of 'dana' is not a bcrypt hash; make one with: "
                        + "java -jar monitoring-worker.jar hash-password");
        assertThatThrownBy(() -> ApiUsers.load(List.of(Map.of("name", "dana", "role", "admin", "password-hash", HASH),
                Map.of("name", "dana", "role", "viewer", "password-hash", HASH)), "", dir)).hasMessage("user 'dana' is configured twice");
        Path malformed = Files.writeString(dir.resolve("malformed"), "just-a-name\n");
        assertThatThrownBy(() -> ApiUsers.load(List.of(), malformed.toString(), dir)).hasMessage(malformed + " line 1: expected name:role:bcrypt-hash");
    }

    @Test
    void withoutUsersAnAdminGetsARandomPasswordInAFileOnlyTheWorkerReads(@TempDir Path dir) throws Exception {
        Path initial = dir.resolve("data").resolve("initial-admin-password");
        List<UserDetails> first = ApiUsers.load(List.of(), "", initial);
        String password = Files.readString(initial).trim();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(initial))).isEqualTo("rw-------");
        assertThat(first).singleElement().satisfies(u -> {
            assertThat(u.getUsername()).isEqualTo("admin");
            assertThat(u.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");
            assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches(password, u.getPassword())).isTrue();
        });
        List<UserDetails> again = ApiUsers.load(List.of(), "", initial);
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches(password, again.get(0).getPassword()))
                .as("a restart keeps the same password").isTrue();
    }

    @Test
    void hashPasswordPrintsABcryptHashOfStandardInput() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = WorkerCli.run(new String[]{"hash-password"}, new ByteArrayInputStream("a long passphrase\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        String hash = out.toString(StandardCharsets.UTF_8).trim();
        assertThat(hash).startsWith("$2a$10$");
        assertThat(new BCryptPasswordEncoder().matches("a long passphrase", hash)).isTrue();
        assertThat(WorkerCli.run(new String[]{"hash-password"}, new ByteArrayInputStream("short".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
    }
}

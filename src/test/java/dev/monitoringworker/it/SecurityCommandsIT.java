package dev.monitoringworker.it;

import dev.monitoringworker.cli.WorkerCli;
import dev.monitoringworker.store.Row;
import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.TestDatabases;
import dev.monitoringworker.support.WorkerApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar's security commands end to end on a PostgreSQL store, with a worker that refuses plaintext:
 * encrypt and insert, encrypt plaintext rows in place, rotate the key without restarting the worker.
 */
class SecurityCommandsIT {

    private static final String PASSWORD_MARK = "Pg-Secret-";

    private record Outcome(int exit, String out, String err) {
    }

    private String url;
    private Path keys;

    private Outcome command(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--spring.datasource.url=" + url;
        all[args.length + 1] = "--spring.datasource.username=postgres";
        all[args.length + 2] = "--monitoring.security.key-ring-file=" + keys;
        all[args.length + 3] = "--spring.h2.console.enabled=false";
        int exit = WorkerCli.run(all, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8).strip(), err.toString(StandardCharsets.UTF_8).strip());
    }

    private static String key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    @Test
    void encryptInsertRotateAndEncryptPlaintextInPlace(@TempDir Path dir) throws Exception {
        url = TestDatabases.newPostgresDatabase("secstore");
        String target = TestDatabases.newPostgresDatabase("sectarget");
        keys = dir.resolve("key-ring");
        String k1 = key();
        Files.writeString(keys, "k1=" + k1 + "\nactive=k1\n");
        try (ConfigurableApplicationContext app = WorkerApp.start(url, "postgres", "", Map.of(
                "monitoring.security.allow-plaintext", false, "monitoring.security.key-ring-file", keys.toString()))) {
            Store store = new Store(app.getBean(javax.sql.DataSource.class));
            String targetString = target.replace("?user=postgres", "?user=postgres&password=" + PASSWORD_MARK + "1");

            // encrypt for a ConnectionId chosen up front, then insert with plain SQL
            UUID encryptedId = UUID.randomUUID();
            Outcome encrypted = command(targetString + "\n", "encrypt", "--connection-id=" + encryptedId);
            assertThat(encrypted.exit()).as(encrypted.err()).isZero();
            assertThat(encrypted.out()).startsWith("enc:v1:k1:").doesNotContain(PASSWORD_MARK);
            store.jdbc().update("INSERT INTO monitoring.DatabaseConnections (ConnectionId, ConnectionName, Provider, ConnectionString, Environment) "
                    + "VALUES (?, 'encrypted', 'PostgreSQL', ?, 'sec')", encryptedId, encrypted.out());
            assertThat(runConnectionTest(store, encryptedId).string("Status")).isEqualTo("Ok");

            // a plaintext row, as the seed's example inserts it, is refused while allow-plaintext is false
            UUID plainId = store.connection("plain", "PostgreSQL", targetString, "sec", 5);
            Row refused = runConnectionTest(store, plainId);
            assertThat(refused.string("Status")).isEqualTo("Error");
            assertThat(refused.string("ErrorMessage")).startsWith("connection 'plain': ConnectionString is stored in plaintext")
                    .contains("encrypt-plaintext").doesNotContain(PASSWORD_MARK);

            Outcome inPlace = command("", "encrypt-plaintext", "--batch-size=1");
            assertThat(inPlace.exit()).as(inPlace.err()).isZero();
            assertThat(inPlace.out()).isEqualTo("encrypt-plaintext: 2 connection strings read: 1 encrypted under key 'k1', "
                    + "1 already encrypted, 0 changed by someone else meanwhile (run again), 0 failed");
            assertThat(stored(store, plainId)).startsWith("enc:v1:k1:");
            Row nowEncrypted = runConnectionTest(store, plainId);
            assertThat(nowEncrypted.string("Status")).isEqualTo("Ok");
            assertThat(nowEncrypted.string("Details")).doesNotContain("plaintextConnectionString");

            // rotation: k2 becomes active beside k1; the worker re-reads the file, reencrypt rewrites every row
            Files.writeString(keys, "k1=" + k1 + "\nk2=" + key() + "\nactive=k2\n");
            Files.setLastModifiedTime(keys, FileTime.from(Instant.now().plusSeconds(2)));
            Outcome rotated = command("", "reencrypt");
            assertThat(rotated.exit()).as(rotated.err()).isZero();
            assertThat(rotated.out()).isEqualTo("reencrypt: 2 connection strings read: 2 re-encrypted under key 'k2', 0 already under it, "
                    + "0 plaintext left as they are (run encrypt-plaintext), 0 changed by someone else meanwhile (run again), 0 failed");
            assertThat(stored(store, encryptedId)).startsWith("enc:v1:k2:");
            Row afterRotation = runConnectionTest(store, encryptedId);
            assertThat(afterRotation.string("Status")).as(afterRotation.string("ErrorMessage")).isEqualTo("Ok");
            assertThat(runConnectionTest(store, plainId).string("Status")).isEqualTo("Ok");
            assertThat(command("", "reencrypt").out()).contains("0 re-encrypted under key 'k2', 2 already under it");

            // a value copied onto another row does not decrypt there, and says so by connection name
            UUID copyId = store.connection("copied", "PostgreSQL", stored(store, encryptedId), "sec", 5);
            Row copied = runConnectionTest(store, copyId);
            assertThat(copied.string("ErrorMessage")).startsWith("connection 'copied': ConnectionString does not decrypt under key 'k2'");
            Outcome failing = command("", "reencrypt");
            assertThat(failing.exit()).isEqualTo(1);
            assertThat(failing.err()).contains("connection 'copied'").doesNotContain(PASSWORD_MARK);

            List<String> everything = store.jdbc().queryForList("SELECT CONCAT(ErrorMessage, ' ', Details) FROM monitoring.DatabaseMonitoringResults", String.class);
            assertThat(everything).noneMatch(text -> text.contains(PASSWORD_MARK));
        }
    }

    @Test
    void misuseIsExplained() {
        url = "jdbc:h2:mem:unused";
        keys = Path.of("/nonexistent");
        Outcome noId = command("x", "encrypt");
        assertThat(noId.exit()).isEqualTo(2);
        assertThat(noId.err()).startsWith("Missing required option: '--connection-id=<ConnectionId>'").contains("Usage: monitoring-worker encrypt");
    }

    private static String stored(Store store, UUID id) {
        return store.jdbc().queryForObject("SELECT ConnectionString FROM monitoring.DatabaseConnections WHERE ConnectionId = ?", String.class, id);
    }

    private static Row runConnectionTest(Store store, UUID connection) {
        UUID test = store.jdbc().queryForObject("SELECT QueryId FROM monitoring.DatabaseQueries WHERE QueryName = 'Connection Test'", UUID.class);
        UUID job = store.job("check", connection, test, null, 1);
        store.awaitJob(job, "Succeeded", Duration.ofSeconds(30));
        return store.results(job).values().iterator().next();
    }
}

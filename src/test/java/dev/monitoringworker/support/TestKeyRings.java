package dev.monitoringworker.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/** A key ring file with one fresh random key, {@code k1}, active: what monitoring.security.key-ring-file reads. */
public final class TestKeyRings {

    private TestKeyRings() {
    }

    public static Path write(Path dir) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Files.writeString(dir.resolve("key-ring"), "k1=" + Base64.getEncoder().encodeToString(key) + "\nactive=k1\n");
    }
}

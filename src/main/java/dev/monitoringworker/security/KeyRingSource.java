package dev.monitoringworker.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.function.Supplier;

/**
 * Where the key ring comes from: a mounted file, re-read when it changes (rotation without restart), or
 * text from the environment. With neither, there is no ring and encrypted rows cannot run.
 */
public class KeyRingSource implements Supplier<KeyRing> {

    private static final Logger LOG = LoggerFactory.getLogger(KeyRingSource.class);
    private static final long RECHECK_NANOS = 1_000_000_000L;

    private final Path file;
    private volatile KeyRing current;
    private volatile FileTime loadedVersion;
    private volatile FileTime failedVersion;
    private volatile long checkedAt;

    private KeyRingSource(Path file, KeyRing inline) {
        this.file = file;
        this.current = inline;
    }

    /**
     * @param file   path of a key ring file, or blank
     * @param inline key ring text, or blank; used only without a file
     * @throws IllegalArgumentException when the configured ring cannot be read at start
     */
    public static KeyRingSource of(String file, String inline) {
        if (file != null && !file.isBlank()) {
            KeyRingSource source = new KeyRingSource(Path.of(file), null);
            source.reload(true);
            return source;
        }
        return new KeyRingSource(null, inline == null || inline.isBlank() ? null : KeyRing.parse(inline));
    }

    @Override
    public KeyRing get() {
        if (file != null && System.nanoTime() - checkedAt > RECHECK_NANOS) {
            reload(false);
        }
        return current;
    }

    /** Reads the file now, whenever it was last checked: for a value under a key id the ring does not hold yet. */
    public KeyRing reread() {
        if (file != null) {
            reload(false);
        }
        return current;
    }

    private synchronized void reload(boolean atStart) {
        checkedAt = System.nanoTime();
        try {
            FileTime version = Files.getLastModifiedTime(file);
            if (version.equals(loadedVersion) || version.equals(failedVersion)) {
                return;
            }
            KeyRing ring = KeyRing.parse(Files.readString(file, StandardCharsets.UTF_8));
            current = ring;
            loadedVersion = version;
            LOG.info("Key ring read from {}: active key '{}', keys {}", file, ring.activeId(), ring.ids());
        } catch (IOException | IllegalArgumentException e) {
            if (atStart) {
                throw new IllegalArgumentException("key ring file " + file + " cannot be used: " + e.getMessage(), e);
            }
            try {
                failedVersion = Files.getLastModifiedTime(file);
            } catch (IOException gone) {
                failedVersion = null;
            }
            LOG.error("Key ring file {} changed but cannot be used, keeping the keys read before: {}", file, e.getMessage());
        }
    }
}

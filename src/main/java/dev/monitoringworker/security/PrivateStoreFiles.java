package dev.monitoringworker.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The embedded H2 store holds connection strings (plaintext ones too, in the demo): its folder is made 0700 before
 * the store opens and its files 0600 once the worker has started, as the initial admin password file already is.
 * Stores that are not H2 files are left alone; so are file systems without POSIX permissions.
 */
public class PrivateStoreFiles implements ApplicationListener<SpringApplicationEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(PrivateStoreFiles.class);
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            storeFile(prepared.getEnvironment()).ifPresent(PrivateStoreFiles::privateFolder);
        } else if (event instanceof ApplicationStartedEvent started) {
            storeFile(started.getApplicationContext().getEnvironment()).ifPresent(PrivateStoreFiles::privateFiles);
        }
    }

    /** The H2 store's database file path without extension ({@code ./data/monitoring}), when the store is an H2 file. */
    static Optional<Path> storeFile(Environment env) {
        String url = env.getProperty("spring.datasource.url", "");
        if (!url.regionMatches(true, 0, "jdbc:h2:", 0, 8)) {
            return Optional.empty();
        }
        String name = url.substring(8).split(";", 2)[0];
        if (name.regionMatches(true, 0, "file:", 0, 5)) {
            name = name.substring(5);
        } else if (name.matches("(?i)^(mem|tcp|ssl|zip|nio\\w*|split|async|memFS|memLZF|retry):.*")) {
            return Optional.empty();
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.of(Path.of(name).toAbsolutePath().normalize());
    }

    static void privateFolder(Path store) {
        Path folder = store.getParent();
        if (folder == null || folder.equals(Path.of("").toAbsolutePath()) || folder.equals(Path.of(System.getProperty("user.home")))) {
            return;
        }
        try {
            Files.createDirectories(folder);
            if (!Files.getPosixFilePermissions(folder).equals(OWNER_DIR)) {
                Files.setPosixFilePermissions(folder, OWNER_DIR);
                LOG.info("Store folder {} made private to the worker's user (0700)", folder);
            }
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder inherits its parent's access rules
        } catch (IOException e) {
            LOG.warn("Store folder {} could not be made private: {}", folder, e.getMessage());
        }
    }

    static void privateFiles(Path store) {
        String prefix = store.getFileName().toString() + ".";
        try (Stream<Path> files = Files.list(store.getParent())) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix) && Files.isRegularFile(f)).toList()) {
                if (!Files.getPosixFilePermissions(file).equals(OWNER_FILE)) {
                    Files.setPosixFilePermissions(file, OWNER_FILE);
                }
            }
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the files inherit the folder's access rules
        } catch (IOException e) {
            LOG.warn("Store files {}* could not be made private: {}", store, e.getMessage());
        }
    }
}

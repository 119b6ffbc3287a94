package dev.monitoringworker.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The people who may use the status page and the API: from configuration ({@code monitoring.api.users}) and a
 * mounted file ({@code monitoring.api.users-file}, lines {@code name:role:bcrypt-hash}). Only bcrypt hashes are
 * accepted, never passwords. With no user at all, an {@code admin} is created whose random password is written to
 * a file only the worker's user can read (like Jenkins' initial admin password), never to a log.
 */
public final class ApiUsers {

    private static final Logger LOG = LoggerFactory.getLogger(ApiUsers.class);
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}");

    /** One configured user: the name (CreatedBy/ModifiedBy of their changes), the role, the bcrypt hash. */
    public record Account(String name, Role role, String passwordHash) {
        @Override
        public String toString() {
            return "Account[" + name + ", " + role + "]";
        }
    }

    private ApiUsers() {
    }

    /** @param configured entries of monitoring.api.users (name, role, password-hash) */
    public static List<UserDetails> load(List<Map<String, String>> configured, String usersFile, Path initialPasswordFile) {
        Map<String, Account> accounts = new LinkedHashMap<>();
        for (int i = 0; i < configured.size(); i++) {
            Map<String, String> u = configured.get(i);
            add(accounts, account(u.get("name"), u.get("role"), u.get("password-hash"), "monitoring.api.users[" + i + "]"));
        }
        if (usersFile != null && !usersFile.isBlank()) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of(usersFile), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("monitoring.api.users-file: cannot read " + usersFile + ": " + e.getMessage(), e);
            }
            for (int n = 0; n < lines.size(); n++) {
                String line = lines.get(n).trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(":", 3);
                String where = usersFile + " line " + (n + 1);
                if (parts.length != 3) {
                    throw new IllegalArgumentException(where + ": expected name:role:bcrypt-hash");
                }
                add(accounts, account(parts[0], parts[1], parts[2], where));
            }
        }
        if (!accounts.isEmpty()) {
            forget(initialPasswordFile);
        } else {
            accounts.put("admin", new Account("admin", Role.ADMIN, new BCryptPasswordEncoder().encode(initialPassword(initialPasswordFile))));
            LOG.warn("No users configured (monitoring.api.users, monitoring.api.users-file): user 'admin' may sign in with the password in {}; "
                    + "configure users to replace it", initialPasswordFile.toAbsolutePath());
        }
        List<UserDetails> users = new ArrayList<>();
        for (Account a : accounts.values()) {
            users.add(User.withUsername(a.name()).password("{bcrypt}" + a.passwordHash()).roles(a.role().name()).build());
        }
        return users;
    }

    static Account account(String name, String role, String hash, String where) {
        if (name == null || name.isBlank() || name.contains(":")) {
            throw new IllegalArgumentException(where + ": name is missing or contains ':'");
        }
        String bare = hash == null ? "" : hash.trim().replaceFirst("^\\{bcrypt}", "");
        if (!BCRYPT.matcher(bare).matches()) {
            throw new IllegalArgumentException(where + ": password-hash of '" + name.trim()
                    + "' is not a bcrypt hash; make one with: java -jar monitoring-worker.jar hash-password");
        }
        return new Account(name.trim(), Role.parse(role, where + " (" + name.trim() + ")"), bare);
    }

    private static void add(Map<String, Account> accounts, Account a) {
        if (accounts.putIfAbsent(a.name(), a) != null) {
            throw new IllegalArgumentException("user '" + a.name() + "' is configured twice");
        }
    }

    /** Users are configured: the initial admin is gone, and so is its password file. */
    private static void forget(Path initialPasswordFile) {
        try {
            if (Files.deleteIfExists(initialPasswordFile)) {
                LOG.info("Users are configured: the initial admin password file {} is deleted", initialPasswordFile.toAbsolutePath());
            }
        } catch (IOException e) {
            LOG.warn("Users are configured, but the initial admin password file {} could not be deleted: {}", initialPasswordFile.toAbsolutePath(),
                    e.getMessage());
        }
    }

    /** The password in the file, made (random, 0600) when the file does not exist yet. */
    private static String initialPassword(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file inherits its folder's permissions
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("initial admin password file " + file + ": " + e.getMessage(), e);
        }
    }
}

package dev.monitoringworker.security;

import dev.monitoringworker.store.Row;
import dev.monitoringworker.store.StoreDialect;
import dev.monitoringworker.store.StoreSql;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Rewrites stored connection strings in pages of ConnectionId order, each row with a compare-and-set
 * update: re-encryption under the active key (rotation) or encryption of plaintext rows in place. Stopping
 * half-way is harmless; running again continues where it matters and leaves finished rows alone.
 */
public class ConnectionStringRewriter {

    public enum Mode { REENCRYPT, ENCRYPT_PLAINTEXT }

    /** What a run did, row by row; failures name the connection and the reason, never the value. */
    public record Report(int read, int rewritten, int unchanged, int skipped, int changedMeanwhile, List<String> failures) {
        public String describe(Mode mode, String activeKey) {
            String done = mode == Mode.REENCRYPT
                    ? rewritten + " re-encrypted under key '" + activeKey + "', " + unchanged + " already under it, "
                    + skipped + " plaintext left as they are (run encrypt-plaintext)"
                    : rewritten + " encrypted under key '" + activeKey + "', " + unchanged + " already encrypted";
            return read + " connection strings read: " + done + ", " + changedMeanwhile + " changed by someone else meanwhile (run again), "
                    + failures.size() + " failed";
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ConnectionStringCipher cipher;
    private final String selectPage;
    private final String update;

    public ConnectionStringRewriter(NamedParameterJdbcTemplate jdbc, StoreDialect dialect, ConnectionStringCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.selectPage = StoreSql.load(dialect, "select-connection-strings");
        this.update = StoreSql.load(dialect, "update-connection-string");
    }

    public Report run(Mode mode, int batchSize) {
        int read = 0;
        int rewritten = 0;
        int unchanged = 0;
        int skipped = 0;
        int changedMeanwhile = 0;
        List<String> failures = new ArrayList<>();
        UUID after = new UUID(0L, 0L);
        while (true) {
            List<Map<String, Object>> page = jdbc.queryForList(selectPage, Map.of("After", after, "BatchSize", batchSize));
            if (page.isEmpty()) {
                break;
            }
            for (Map<String, Object> raw : page) {
                Row row = Row.of(raw);
                UUID id = row.uuid("ConnectionId");
                String stored = row.string("ConnectionString");
                after = id;
                read++;
                if (stored == null) {
                    skipped++;
                    continue;
                }
                boolean encrypted = ConnectionStringCipher.isEncrypted(stored);
                try {
                    String next;
                    if (mode == Mode.REENCRYPT) {
                        if (!encrypted) {
                            skipped++;
                            continue;
                        }
                        next = cipher.reencrypt(id, stored);
                    } else {
                        next = encrypted ? stored : cipher.encrypt(id, stored);
                    }
                    if (next.equals(stored)) {
                        unchanged++;
                    } else if (jdbc.update(update, Map.of("NewValue", next, "ConnectionId", id, "OldValue", stored)) == 1) {
                        rewritten++;
                    } else {
                        changedMeanwhile++;
                    }
                } catch (CipherException e) {
                    failures.add("connection '" + row.string("ConnectionName") + "' (" + id + "): " + e.getMessage());
                }
            }
        }
        return new Report(read, rewritten, unchanged, skipped, changedMeanwhile, List.copyOf(failures));
    }
}

package dev.monitoringworker.security;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The AES-256 keys that protect connection strings, by key id, with one active for new encryptions.
 * Text form, one entry per line: {@code keyId=base64(32 bytes)}, plus {@code active=keyId}; blank lines and
 * lines starting with {@code #} are ignored. Keys never come from the database or the code.
 */
public final class KeyRing {

    private final Map<String, SecretKey> keys;
    private final String activeId;

    private KeyRing(Map<String, SecretKey> keys, String activeId) {
        this.keys = keys;
        this.activeId = activeId;
    }

    /** @throws IllegalArgumentException naming the line or key id at fault, never key material */
    public static KeyRing parse(String text) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String active = null;
        int lineNumber = 0;
        for (String raw : text.split("\\R")) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("key ring line " + lineNumber + " is not keyId=base64key or active=keyId");
            }
            String name = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (name.equals("active")) {
                active = value;
                continue;
            }
            if (!name.matches("[A-Za-z0-9_.-]{1,32}")) {
                throw new IllegalArgumentException("key ring line " + lineNumber + ": key id must be 1-32 letters, digits, '.', '_' or '-'");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("key ring key '" + name + "' is not valid base64");
            }
            if (key.length != 32) {
                throw new IllegalArgumentException("key ring key '" + name + "' has " + key.length + " bytes; AES-256 needs 32");
            }
            if (keys.put(name, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalArgumentException("key ring names key '" + name + "' twice");
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("key ring holds no key");
        }
        if (active == null) {
            throw new IllegalArgumentException("key ring has no active=keyId line");
        }
        if (!keys.containsKey(active)) {
            throw new IllegalArgumentException("key ring marks '" + active + "' active but holds no such key");
        }
        return new KeyRing(Map.copyOf(keys), active);
    }

    public String activeId() {
        return activeId;
    }

    public SecretKey active() {
        return keys.get(activeId);
    }

    /** @return the key, or null when the ring does not hold it */
    public SecretKey key(String keyId) {
        return keys.get(keyId);
    }

    public Set<String> ids() {
        return keys.keySet();
    }

    @Override
    public String toString() {
        return "KeyRing[active=" + activeId + ", ids=" + keys.keySet() + "]";
    }
}

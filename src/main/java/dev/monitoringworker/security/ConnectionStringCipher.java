package dev.monitoringworker.security;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Encrypts connection strings at rest: {@code enc:v1:<keyId>:<base64(nonce | ciphertext | tag)>}, AES-256-GCM
 * with a fresh 96-bit nonce per value and the row's ConnectionId as associated data, so a value copied onto
 * another row does not decrypt.
 */
public class ConnectionStringCipher {

    public static final String PREFIX = "enc:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Supplier<KeyRing> keyRing;

    /** @param keyRing the current key ring, asked on every use so that a re-read ring takes effect at once */
    public ConnectionStringCipher(Supplier<KeyRing> keyRing) {
        this.keyRing = keyRing;
    }

    public static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith("enc:");
    }

    /** The key id a stored value was encrypted under, or null for plaintext. */
    public static String keyIdOf(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return null;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        return colon < 0 ? null : stored.substring(PREFIX.length(), colon);
    }

    public String encrypt(UUID connectionId, String plaintext) {
        KeyRing ring = ring();
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, ring.active(), nonce, connectionId);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + ring.activeId() + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** @throws CipherException saying what is wrong with the stored value, never what it holds */
    public String decrypt(UUID connectionId, String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new CipherException("ConnectionString is not an enc:v1 value (expected enc:v1:<keyId>:<base64>)");
        }
        int colon = stored.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new CipherException("ConnectionString enc:v1 value has no key id (expected enc:v1:<keyId>:<base64>)");
        }
        String keyId = stored.substring(PREFIX.length(), colon);
        KeyRing ring = ring();
        SecretKey key = ring.key(keyId);
        if (key == null && keyRing instanceof KeyRingSource source && source.reread() != null) {
            // rotation: the value may be newer than the last look at the ring file
            ring = source.reread();
            key = ring.key(keyId);
        }
        if (key == null) {
            throw new CipherException("ConnectionString is encrypted under key '" + keyId + "', which the key ring does not hold (it holds "
                    + String.join(", ", ring.ids()) + ")");
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(stored.substring(colon + 1).strip());
        } catch (IllegalArgumentException e) {
            throw new CipherException("ConnectionString enc:v1 value is not valid base64");
        }
        if (data.length < NONCE_BYTES + TAG_BITS / 8 + 1) {
            throw new CipherException("ConnectionString enc:v1 value is too short to hold nonce, ciphertext and tag (truncated?)");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, java.util.Arrays.copyOf(data, NONCE_BYTES), connectionId);
            byte[] plain = cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new CipherException("ConnectionString does not decrypt under key '" + keyId
                    + "': the value was altered, the key differs from the one that encrypted it, or it was copied from another connection");
        } catch (GeneralSecurityException e) {
            throw new CipherException("ConnectionString does not decrypt under key '" + keyId + "': " + e.getClass().getSimpleName());
        }
    }

    /**
     * Re-encrypts under the active key; a value already under it comes back unchanged, once it is known to
     * decrypt on its row.
     */
    public String reencrypt(UUID connectionId, String stored) {
        String plaintext = decrypt(connectionId, stored);
        return ring().activeId().equals(keyIdOf(stored)) ? stored : encrypt(connectionId, plaintext);
    }

    private KeyRing ring() {
        KeyRing ring = keyRing.get();
        if (ring == null) {
            throw new CipherException("no key ring is configured (monitoring.security.key-ring-file or MONITORING_SECURITY_KEY_RING)");
        }
        return ring;
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, UUID connectionId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(connectionId.toString().getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }
}

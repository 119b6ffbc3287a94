package dev.monitoringworker.security;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionStringCipherTest {

    static final String SECRET = "Server=db;User Id=mon;Password=Hunter2-Distinctive!";
    static final String K1 = key();
    static final String K2 = key();

    static String key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    static ConnectionStringCipher cipher(String ring) {
        KeyRing parsed = KeyRing.parse(ring);
        return new ConnectionStringCipher(() -> parsed);
    }

    private final UUID id = UUID.randomUUID();
    private final ConnectionStringCipher k1 = cipher("k1=" + K1 + "\nactive=k1");

    @Test
    void roundTripWithAFreshNoncePerValue() {
        String a = k1.encrypt(id, SECRET);
        String b = k1.encrypt(id, SECRET);
        assertThat(a).startsWith("enc:v1:k1:").doesNotContain("Hunter2").isNotEqualTo(b);
        assertThat(k1.decrypt(id, a)).isEqualTo(SECRET);
        assertThat(ConnectionStringCipher.keyIdOf(a)).isEqualTo("k1");
        assertThat(ConnectionStringCipher.isEncrypted(a)).isTrue();
        assertThat(ConnectionStringCipher.isEncrypted(SECRET)).isFalse();
    }

    @Nested
    class Refusals {
        private final String sealed = k1.encrypt(id, SECRET);

        @Test
        void tamperedCiphertext() {
            byte[] raw = Base64.getDecoder().decode(sealed.substring("enc:v1:k1:".length()));
            raw[raw.length / 2] ^= 1;
            String tampered = "enc:v1:k1:" + Base64.getEncoder().encodeToString(raw);
            assertThatThrownBy(() -> k1.decrypt(id, tampered)).isInstanceOf(CipherException.class)
                    .hasMessageContaining("does not decrypt under key 'k1'").hasMessageNotContaining("Hunter2");
        }

        @Test
        void wrongKeyUnderTheSameId() {
            assertThatThrownBy(() -> cipher("k1=" + K2 + "\nactive=k1").decrypt(id, sealed)).hasMessageContaining("does not decrypt");
        }

        @Test
        void copiedOntoAnotherConnection() {
            assertThatThrownBy(() -> k1.decrypt(UUID.randomUUID(), sealed)).hasMessageContaining("copied from another connection");
        }

        @Test
        void unknownKeyId() {
            assertThatThrownBy(() -> cipher("k2=" + K2 + "\nactive=k2").decrypt(id, sealed))
                    .hasMessage("ConnectionString is encrypted under key 'k1', which the key ring does not hold (it holds k2)");
        }

        @Test
        void truncatedValue() {
            assertThatThrownBy(() -> k1.decrypt(id, "enc:v1:k1:" + Base64.getEncoder().encodeToString(new byte[20])))
                    .hasMessageContaining("too short");
            assertThatThrownBy(() -> k1.decrypt(id, sealed.substring(0, sealed.length() - 8))).isInstanceOf(CipherException.class);
        }

        @Test
        void nonBase64AndMalformed() {
            assertThatThrownBy(() -> k1.decrypt(id, "enc:v1:k1:not*base64!")).hasMessage("ConnectionString enc:v1 value is not valid base64");
            assertThatThrownBy(() -> k1.decrypt(id, "enc:v1:nokey")).hasMessageContaining("no key id");
            assertThatThrownBy(() -> k1.decrypt(id, "enc:v2:k1:abc")).hasMessageContaining("not an enc:v1 value");
        }

        @Test
        void noKeyRing() {
            assertThatThrownBy(() -> new ConnectionStringCipher(() -> null).encrypt(id, SECRET)).hasMessageContaining("no key ring is configured");
        }
    }

    @Test
    void rotationDecryptsOldValuesAndEncryptsUnderTheActiveKey() {
        String underK1 = k1.encrypt(id, SECRET);
        ConnectionStringCipher both = cipher("k1=" + K1 + "\nk2=" + K2 + "\nactive=k2");
        assertThat(both.decrypt(id, underK1)).isEqualTo(SECRET);
        String underK2 = both.reencrypt(id, underK1);
        assertThat(underK2).startsWith("enc:v1:k2:");
        assertThat(both.reencrypt(id, underK2)).as("already current").isSameAs(underK2);
        assertThat(cipher("k2=" + K2 + "\nactive=k2").decrypt(id, underK2)).isEqualTo(SECRET);
    }

    @Nested
    class Rings {
        @Test
        void badRingsAreNamedWithoutKeyMaterial() {
            assertThatThrownBy(() -> KeyRing.parse("k1=" + K1)).hasMessage("key ring has no active=keyId line");
            assertThatThrownBy(() -> KeyRing.parse("k1=" + K1 + "\nactive=k9")).hasMessageContaining("'k9' active but holds no such key");
            assertThatThrownBy(() -> KeyRing.parse("k1=c2hvcnQ=\nactive=k1")).hasMessage("key ring key 'k1' has 5 bytes; AES-256 needs 32");
            assertThatThrownBy(() -> KeyRing.parse("k1=%%%\nactive=k1")).hasMessage("key ring key 'k1' is not valid base64");
            assertThatThrownBy(() -> KeyRing.parse("just a line")).hasMessageContaining("line 1");
            assertThat(KeyRing.parse("# comment\n\nk1=" + K1 + "\nactive=k1").toString()).doesNotContain(K1);
        }

        @Test
        void aRingFileIsReadAgainWhenItChanges(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("keys");
            Files.writeString(file, "k1=" + K1 + "\nactive=k1\n");
            KeyRingSource source = KeyRingSource.of(file.toString(), null);
            assertThat(source.get().activeId()).isEqualTo("k1");
            Files.writeString(file, "k1=" + K1 + "\nk2=" + K2 + "\nactive=k2\n");
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> "k2".equals(source.get().activeId()));
            Files.writeString(file, "broken");
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
            org.awaitility.Awaitility.await().pollDelay(java.time.Duration.ofMillis(1200)).atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> source.get() != null);
            assertThat(source.get().activeId()).as("a broken edit keeps the keys read before").isEqualTo("k2");
        }

        @Test
        void inlineRingAndNoRing() {
            assertThat(KeyRingSource.of("", "k1=" + K1 + "\nactive=k1").get().activeId()).isEqualTo("k1");
            assertThat(KeyRingSource.of(null, "").get()).isNull();
        }
    }
}

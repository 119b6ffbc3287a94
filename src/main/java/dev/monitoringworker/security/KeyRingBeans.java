package dev.monitoringworker.security;

import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The key ring and the cipher, for the worker and the commands alike; imported where needed, never
 * component-scanned.
 */
public class KeyRingBeans {

    @Bean
    KeyRingSource keyRingSource(Environment env) {
        return KeyRingSource.of(env.getProperty("monitoring.security.key-ring-file"), env.getProperty("monitoring.security.key-ring"));
    }

    @Bean
    ConnectionStringCipher connectionStringCipher(KeyRingSource keyRing) {
        return new ConnectionStringCipher(keyRing);
    }
}

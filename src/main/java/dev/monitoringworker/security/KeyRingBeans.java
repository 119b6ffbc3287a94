package dev.monitoringworker.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The key ring and the cipher, for the worker and the commands alike; imported where needed, never
 * component-scanned.
 */
@EnableConfigurationProperties(WorkerSecurityProperties.class)
public class KeyRingBeans {

    @Bean
    KeyRingSource keyRingSource(WorkerSecurityProperties security) {
        return KeyRingSource.of(security.keyRingFile(), security.keyRing());
    }

    @Bean
    ConnectionStringCipher connectionStringCipher(KeyRingSource keyRing) {
        return new ConnectionStringCipher(keyRing);
    }
}

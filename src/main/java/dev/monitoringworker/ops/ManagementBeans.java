package dev.monitoringworker.ops;

import dev.monitoringworker.web.ThrottledLogins;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.io.IOException;

/** Remote JMX and Jolokia: who may sign in, what they may do, where they listen. */
@Configuration(proxyBeanMethods = false)
public class ManagementBeans {

    @Bean
    ManagementSurface managementSurface(Environment env) {
        return ManagementSurface.checked(env);
    }

    @Bean
    ManagementLogin managementLogin(ThrottledLogins logins) {
        ManagementLogin login = new ManagementLogin(logins);
        JolokiaLogin.use(login);
        return login;
    }

    /** Remote JMX, only when monitoring.jmx.remote.port is set. */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty("monitoring.jmx.remote.port")
    RemoteJmx remoteJmx(Environment env, ManagementLogin login, ManagementSurface checkedFirst, SslBundles bundles) throws IOException {
        String bundle = env.getProperty("monitoring.jmx.remote.ssl-bundle", "");
        return RemoteJmx.start(env.getProperty("monitoring.jmx.remote.host", "127.0.0.1"),
                env.getRequiredProperty("monitoring.jmx.remote.port", Integer.class),
                bundle.isBlank() ? null : bundles.getBundle(bundle).createSslContext(), login);
    }
}

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
    RemoteJmx remoteJmx(JmxProperties jmx, ManagementLogin login, ManagementSurface checkedFirst, SslBundles bundles) throws IOException {
        JmxProperties.Remote remote = jmx.remote();
        return RemoteJmx.start(remote.host(), remote.port(),
                remote.sslBundle().isBlank() ? null : bundles.getBundle(remote.sslBundle()).createSslContext(), login);
    }
}

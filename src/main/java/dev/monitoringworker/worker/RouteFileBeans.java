package dev.monitoringworker.worker;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Live reload of the route files in {@code monitoring.routes.dir}, when that folder exists and
 * {@code monitoring.routes.reload} is on. Its health (readiness contributor {@code routeFiles}) is there either way.
 */
@Configuration(proxyBeanMethods = false)
public class RouteFileBeans {

    @Bean
    RouteFileReload routeFiles(RoutesProperties routes) {
        return new RouteFileReload(routes.reloadDirectory());
    }

    @Bean
    OneShotRoutes oneShotRoutes() {
        return new OneShotRoutes();
    }

    @Bean
    CamelContextConfiguration routeFileWatcher(RouteFileReload reload, RoutesProperties routes) {
        boolean watched = !routes.reloadDirectory().isBlank();
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                if (watched) {
                    try {
                        camel.addService(reload);
                    } catch (Exception e) {
                        throw new IllegalStateException("route file watcher did not start: " + e.getMessage(), e);
                    }
                }
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
                // the watcher starts with the context
            }
        };
    }
}

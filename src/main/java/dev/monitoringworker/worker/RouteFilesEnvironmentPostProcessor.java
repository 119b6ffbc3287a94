package dev.monitoringworker.worker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.io.File;
import java.util.HashMap;
import java.util.Map;

/**
 * Where routes load from, as defaults any property may override: {@code monitoring.routes.dir} ({@code ./routes})
 * when it exists, watched for edits while {@code monitoring.routes.reload} is on; else the copies packaged in the jar.
 */
public class RouteFilesEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        RoutesProperties configured = Binder.get(env).bindOrCreate("monitoring.routes", RoutesProperties.class);
        File routes = new File(configured.dir());
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("camel.main.routes-include-pattern", routes.isDirectory()
                ? "file:" + routes.getAbsolutePath() + "/*.camel.yaml"
                : "classpath:routes/*.camel.yaml");
        if (routes.isDirectory() && configured.reload()) {
            // an edited file replaces the routes it defines; a file that does not load leaves the running ones be
            // (RouteFileReload)
            defaults.put("monitoring.routes.reload-directory", routes.getAbsolutePath());
        }
        env.getPropertySources().addLast(new MapPropertySource("monitoringRouteFiles", defaults));
    }
}

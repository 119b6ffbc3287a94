package dev.monitoringworker.worker;

import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.ServiceStatus;
import org.apache.camel.model.Model;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.RouteWatcherReloadStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Live reload of the route files: a saved file replaces the routes it defines. When the edit cannot be applied — the
 * YAML does not parse, or a step cannot be built ({@code to: nosuchcomponent:x}) — the file's routes as they ran
 * before the edit are put back, and an ERROR names the file, the line and the cause. Should even that fail, the
 * file is reported DOWN in readiness until a later save of it loads.
 */
public class RouteFileReload extends RouteWatcherReloadStrategy implements HealthIndicator {

    private static final Logger LOG = LoggerFactory.getLogger(RouteFileReload.class);
    private static final Pattern AT_ENDPOINT = Pattern.compile(">>> \\w+\\[([^\\]]+)\\] <<<");
    private static final Pattern YAML_LINE = Pattern.compile("line (\\d+)");

    /** Files whose routes are down: the file name and why. */
    private final Map<String, String> down = new ConcurrentHashMap<>();
    /** Per file, the content its running routes were loaded from. */
    private final Map<Path, String> loaded = new ConcurrentHashMap<>();
    /** Per file, the content last seen, loaded or not. */
    private final Map<Path, String> seen = new ConcurrentHashMap<>();

    public RouteFileReload(String directory) {
        super(directory, false);
        setPattern("*.camel.yaml");
        setRemoveAllRoutes(false);
    }

    /** Watches nothing without a folder (reload off, or the packaged routes). */
    @Override
    protected void doStart() throws Exception {
        if (getFolder() != null && !getFolder().isBlank()) {
            remember();
            super.doStart();
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (getFolder() != null && !getFolder().isBlank()) {
            super.doStop();
        }
    }

    /** The content each file's routes were loaded from at start: what a failed edit falls back to. */
    private void remember() throws IOException {
        try (var files = Files.list(Path.of(getFolder()))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".camel.yaml")).toList()) {
                String content = Files.readString(file);
                loaded.put(file.toAbsolutePath().normalize(), content);
                seen.put(file.toAbsolutePath().normalize(), content);
            }
        }
    }

    /** Each saved file on its own: only its routes are replaced, and a failed edit of it touches no other file's routes. */
    @Override
    protected void onRouteReload(Collection<Resource> changed, boolean removeEverything) {
        if (changed == null) {
            return;
        }
        for (Resource resource : changed) {
            Path file = Path.of(resource.getURI()).toAbsolutePath().normalize();
            String content = read(file);
            if (content == null) {
                LOG.warn("Route file {} was removed; its routes keep running until the worker restarts", fileName(resource));
            } else if (content.isEmpty()) {
                // an editor truncates before it writes: the write that follows is seen as its own change
                LOG.debug("Route file {} is empty; waiting for its content", fileName(resource));
            } else if (!content.equals(seen.put(file, content))) {
                // one save can be seen as more than one change: the same content is applied once
                reload(file, resource, content);
            }
        }
    }

    private void reload(Path file, Resource resource, String content) {
        Set<String> running = new HashSet<>();
        Model model = getCamelContext().getCamelContextExtension().getContextPlugin(Model.class);
        model.getRouteDefinitions().stream().filter(d -> sameFile(d.getResource(), resource)).forEach(d -> running.add(d.getRouteId()));
        try {
            Set<String> ids = PluginHelper.getRoutesLoader(getCamelContext()).updateRoutes(List.of(resource));
            loaded.put(file, content);
            down.remove(fileName(resource));
            LOG.info("Route file {} reloaded: {}", fileName(resource), ids);
        } catch (Exception e) {
            // a file that does not parse took nothing down; one whose routes could not be built did
            boolean untouched = !running.isEmpty() && running.stream()
                    .allMatch(id -> getCamelContext().getRouteController().getRouteStatus(id) == ServiceStatus.Started);
            boolean restored = untouched || restore(file, resource);
            LOG.error("Route file {} not applied, {}: {}{}", fileName(resource), where(content, e), rootMessage(e),
                    restored ? "; its routes run as they were before the edit" : "");
        }
    }

    /**
     * Takes out whatever the failed edit left of the file's routes and loads them again from the content that last
     * loaded; false, and the file DOWN in readiness, if that failed too.
     */
    private boolean restore(Path file, Resource resource) {
        String previous = loaded.get(file);
        try {
            Model model = getCamelContext().getCamelContextExtension().getContextPlugin(Model.class);
            Set<String> ids = new HashSet<>();
            model.getRouteDefinitions().stream().filter(d -> sameFile(d.getResource(), resource)).forEach(d -> ids.add(d.getRouteId()));
            getCamelContext().getRoutes().stream().filter(r -> sameFile(r.getSourceResource(), resource)).forEach(r -> ids.add(r.getRouteId()));
            for (String id : ids) {
                if (getCamelContext().getRoute(id) != null) {
                    getCamelContext().getRouteController().stopRoute(id);
                    getCamelContext().removeRoute(id);
                }
            }
            model.removeRouteDefinitions(model.getRouteDefinitions().stream().filter(d -> ids.contains(d.getRouteId())).toList());
            if (previous == null) {
                // a file new since the start: it had no routes to put back
                down.remove(fileName(resource));
                return true;
            }
            PluginHelper.getRoutesLoader(getCamelContext()).updateRoutes(List.of(ResourceHelper.fromString(resource.getLocation(), previous)));
            down.remove(fileName(resource));
            return true;
        } catch (Exception e) {
            down.put(fileName(resource), rootMessage(e));
            LOG.error("Route file {}: its routes as they were before the edit could not be loaded again ({}); readiness is DOWN until the "
                    + "file is saved in a form that loads", fileName(resource), rootMessage(e));
            return false;
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public Health health() {
        return down.isEmpty() ? Health.up().build() : Health.down().withDetails(Map.copyOf(down)).build();
    }

    private static boolean sameFile(Resource a, Resource b) {
        return a != null && b != null && a.getLocation().equals(b.getLocation());
    }

    private static String fileName(Resource resource) {
        String location = resource.getLocation();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /**
     * The line the failure points at: the YAML parser's own, Camel's source location, or else the line of the file that
     * holds the step named in the error ({@code >>> To[nosuchcomponent:x] <<<}), or the failing route's id.
     */
    static String where(String content, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Matcher yaml = YAML_LINE.matcher(String.valueOf(t.getMessage()));
            if (yaml.find()) {
                return "line " + yaml.group(1);
            }
        }
        FailedToCreateRouteException route = find(failure, FailedToCreateRouteException.class);
        if (route == null) {
            return "line unknown";
        }
        List<String> lines = List.of(content.split("\n", -1));
        Matcher at = AT_ENDPOINT.matcher(String.valueOf(route.getMessage()));
        if (at.find()) {
            int line = firstLineWith(lines, at.group(1));
            if (line > 0) {
                return "line " + line + " (route " + route.getRouteId() + ")";
            }
        }
        int line = firstLineWith(lines, "id: " + route.getRouteId());
        return (line > 0 ? "line " + line : "line unknown") + " (route " + route.getRouteId() + ")";
    }

    private static int firstLineWith(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip().replaceAll("\\s+", " ");
        return message.replaceAll("\\.+$", "");
    }
}

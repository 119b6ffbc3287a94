package dev.monitoringworker.support;

import dev.monitoringworker.MonitoringWorkerApplication;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The worker as its own JVM process, as an operator runs it, with its console written to a file. */
public final class WorkerProcess implements AutoCloseable {

    private final Process process;
    private final Path console;

    private WorkerProcess(Process process, Path console) {
        this.process = process;
        this.console = console;
    }

    /** The worker from this build's classes and test classpath. */
    public static WorkerProcess start(Path console, Map<String, Object> properties) throws IOException {
        return start(console, properties, Map.of());
    }

    /** As {@link #start(Path, Map)}, with environment variables: where secrets go, as on a real deployment. */
    public static WorkerProcess start(Path console, Map<String, Object> properties, Map<String, String> environment) throws IOException {
        return start(console, List.of("-cp", System.getProperty("java.class.path"), MonitoringWorkerApplication.class.getName()), properties,
                environment);
    }

    /** The worker from the jar this build packaged, exactly as it ships. */
    public static WorkerProcess startJar(Path console, Map<String, Object> properties) throws IOException {
        try (var files = java.nio.file.Files.list(Path.of("target"))) {
            Path jar = files.filter(p -> p.getFileName().toString().matches("monitoring-worker-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no packaged jar in target/: run mvn verify, not mvn test"));
            return start(console, List.of("-Xmx256m", "-jar", jar.toString()), properties, Map.of());
        }
    }

    private static WorkerProcess start(Path console, List<String> launch, Map<String, Object> properties, Map<String, String> environment)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(launch);
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        return new WorkerProcess(process, console);
    }

    public long pid() {
        return process.pid();
    }

    /** The file its console goes to. */
    public Path console() {
        return console;
    }

    /** The exit code of a process that ended. */
    public int exitValue() {
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: the process gets no chance to clean up, as in a node failure or an OOM kill. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM, as Kubernetes stops a pod, then waits for the process to end. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}

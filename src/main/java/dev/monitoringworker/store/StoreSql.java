package dev.monitoringworker.store;

import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A store statement from {@code sql/<dialect>/<name>.sql}, the same files the routes use, for code that runs
 * outside a route: camel-sql's {@code :#Name} parameters become Spring's {@code :Name}.
 */
public final class StoreSql {

    private StoreSql() {
    }

    public static String load(StoreDialect dialect, String name) {
        try {
            String text = new ClassPathResource("sql/" + dialect.key() + "/" + name + ".sql").getContentAsString(StandardCharsets.UTF_8);
            return text.replace(":#", ":");
        } catch (IOException e) {
            throw new UncheckedIOException("store statement sql/" + dialect.key() + "/" + name + ".sql is missing", e);
        }
    }
}

package dev.monitoringworker.security;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.pattern.DynamicConverter;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Keeps Spring Boot's own logging set-up (console, {@code logging.file.name}, patterns) and swaps the
 * message and stack-trace converters of every pattern for ones that mask {@link Secrets}. Runs right after
 * Spring Boot has configured logging.
 */
public class LogRedaction implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        install();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @SuppressWarnings("unchecked")
    public static void install() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Map<String, Supplier<DynamicConverter<?>>> registry =
                (Map<String, Supplier<DynamicConverter<?>>>) context.getObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS);
        if (registry == null) {
            registry = new HashMap<>();
            context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, registry);
        }
        for (String word : new String[]{"m", "msg", "message"}) {
            registry.put(word, RedactingMessageConverter::new);
        }
        for (String word : new String[]{"wEx", "wex", "ex", "exception", "throwable", "xEx", "xException", "xThrowable"}) {
            registry.put(word, RedactingThrowableConverter::new);
        }
        for (Logger logger : context.getLoggerList()) {
            for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
                if (it.next() instanceof OutputStreamAppender<ILoggingEvent> appender
                        && appender.getEncoder() instanceof PatternLayoutEncoder encoder) {
                    // a restarted encoder parses its pattern again, now with the converters above
                    encoder.stop();
                    encoder.start();
                }
            }
        }
    }
}

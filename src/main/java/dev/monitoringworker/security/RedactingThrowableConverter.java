package dev.monitoringworker.security;

import ch.qos.logback.classic.spi.ILoggingEvent;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/** Logback {@code %wEx}: stack traces, whose driver messages may quote a URL, with {@link Secrets} masked. */
public class RedactingThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return Secrets.redact(super.convert(event));
    }
}

package org.involve.handlers;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.involve.adapters.Settings;

/**
 * Logback configured in code (found through META-INF/services, so no XML is parsed at start): one JSON line per event
 * on standard output (which Lambda sends to CloudWatch) through logback's own {@link JsonEncoder}, with the level, the
 * time (epoch milliseconds), the logger, the formatted message and the {@link LogContext} fields under "mdc". The
 * message's raw arguments are left out: a line carries only what its message says, and messages name ids, never
 * people. org.involve logs at POWERTOOLS_LOG_LEVEL (INFO by default); libraries at WARN.
 */
public final class JsonLogs extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        JsonEncoder json = new JsonEncoder();
        json.setContext(context);
        json.setWithSequenceNumber(false);
        json.setWithNanoseconds(false);
        json.setWithThreadName(false);
        json.setWithContext(false);
        json.setWithMarkers(false);
        json.setWithKVPList(false);
        json.setWithMessage(false);
        json.setWithArguments(false);
        json.setWithFormattedMessage(true);
        json.start();
        ConsoleAppender<ILoggingEvent> out = new ConsoleAppender<>();
        out.setContext(context);
        out.setName("json");
        out.setEncoder(json);
        out.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(out);
        context.getLogger("org.involve")
                .setLevel(
                        Level.toLevel(
                                Settings.optional("POWERTOOLS_LOG_LEVEL", "INFO"), Level.INFO));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}

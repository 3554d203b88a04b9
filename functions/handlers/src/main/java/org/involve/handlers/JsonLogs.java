package org.involve.handlers;

import java.util.Locale;
import org.involve.adapters.Settings;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Every function's logging: SLF4J's provider (found through its META-INF/services file), writing one JSON line per
 * event to standard output, which Lambda sends to CloudWatch ({@link JsonLogLine}). org.involve logs at
 * POWERTOOLS_LOG_LEVEL (INFO by default, OFF for none); libraries, Micronaut among them, at WARN.
 *
 * <p>Ours rather than logback's JSON encoder because of what logback costs at a cold start, measured side by side in
 * infrastructure/benchmark/README.md (issue 13 item 1, session 12): more than a third of the margin a cold start has
 * over the plain-Java baseline, for a line this class and {@link JsonLogLine} write in a few dozen lines.
 */
public final class JsonLogs implements SLF4JServiceProvider {
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter context = new BasicMDCAdapter();
    private ILoggerFactory loggers;

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return context;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        loggers =
                new Loggers(threshold(Settings.optional("POWERTOOLS_LOG_LEVEL", "INFO")), context);
    }

    /** The lowest level logged, from a level's name in any case: OFF logs nothing, an unknown name INFO and above. */
    static int threshold(String name) {
        String level = name.strip().toUpperCase(Locale.ROOT);
        if (level.equals("OFF")) return Integer.MAX_VALUE;
        for (Level l : Level.values()) if (l.name().equals(level)) return l.toInt();
        return Level.INFO.toInt();
    }

    /** A logger per name: org.involve's at the threshold given, every other at WARN. */
    private record Loggers(int involve, MDCAdapter context) implements ILoggerFactory {
        @Override
        public Logger getLogger(String name) {
            boolean ours = name.equals("org.involve") || name.startsWith("org.involve.");
            return new JsonLogLine(name, ours ? involve : Level.WARN.toInt(), context);
        }
    }
}

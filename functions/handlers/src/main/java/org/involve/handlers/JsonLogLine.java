package org.involve.handlers;

import java.io.PrintStream;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;

/**
 * One logger of {@link JsonLogs}: each event it logs is one line of JSON on standard output, {@code
 * {"timestamp":epoch-ms,"level":"INFO","loggerName":"...","mdc":{...},"formattedMessage":"...","throwable":null}}.
 * "mdc" holds the {@link LogContext} fields. The message's raw arguments are left out: a line carries only what its
 * message says, and messages name ids, never people. A throwable is written with its class, message, stack frames and
 * causes.
 */
final class JsonLogLine extends LegacyAbstractLogger {
    private static final int MOST_CAUSES = 8;
    private final int threshold;
    private final transient MDCAdapter context;

    JsonLogLine(String name, int threshold, MDCAdapter context) {
        this.name = name;
        this.threshold = threshold;
        this.context = context;
    }

    @Override
    public boolean isTraceEnabled() {
        return threshold <= Level.TRACE.toInt();
    }

    @Override
    public boolean isDebugEnabled() {
        return threshold <= Level.DEBUG.toInt();
    }

    @Override
    public boolean isInfoEnabled() {
        return threshold <= Level.INFO.toInt();
    }

    @Override
    public boolean isWarnEnabled() {
        return threshold <= Level.WARN.toInt();
    }

    @Override
    public boolean isErrorEnabled() {
        return threshold <= Level.ERROR.toInt();
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
            Level level, Marker marker, String pattern, Object[] arguments, Throwable thrown) {
        String line = line(level, pattern, arguments, thrown);
        PrintStream out = System.out; // Lambda's, read each time (tests swap it)
        out.println(line);
    }

    String line(Level level, String pattern, Object[] arguments, Throwable thrown) {
        StringBuilder json = new StringBuilder(256);
        json.append("{\"timestamp\":").append(System.currentTimeMillis());
        json.append(",\"level\":\"").append(level.name()).append('"');
        json.append(",\"loggerName\":");
        string(json, name);
        json.append(",\"mdc\":{");
        Map<String, String> fields = context.getCopyOfContextMap();
        if (fields != null) {
            boolean first = true;
            for (Map.Entry<String, String> field : fields.entrySet()) {
                if (!first) json.append(',');
                first = false;
                string(json, field.getKey());
                json.append(':');
                string(json, field.getValue());
            }
        }
        json.append("},\"formattedMessage\":");
        string(
                json,
                arguments == null || arguments.length == 0
                        ? pattern
                        : MessageFormatter.basicArrayFormat(pattern, arguments));
        json.append(",\"throwable\":");
        throwable(json, thrown, MOST_CAUSES);
        return json.append('}').toString();
    }

    private static void throwable(StringBuilder json, Throwable thrown, int causes) {
        if (thrown == null || causes == 0) {
            json.append("null");
            return;
        }
        json.append("{\"className\":");
        string(json, thrown.getClass().getName());
        json.append(",\"message\":");
        string(json, thrown.getMessage());
        json.append(",\"stepArray\":[");
        StackTraceElement[] frames = thrown.getStackTrace();
        for (int i = 0; i < frames.length; i++) {
            if (i > 0) json.append(',');
            json.append("{\"className\":");
            string(json, frames[i].getClassName());
            json.append(",\"methodName\":");
            string(json, frames[i].getMethodName());
            json.append(",\"fileName\":");
            string(json, frames[i].getFileName());
            json.append(",\"lineNumber\":").append(frames[i].getLineNumber()).append('}');
        }
        json.append("],\"cause\":");
        Throwable cause = thrown.getCause();
        throwable(json, cause == thrown ? null : cause, causes - 1);
        json.append('}');
    }

    /** A JSON string: quotes, backslashes and control characters (line breaks among them) escaped, so one line. */
    static void string(StringBuilder json, String value) {
        if (value == null) {
            json.append("null");
            return;
        }
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        String hex = Integer.toHexString(c);
                        json.append("\\u").append("0000", hex.length(), 4).append(hex);
                    } else json.append(c);
                }
            }
        }
        json.append('"');
    }
}

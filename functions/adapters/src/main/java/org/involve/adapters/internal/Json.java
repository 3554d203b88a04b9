package org.involve.adapters.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * The one way core records kept in items become JSON and back: dates as ISO strings, and unknown properties ignored
 * so items written by an older version still read after a record gains or loses a field. Records go through {@link
 * RecordJson} (jackson-core's streaming parser and generator only), which writes and reads exactly what the Jackson
 * databind mapper this class used to hold did ({@code RecordJsonTest}), so no request that only reads and writes
 * records loads Jackson databind.
 */
public final class Json {
    private Json() {}

    /**
     * Jackson databind's tree model, for the few places that look inside stored JSON as a tree (subject access,
     * erasure) or parse what others send (SES notices). Made on first use, so the record paths never load it.
     */
    public static ObjectMapper mapper() {
        return Trees.MAPPER;
    }

    private static final class Trees {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    public static String write(Object value) {
        try {
            return RecordJson.write(value);
        } catch (IOException e) {
            throw failure("write", value.getClass(), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return RecordJson.read(json, type);
        } catch (IOException e) {
            throw failure("read", type, e);
        }
    }

    /**
     * The parser's messages can quote the text they choke on, which may be personal data: keep only the path ours
     * name ({@link RecordJson.Failure}) and the kind of failure.
     */
    private static IllegalStateException failure(String verb, Class<?> type, IOException e) {
        String where = e instanceof RecordJson.Failure ? " (" + e.getMessage() + ")" : "";
        return new IllegalStateException(
                "Could not "
                        + verb
                        + " a "
                        + type.getSimpleName()
                        + " as JSON"
                        + where
                        + " ("
                        + e.getClass().getSimpleName()
                        + ")");
    }
}

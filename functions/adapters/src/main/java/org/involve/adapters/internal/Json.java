package org.involve.adapters.internal;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapper for core records kept in items: dates as ISO strings, and unknown properties ignored
 * so items written by an older version still read after a record gains or loses a field.
 */
public final class Json {
    private static final ObjectMapper MAPPER =
            JsonMapper.builder()
                    .addModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    // Only record components are data; helpers such as PaymentModel.isPaid() are
                    // not.
                    .visibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
                    .build();

    private Json() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw failure("write", value.getClass(), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw failure("read", type, e);
        }
    }

    /** Jackson's messages can quote the values they choke on, which may be personal data: keep only the path. */
    private static IllegalStateException failure(
            String verb, Class<?> type, JsonProcessingException e) {
        String where = e instanceof JsonMappingException m ? " at " + m.getPathReference() : "";
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

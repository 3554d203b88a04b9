package org.involve.core.kit;

import java.util.List;

/** One page of the application: one topic, its questions. */
public record Section(String id, String title, String intro, List<Field> fields) {
    public Section {
        fields = List.copyOf(fields);
    }
}

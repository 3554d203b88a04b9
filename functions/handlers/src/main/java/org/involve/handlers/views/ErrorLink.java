package org.involve.handlers.views;

import java.util.List;
import org.involve.core.kit.FieldErrors;

/** One line of the NHS.UK error summary (components/errorSummary.jte): the message, linking to where it is put right. */
public record ErrorLink(String anchor, String message) {
    /** Each field's error, linked to the field, in the order the errors were found. */
    public static List<ErrorLink> of(FieldErrors errors) {
        if (errors == null) return List.of();
        return errors.asMap().entrySet().stream()
                .map(e -> new ErrorLink(e.getKey(), e.getValue()))
                .toList();
    }

    /** Several problems that are all put right in one place. */
    public static List<ErrorLink> allTo(String anchor, List<String> problems) {
        return problems.stream().map(p -> new ErrorLink(anchor, p)).toList();
    }
}

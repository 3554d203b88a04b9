package org.involve.core.impact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Words;
import org.involve.core.meetings.Meeting;

/**
 * Reads the staff form for an impact entry: what partners said, what changed because of it (both needed, up to 1,000
 * characters each) and, optionally, the meeting it came from (one of the group's meetings held so far). Errors are
 * keyed by the field to link to, with their words from content/impact.
 */
public final class ImpactForm {
    private static final Words W = Words.of("impact");
    public static final String YOU_SAID = "youSaid", WE_DID = "weDid", MEETING = "meeting";
    static final int MAX = 1000;

    private ImpactForm() {}

    public static List<Field> textFields() {
        return List.of(
                Field.textarea(
                        YOU_SAID,
                        W.get("field.youSaid.label"),
                        W.get("field.youSaid.hint"),
                        true,
                        MAX,
                        W.get("field.youSaid.error")),
                Field.textarea(
                        WE_DID,
                        W.get("field.weDid.label"),
                        W.get("field.weDid.hint"),
                        true,
                        MAX,
                        W.get("field.weDid.error")));
    }

    /** The meeting choices: the group's meetings held so far, newest first. */
    public static List<Field.Option> meetingOptions(List<Meeting> held) {
        List<Field.Option> out = new ArrayList<>();
        for (Meeting m : held) out.add(new Field.Option(m.id(), m.when()));
        return out;
    }

    /** What a valid form says; {@code errors} is empty when it is valid. */
    public record Entered(String youSaid, String weDid, String meetingId, FieldErrors errors) {}

    public static Entered read(Map<String, String> v, List<Meeting> held) {
        FieldErrors errors = new FieldErrors();
        String said = text(v, YOU_SAID, "field.youSaid.error", errors);
        String did = text(v, WE_DID, "field.weDid.error", errors);
        String meeting = v.getOrDefault(MEETING, "").strip();
        if (!meeting.isEmpty() && held.stream().noneMatch(m -> m.id().equals(meeting)))
            errors.add(MEETING, W.get("field.meeting.error"));
        return new Entered(said, did, meeting, errors);
    }

    private static String text(Map<String, String> v, String name, String missing, FieldErrors e) {
        String s = v.getOrDefault(name, "").strip();
        if (s.isEmpty()) e.add(name, W.get(missing));
        else if (s.length() > MAX) e.add(name, W.format("field.tooLong", "max", "1,000"));
        return s;
    }
}

package org.involve.core.meetings;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.involve.core.kit.DateInput;
import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Words;

/**
 * Reads the staff forms: a meeting planned (date as the NHS.UK date input, UK time, length in minutes, place and/or
 * video link, papers) and one partner's attendance (attended with hours, apologies, absent). Errors are keyed by the
 * field to link to, with their words from content/meetings.
 */
public final class MeetingForm {
    private static final Words W = Words.of("meetings");
    public static final String DATE = "date",
            TIME = "time",
            MINUTES = "minutes",
            PLACE = "place",
            VIDEO_LINK = "videoLink",
            PAPERS = "papers",
            MARK = "mark",
            HOURS = "hours";

    private MeetingForm() {}

    /** The meeting form's questions after the date (which is the NHS.UK date input). */
    public static List<Field> meetingFields() {
        return List.of(
                Field.text(
                        TIME,
                        W.get("field.time.label"),
                        W.get("field.time.hint"),
                        true,
                        10,
                        null,
                        W.get("field.time.error")),
                new Field(
                        MINUTES,
                        W.get("field.minutes.label"),
                        W.get("field.minutes.hint"),
                        Field.Kind.NUMBER,
                        true,
                        3,
                        List.of(),
                        null,
                        W.get("field.minutes.error")),
                Field.text(
                        PLACE,
                        W.get("field.place.label"),
                        W.get("field.place.hint"),
                        false,
                        200,
                        null,
                        null),
                Field.text(
                        VIDEO_LINK,
                        W.get("field.videoLink.label"),
                        W.get("field.videoLink.hint"),
                        false,
                        500,
                        "url",
                        null),
                Field.textarea(
                        PAPERS,
                        W.get("field.papers.label"),
                        W.get("field.papers.hint"),
                        false,
                        1000,
                        null));
    }

    /** What happened for one partner, with the hours if they attended. */
    public static List<Field> markFields() {
        return List.of(
                Field.radios(
                        MARK,
                        W.get("field.mark.label"),
                        null,
                        List.of(
                                new Field.Option(
                                        AttendanceMark.ATTENDED.slug(),
                                        W.get("field.mark.attended")),
                                new Field.Option(
                                        AttendanceMark.APOLOGIES.slug(),
                                        W.get("field.mark.apologies")),
                                new Field.Option(
                                        AttendanceMark.ABSENT.slug(), W.get("field.mark.absent"))),
                        W.get("field.mark.error")),
                Field.text(
                        HOURS,
                        W.get("field.hours.label"),
                        W.get("field.hours.hint"),
                        false,
                        5,
                        null,
                        null));
    }

    /** What a valid meeting form says; {@code errors} is empty when every value is here. */
    public record Planned(
            LocalDate date,
            LocalTime time,
            int minutes,
            String place,
            String videoLink,
            String papers,
            FieldErrors errors) {}

    public static Planned plan(Map<String, String> v, LocalDate today) {
        FieldErrors errors = new FieldErrors();
        DateInput typed = DateInput.of(v, DATE);
        LocalDate date = typed.required(errors, W, "field.date.error");
        if (date != null && date.isBefore(today)) {
            typed.reject(errors, W.get("field.date.error.past"));
            date = null;
        }
        LocalTime time = time(v.getOrDefault(TIME, ""));
        if (time == null) errors.add(TIME, W.get("field.time.error"));
        int minutes = 0;
        String m = v.getOrDefault(MINUTES, "").strip();
        if (m.matches("\\d{1,3}") && Integer.parseInt(m) >= 15 && Integer.parseInt(m) <= 480)
            minutes = Integer.parseInt(m);
        else errors.add(MINUTES, W.get("field.minutes.error"));
        String place = text(v, PLACE, 200, errors);
        String video = text(v, VIDEO_LINK, 500, errors);
        if (!video.isEmpty() && !video.matches("https://\\S+"))
            errors.add(VIDEO_LINK, W.get("field.videoLink.error"));
        if (place.isEmpty() && video.isEmpty() && !errors.has(PLACE))
            errors.add(PLACE, W.get("field.place.error"));
        String papers = text(v, PAPERS, 1000, errors);
        return new Planned(date, time, minutes, place, video, papers, errors);
    }

    /** Attended with hours (as minutes), apologies or absent; null mark with an error when not valid. */
    public record Marked(AttendanceMark mark, int minutes, FieldErrors errors) {}

    public static Marked mark(Map<String, String> v, int meetingMinutes) {
        FieldErrors errors = new FieldErrors();
        AttendanceMark mark = AttendanceMark.fromSlug(v.getOrDefault(MARK, "").strip());
        if (mark == null) {
            errors.add(MARK, W.get("field.mark.error"));
            return new Marked(null, 0, errors);
        }
        if (mark != AttendanceMark.ATTENDED) return new Marked(mark, 0, errors);
        String h = v.getOrDefault(HOURS, "").strip();
        int minutes = 0;
        if (h.matches("\\d{1,2}(\\.\\d{1,2})?")) {
            minutes = new BigDecimal(h).multiply(BigDecimal.valueOf(60)).intValue();
        }
        if (minutes <= 0 || minutes > 12 * 60) {
            errors.add(HOURS, W.get("field.hours.error"));
            return new Marked(null, 0, errors);
        }
        return new Marked(mark, minutes, errors);
    }

    /** "18:30", "6:30pm", "6pm", "9.15am". */
    static LocalTime time(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT).replace(" ", "").replace('.', ':');
        try {
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("(\\d{1,2})(?::(\\d{2}))?(am|pm)?").matcher(t);
            if (!m.matches()) return null;
            int h = Integer.parseInt(m.group(1));
            int min = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            if (m.group(3) != null) {
                if (h < 1 || h > 12) return null;
                h = h % 12 + ("pm".equals(m.group(3)) ? 12 : 0);
            } else if (m.group(2) == null) return null;
            return LocalTime.of(h, min);
        } catch (DateTimeException notATime) {
            return null;
        }
    }

    private static String text(Map<String, String> v, String name, int max, FieldErrors errors) {
        String s = v.getOrDefault(name, "").strip();
        if (s.length() > max) errors.add(name, W.format("field.tooLong", "max", max));
        return s;
    }
}

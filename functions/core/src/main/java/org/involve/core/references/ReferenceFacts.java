package org.involve.core.references;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.Facts;

/**
 * What the references step records on an application, read from and written to its facts here only (stored in its
 * {@code progress} map under {@code references.*}; the names and values must not change, stored applications use them).
 *
 * @param interviewSuccessful the interview result staff recorded, or null before
 * @param interviewNote       staff's note on the result for the team, or null
 * @param requestIds          the reference requests, in referee order (referee 1 first); empty until requested
 * @param receivedAt          when the last reference arrived, or null
 */
public record ReferenceFacts(
        Boolean interviewSuccessful,
        String interviewNote,
        Instant resultRecordedAt,
        List<String> requestIds,
        Instant receivedAt) {
    private static final String RESULT = "references.interviewResult",
            NOTE = "references.interviewNote",
            RECORDED_AT = "references.resultRecordedAt",
            RECEIVED_AT = "references.receivedAt";
    private static final String SUCCESSFUL = "successful", UNSUCCESSFUL = "unsuccessful";

    public ReferenceFacts {
        requestIds = requestIds == null ? List.of() : List.copyOf(requestIds);
    }

    public static ReferenceFacts of(Application a) {
        String result = a.progress(RESULT);
        List<String> ids = new ArrayList<>();
        for (int n = 1; !a.progress(request(n)).isEmpty(); n++) ids.add(a.progress(request(n)));
        return new ReferenceFacts(
                result.isEmpty() ? null : SUCCESSFUL.equals(result),
                Facts.text(a, NOTE),
                Facts.instant(a, RECORDED_AT),
                ids,
                Facts.instant(a, RECEIVED_AT));
    }

    public boolean resultRecorded() {
        return interviewSuccessful != null;
    }

    /** The interview result, with the note when staff wrote one and the references asked for when it was successful. */
    static Map<String, String> interviewResult(
            boolean successful, String note, Instant at, List<ReferenceRequest> requests) {
        Facts.Written w =
                Facts.written()
                        .put(RESULT, successful ? SUCCESSFUL : UNSUCCESSFUL)
                        .put(RECORDED_AT, at)
                        .put(NOTE, note == null || note.isEmpty() ? null : note);
        for (ReferenceRequest r : requests) w.put(request(r.number()), r.id());
        return w.map();
    }

    /** Every reference asked for has arrived. */
    static Map<String, String> allReceived(Instant at) {
        return Facts.written().put(RECEIVED_AT, at).map();
    }

    private static final String RESERVE_AT = "references.reserveAt",
            PLACE_OFFERED_AT = "references.placeOfferedAt",
            UNSATISFACTORY_REASON = "references.unsatisfactory.reason",
            UNSATISFACTORY_NUMBER = "references.unsatisfactory.referee",
            UNSATISFACTORY_BY = "references.unsatisfactory.by",
            UNSATISFACTORY_AT = "references.unsatisfactory.at";

    /** When they were put on the reserve list (successful at interview, no place left), or null. */
    public static Instant reserveAt(Application a) {
        return Facts.instant(a, RESERVE_AT);
    }

    /** Staff marked a reference unsatisfactory: the reason, which only staff on the references pages see. */
    public record Unsatisfactory(int refereeNumber, String reason, String by, Instant at) {}

    /** The unsatisfactory reference that ended the application, if one did. */
    public static java.util.Optional<Unsatisfactory> unsatisfactory(Application a) {
        String reason = Facts.text(a, UNSATISFACTORY_REASON);
        if (reason == null || reason.isEmpty()) return java.util.Optional.empty();
        Integer n = Facts.number(a, UNSATISFACTORY_NUMBER);
        return java.util.Optional.of(
                new Unsatisfactory(
                        n == null ? 0 : n,
                        reason,
                        Facts.text(a, UNSATISFACTORY_BY),
                        Facts.instant(a, UNSATISFACTORY_AT)));
    }

    /**
     * The referees as they stand: those the applicant named, with any staff have replaced (by number) in their place.
     */
    public static List<org.involve.core.application.Referee> referees(Application a) {
        List<org.involve.core.application.Referee> out = new ArrayList<>();
        for (var r : org.involve.core.application.Referee.all(a.answers())) {
            String name = a.progress(replacement(r.number(), "name"));
            out.add(
                    name.isEmpty()
                            ? r
                            : new org.involve.core.application.Referee(
                                    r.number(),
                                    name,
                                    a.progress(replacement(r.number(), "relationship")),
                                    a.progress(replacement(r.number(), "knownFor")),
                                    a.progress(replacement(r.number(), "email")),
                                    a.progress(replacement(r.number(), "phone"))));
        }
        return out;
    }

    /** How many times staff have replaced referee {@code number}. */
    public static int replacements(Application a, int number) {
        Integer n = Facts.number(a, replacement(number, "count"));
        return n == null ? 0 : n;
    }

    /** On the reserve list. */
    static Map<String, String> reserved(String note, Instant at) {
        Map<String, String> facts =
                new java.util.HashMap<>(interviewResult(true, note, at, List.of()));
        facts.putAll(Facts.written().put(RESERVE_AT, at).map());
        return facts;
    }

    /** Offered a place from the reserve list. */
    static Map<String, String> placeOffered(Instant at) {
        return Facts.written().put(PLACE_OFFERED_AT, at).map();
    }

    /** The references asked for, one request per referee. */
    static Map<String, String> requested(List<ReferenceRequest> requests) {
        Facts.Written w = Facts.written();
        for (ReferenceRequest r : requests) w.put(request(r.number()), r.id());
        return w.map();
    }

    /** A reference marked unsatisfactory, with the reason kept for staff. */
    static Map<String, String> markedUnsatisfactory(
            int number, String reason, String by, Instant at) {
        return Facts.written()
                .put(UNSATISFACTORY_REASON, reason)
                .put(UNSATISFACTORY_NUMBER, number)
                .put(UNSATISFACTORY_BY, by)
                .put(UNSATISFACTORY_AT, at)
                .map();
    }

    /** Referee {@code replaced.number()} replaced by {@code with}: the new request, and the new referee's details. */
    static Map<String, String> refereeReplaced(
            Application a, ReferenceRequest replaced, org.involve.core.application.Referee with) {
        int n = replaced.number();
        return Facts.written()
                .put(request(n), replaced.id())
                .put(replacement(n, "name"), with.name())
                .put(replacement(n, "relationship"), with.relationship())
                .put(replacement(n, "knownFor"), with.knownFor())
                .put(replacement(n, "email"), with.email())
                .put(replacement(n, "phone"), with.phone())
                .put(replacement(n, "count"), replacements(a, n) + 1)
                .map();
    }

    private static String replacement(int number, String what) {
        return "references." + number + ".replacement." + what;
    }

    /** The fact naming the request to referee {@code number}. */
    private static String request(int number) {
        return "references." + number + ".request";
    }
}

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

    /** The fact naming the request to referee {@code number}. */
    private static String request(int number) {
        return "references." + number + ".request";
    }
}

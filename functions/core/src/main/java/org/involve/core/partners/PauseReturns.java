package org.involve.core.partners;

import java.time.Instant;
import java.time.LocalDate;
import org.involve.core.kit.ClosingTime;

/**
 * The daily part of pausing, on UK dates (Europe/London) so it is right across the GMT/BST changes: a pause ends on the
 * return date the partner gave. It reads only the partners paused with a return date that has come ({@link
 * PartnerRecords#returningBy}, an index keyed by that date) and brings each back by the same change as their own "Come
 * back" ({@link PartnerChanges#returnOnDate}: active again, audited as the scheduler's, the team told). A date missed
 * (the job did not run that day) is caught the next run; running it twice, or late, does what running it once does,
 * as each return is written on condition nothing changed and a partner already back is not in the list.
 */
public final class PauseReturns {
    static final String JOB = "pause-return";
    private final PartnerRecords records;
    private final PartnerChanges changes;

    public PauseReturns(PartnerRecords records, PartnerChanges changes) {
        this.records = records;
        this.changes = changes;
    }

    /** How many partners came back today. */
    public int run(Instant now) {
        LocalDate today = now.atZone(ClosingTime.UK).toLocalDate();
        int back = 0;
        for (String appointmentId : records.returningBy(today))
            if (changes.returnOnDate(JOB, appointmentId, now)) back++;
        return back;
    }
}

package org.involve.handlers;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.involve.core.payroll.PayrollExportJob;

/**
 * Every day (Europe/London): makes the month's payroll export once its export day has come (core's {@link
 * PayrollExportJob}: each payment in exactly one export, finance told), and in April the tax-year summaries.
 */
public class PayrollExportHandler extends ScheduledJob {
    private final PayrollExportJob job;

    public PayrollExportHandler() {
        this(Beans.get(PayrollExportJob.class), Beans.get(Clock.class));
    }

    public PayrollExportHandler(PayrollExportJob job, Clock clock) {
        super("payroll-export", clock);
        this.job = job;
    }

    @Override
    protected Map<String, Object> run(Instant now) {
        PayrollExportJob.Summary s = job.run(now);
        return Map.of( // a month and counts only
                "export", s.exportId(),
                "exported", s.exported(),
                "taxYearSummaries", s.taxYearSummaries());
    }
}

package org.involve.handlers;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.involve.adapters.DynamoOutbox;
import org.involve.adapters.SesMailSender;
import org.involve.core.outbox.MailDelivery;
import org.involve.core.outbox.MailDelivery.Outcome;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * On a schedule, sends outbox e-mails that are due but unsent (lost announcements and retries), and sets aside
 * attempts that never finished. Each outcome is counted in the same metrics as the mailer's ("MailGAVE_UP",
 * "MailNEEDS_CHECKING", ...), as most retries, and so most failures at the end of the retry window, happen here.
 */
public class OutboxSweepHandler extends ScheduledJob {
    private static final int BATCH = 100;
    private final MailDelivery delivery;
    private final Metrics metrics;

    /**
     * The outbox and SES sender priming rehearses a delivery with; null when built with a delivery of its own
     * (tests).
     */
    private SesMailSender ses;

    private DynamoOutbox outbox;

    public OutboxSweepHandler() {
        this(Beans.get(MailDelivery.class), Telemetry.metrics());
        this.ses = Beans.get(SesMailSender.class);
        this.outbox = Beans.get(DynamoOutbox.class);
        Priming.register("OutboxSweepFunction", this::prime);
    }

    public OutboxSweepHandler(MailDelivery delivery) {
        this(delivery, Telemetry.metrics());
    }

    public OutboxSweepHandler(MailDelivery delivery, Metrics metrics) {
        // Delivery keeps its own clock for what is due.
        super("outbox-sweep", Clock.systemUTC());
        this.delivery = delivery;
        this.metrics = metrics;
    }

    /** {"sent": n}, with the count of any other outcome that happened (never an address). */
    @Override
    protected Map<String, Object> run(Instant now) {
        Map<Outcome, Integer> counts = delivery.sweepOutcomes(BATCH);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("sent", counts.get(Outcome.SENT));
        counts.forEach(
                (outcome, n) -> {
                    if (n > 0) metrics.addMetric("Mail" + outcome.name(), n, MetricUnit.COUNT);
                    if (n > 0 && outcome != Outcome.SENT && outcome != Outcome.NOTHING_TO_DO)
                        summary.put(outcome.name().toLowerCase(Locale.ROOT), n);
                });
        metrics.flush();
        return summary;
    }

    /**
     * SnapStart priming (see {@link Priming}): a sweep sends whatever is due whatever the time, so priming does not
     * run it; it primes as the mailer does ({@link MailerHandler#prime}): a message that is not in the outbox, a delivery's
     * writes and send that never leave, a metric that is dropped. Nothing is claimed, sent or counted.
     */
    @Override
    public void prime() {
        MailerHandler.prime(delivery, outbox, ses);
    }
}

package org.involve.handlers;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.involve.core.payments.Claims;

/**
 * Every five minutes, sends to the payments queue any approved claim whose message was not sent when it was approved
 * (SQS unreachable for that moment). Sending one twice is harmless: the calculator records one payment per claim.
 */
public class PaymentsSweepHandler extends ScheduledJob {
    private final Claims claims;

    public PaymentsSweepHandler() {
        this(Beans.get(Claims.class), Beans.get(Clock.class));
        Priming.register("PaymentsSweepFunction", this::prime);
    }

    public PaymentsSweepHandler(Claims claims, Clock clock) {
        super("payments-sweep", clock);
        this.claims = claims;
    }

    @Override
    protected Map<String, Object> run(Instant now) {
        return Map.of("sent", claims.sendWaitingPayments()); // a count only
    }

    /**
     * SnapStart priming (see {@link Priming}): a sweep sends whatever is waiting whatever the time, so priming only
     * reads a claim that is not there (the claims table's read, Jackson).
     */
    @Override
    public void prime() {
        claims.find(Priming.NOT_THERE);
    }
}

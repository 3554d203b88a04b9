package org.involve.core.payments;

import java.time.Instant;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Letter;
import org.involve.core.kit.Words;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerLetters;
import org.involve.core.partners.PaymentChoice;
import org.involve.core.role.Money;
import org.involve.core.role.Role;

/**
 * The partner is told either way when staff decide a claim. Every payment e-mail carries the free benefits-advice
 * signpost ({@link #benefits}), and the partner's "your involvement" link. Message ids name the
 * claim, so writing one twice is one e-mail.
 */
public final class PaymentLetters {
    private static final Words WORDS = Words.of("payments");
    private final PartnerLetters partnerLetters;

    public PaymentLetters(PartnerLetters partnerLetters) {
        this.partnerLetters = partnerLetters;
    }

    public OutboxMessage approved(
            Role role, Partner p, Claim claim, ClaimReview review, Instant now) {
        PaymentRecord pay = review.preview();
        Letter l =
                Letter.of(WORDS, "claimApproved")
                        .say("greeting", "name", p.involvement().name())
                        .say("intro", "dates", dates(pay));
        if (!claim.involvement().isEmpty()) {
            if (p.appointment().payment() == PaymentChoice.ACCEPTED && pay.involvementPence() > 0)
                l.say("involvement", "amount", Money.pounds(pay.involvementPence()));
            else if (p.appointment().payment() == PaymentChoice.DECLINED) l.say("declined");
        }
        if (pay.expensesPence() > 0) l.say("expenses", "amount", Money.pounds(pay.expensesPence()));
        l.say("when");
        review.warnings().forEach(w -> l.say("warning", "warning", w));
        benefits(l, role);
        partnerLetters.withLink(l, p.id(), now);
        return new OutboxMessage(
                "claim-approved-" + claim.id(),
                l.send(p.involvement().email(), "role", role.title()),
                now,
                now,
                0,
                "claim-approved");
    }

    public OutboxMessage rejected(
            Role role, Partner p, Claim claim, PaymentRecord preview, Instant now) {
        Letter l =
                Letter.of(WORDS, "claimRejected")
                        .say("greeting", "name", p.involvement().name())
                        .say("intro", "dates", dates(preview))
                        .say("reason", "reason", claim.rejectionReason())
                        .say(
                                "again",
                                "contact",
                                role.contact().name(),
                                "email",
                                role.contact().email());
        benefits(l, role);
        partnerLetters.withLink(l, p.id(), now);
        return new OutboxMessage(
                "claim-rejected-" + claim.id(),
                l.send(p.involvement().email(), "role", role.title()),
                now,
                now,
                0,
                "claim-rejected");
    }

    /**
     * The benefits-advice signpost: a heading and where the role's organisation sends partners for free benefits
     * advice (the role's benefits advice e-mail address, which every paid role has).
     */
    public static Letter benefits(Letter l, Role role) {
        Letter b = Letter.of(WORDS, "benefits");
        String email = role.contact().benefitsAdviceEmail();
        return l.heading(b.words("heading"))
                .paragraph(
                        email == null || email.isBlank()
                                ? b.words("body.noEmail")
                                : b.words("body", "email", email));
    }

    private static String dates(PaymentRecord pay) {
        return pay.firstDate().equals(pay.lastDate())
                ? ClosingTime.displayDate(pay.firstDate())
                : WORDS.format(
                        "dates.range",
                        "from",
                        ClosingTime.displayDate(pay.firstDate()),
                        "to",
                        ClosingTime.displayDate(pay.lastDate()));
    }
}

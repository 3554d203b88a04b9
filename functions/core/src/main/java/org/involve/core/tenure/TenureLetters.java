package org.involve.core.tenure;

import java.time.Instant;
import java.time.LocalDate;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Letter;
import org.involve.core.kit.Words;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerLetters;
import org.involve.core.partners.ReviewDates;
import org.involve.core.paths.StaffPaths;
import org.involve.core.role.Role;

/**
 * The tenure review's e-mails: the partner is asked (and chased) whether they would like to continue, from their "your
 * involvement" link; the team is asked (and chased) whether they recommend it, with a link to the partner's page (naming
 * the application reference, never the partner); at the end the partner is thanked with a summary of what they gave
 * and the team is told. Message ids name the appointment, the end date and the step, so writing one twice is one
 * e-mail.
 */
public final class TenureLetters {
    private static final Words WORDS = Words.of("tenure");

    /** The step of "your involvement" where the partner answers the review. */
    public static final String ANSWER_STEP = "tenure-review";

    private final PartnerLetters partnerLetters;
    private final String staffSiteUrl;

    public TenureLetters(PartnerLetters partnerLetters, String staffSiteUrl) {
        if (staffSiteUrl == null || !staffSiteUrl.matches("https?://[^\\s]+"))
            throw new IllegalArgumentException("The staff site address must be an http(s) address");
        this.partnerLetters = partnerLetters;
        this.staffSiteUrl = staffSiteUrl.replaceAll("/+$", "");
    }

    /** Would they like to continue? {@code chase} for the one reminder. */
    public OutboxMessage askPartner(
            Role role, Partner p, LocalDate ends, boolean chase, Instant now) {
        boolean reviewDate = isReviewDate(p, ends);
        String name =
                reviewDate
                        ? (chase ? "reviewDateChase" : "reviewDateAsk")
                        : (chase ? "reviewChase" : "reviewAsk");
        Letter l =
                Letter.of(WORDS, name)
                        .say("greeting", "name", p.involvement().name())
                        .say("intro", "role", role.title(), "date", ClosingTime.displayDate(ends));
        if (reviewDate) l.say(lastOrNext(role, p), nextDates(role, p));
        l.say("question")
                .linked("answer", partnerLetters.link(p.id(), now) + "/" + ANSWER_STEP)
                .say("contact", "name", role.contact().name(), "email", role.contact().email());
        partnerLetters.withLink(l, p.id(), now);
        return message(
                "tenure-" + (chase ? "chase" : "ask") + "-" + p.id() + "-" + ends,
                l.send(p.involvement().email(), "role", role.title()),
                now,
                "tenure-" + (chase ? "chase" : "ask"));
    }

    /** Do staff recommend they continue? {@code chase} for the one reminder. */
    public OutboxMessage askTeam(Role role, Partner p, LocalDate ends, boolean chase, Instant now) {
        String reference = p.appointment().applicationReference();
        boolean reviewDate = isReviewDate(p, ends);
        Letter l =
                Letter.of(
                                WORDS,
                                reviewDate
                                        ? (chase ? "reviewDateChaseTeam" : "reviewDateTeam")
                                        : (chase ? "reviewChaseTeam" : "reviewTeam"))
                        .say(
                                "intro",
                                "reference",
                                reference,
                                "role",
                                role.title(),
                                "date",
                                ClosingTime.displayDate(ends));
        if (reviewDate) l.say(lastOrNext(role, p), nextDates(role, p));
        l.say("question").linked("link", partnerPage(role, reference));
        return message(
                "tenure-team-" + (chase ? "chase" : "ask") + "-" + p.id() + "-" + ends,
                l.send(role.contact().teamEmail(), "reference", reference),
                now,
                "tenure-team-" + (chase ? "chase" : "ask"));
    }

    /** Thank you, with what they gave, on the day their time in the role ends. */
    public OutboxMessage thankYou(
            Role role, Partner p, LocalDate ended, Contribution c, Instant now) {
        Letter l =
                Letter.of(WORDS, "thankYou")
                        .say("greeting", "name", p.involvement().name())
                        .say("thanks", "role", role.title(), "programme", role.programme())
                        .say("ended", "date", ClosingTime.displayDate(ended))
                        .say("summary")
                        .say(
                                "meetings",
                                "meetings",
                                c.meetings(),
                                "hours",
                                c.hours(),
                                "days",
                                c.days());
        if (c.impactEntries().isPresent()) l.say("impact", "entries", c.impactEntries().getAsInt());
        l.say("door")
                .say("contact", "name", role.contact().name(), "email", role.contact().email());
        partnerLetters.withLink(l, p.id(), now);
        return message(
                "tenure-thanks-" + p.id() + "-" + ended,
                l.send(p.involvement().email(), "role", role.title()),
                now,
                "tenure-thanks");
    }

    /** The team is told the role ended, with a link to the partner's page. */
    public OutboxMessage endedTeam(Role role, Partner p, LocalDate ended, Instant now) {
        String reference = p.appointment().applicationReference();
        Letter l =
                Letter.of(WORDS, "endedTeam")
                        .say(
                                "intro",
                                "reference",
                                reference,
                                "role",
                                role.title(),
                                "date",
                                ClosingTime.displayDate(ended))
                        .say(p.involvement().byEmail() ? "thanked" : "thankThem")
                        .linked("link", partnerPage(role, reference));
        return message(
                "tenure-team-ended-" + p.id() + "-" + ended,
                l.send(role.contact().teamEmail(), "reference", reference),
                now,
                "tenure-team-ended");
    }

    private String partnerPage(Role role, String reference) {
        return staffSiteUrl + StaffPaths.PARTNER_CANDIDATE.fill(role.id(), reference);
    }

    private static OutboxMessage message(
            String id, org.involve.core.kit.Email e, Instant now, String kind) {
        return new OutboxMessage(id, e, now, now, 0, kind);
    }

    /** The team is told what the partner answered, with a link to their page. */
    public OutboxMessage partnerAnswered(Role role, Partner p, TenureReview r, Instant now) {
        String reference = p.appointment().applicationReference();
        Letter l =
                Letter.of(WORDS, "partnerAnswered")
                        .say(
                                r.partnerAnswer() == TenureReview.Answer.YES ? "yes" : "no",
                                "reference",
                                reference,
                                "role",
                                role.title(),
                                "date",
                                ClosingTime.displayDate(r.ends()))
                        .say(isReviewDate(p, r.ends()) ? "nextReview" : "next")
                        .linked("link", partnerPage(role, reference));
        return message(
                "tenure-answered-" + p.id() + "-" + r.ends() + "-" + r.version(),
                l.send(role.contact().teamEmail(), "reference", reference),
                now,
                "tenure-answered");
    }

    /** The partner is told their term was extended, and until when. */
    public OutboxMessage extended(Role role, Partner after, LocalDate oldEnd, Instant now) {
        Letter l =
                Letter.of(WORDS, "extended")
                        .say("greeting", "name", after.involvement().name())
                        .say(
                                "intro",
                                "role",
                                role.title(),
                                "date",
                                ClosingTime.displayDate(after.appointment().ends()))
                        .say("thanks")
                        .say(
                                "contact",
                                "name",
                                role.contact().name(),
                                "email",
                                role.contact().email());
        partnerLetters.withLink(l, after.id(), now);
        return message(
                "tenure-extended-" + after.id() + "-" + oldEnd,
                l.send(after.involvement().email(), "role", role.title()),
                now,
                "tenure-extended");
    }

    /** The partner is told they carry on after a review date, and when the next review is (or that it was the last). */
    public OutboxMessage carriedOn(Role role, Partner after, LocalDate reviewDate, Instant now) {
        var a = after.appointment();
        Letter l =
                Letter.of(WORDS, "carriedOn")
                        .say("greeting", "name", after.involvement().name())
                        .say("intro", "role", role.title());
        if (a.reviewDateAhead()) l.say("next", "date", ClosingTime.displayDate(a.reviewDate()));
        else l.say("last", "date", ClosingTime.displayDate(a.ends()));
        l.say("thanks")
                .say("contact", "name", role.contact().name(), "email", role.contact().email());
        partnerLetters.withLink(l, after.id(), now);
        return message(
                "tenure-carried-on-" + after.id() + "-" + reviewDate,
                l.send(after.involvement().email(), "role", role.title()),
                now,
                "tenure-carried-on");
    }

    /** {@code day} is the appointment's review date (ahead of its end), not the end of their time in the role. */
    static boolean isReviewDate(Partner p, LocalDate day) {
        return p.appointment().reviewDateAhead() && day.equals(p.appointment().reviewDate());
    }

    /** The line on what carrying on means: the next review, or that this review is the last before the limit. */
    private static String lastOrNext(Role role, Partner p) {
        return ReviewDates.isLast(p.appointment(), role.tenure()) ? "last" : "next";
    }

    private static Object[] nextDates(Role role, Partner p) {
        return new Object[] {
            "next",
            ClosingTime.displayDate(ReviewDates.next(p.appointment(), role.tenure())),
            "latest",
            ClosingTime.displayDate(p.appointment().ends())
        };
    }
}

package org.involve.core.tenure;

import java.time.Instant;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Email;
import org.involve.core.kit.Letter;
import org.involve.core.kit.Words;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerLetters;
import org.involve.core.paths.StaffPaths;
import org.involve.core.role.Role;

/**
 * The annual check-in's e-mails: the partner is asked (and chased once) how it is going, answering from their "your
 * involvement" link; the team is asked (and chased) to hold the conversation and record it on the partner's page,
 * naming the application reference, never the partner. For a partner who chose telephone or post, or who is paused,
 * the team's e-mail is the task of reaching them. Message ids name the appointment, the year and the step, so writing
 * one twice is one e-mail.
 */
public final class CheckInLetters {
    private static final Words WORDS = Words.of("tenure");

    /** The step of "your involvement" where the partner answers, and of the staff partner page where it is recorded. */
    public static final String STEP = "check-in";

    private final PartnerLetters partnerLetters;
    private final String staffSiteUrl;

    public CheckInLetters(PartnerLetters partnerLetters, String staffSiteUrl) {
        if (staffSiteUrl == null || !staffSiteUrl.matches("https?://[^\\s]+"))
            throw new IllegalArgumentException("The staff site address must be an http(s) address");
        this.partnerLetters = partnerLetters;
        this.staffSiteUrl = staffSiteUrl.replaceAll("/+$", "");
    }

    /** How is it going? {@code chase} for the one reminder. */
    public OutboxMessage askPartner(Role role, Partner p, CheckIn c, boolean chase, Instant now) {
        String name = chase ? "checkInChase" : "checkInAsk";
        Letter l =
                Letter.of(WORDS, name)
                        .say("greeting", "name", p.involvement().name())
                        .say("intro", "role", role.title(), "years", c.year())
                        .say("question")
                        .linked("answer", partnerLetters.link(p.id(), now) + "/" + STEP)
                        .say(
                                "contact",
                                "name",
                                role.contact().name(),
                                "email",
                                role.contact().email());
        partnerLetters.withLink(l, p.id(), now);
        return message(
                "checkin-" + (chase ? "chase" : "ask") + "-" + p.id() + "-" + c.year(),
                l.send(p.involvement().email(), "role", role.title()),
                now,
                "checkin-" + (chase ? "chase" : "ask"));
    }

    /**
     * The team: please hold the check-in and record it. Without an e-mail to the partner (telephone or post, or
     * paused) it says so, and that the team reaches them.
     */
    public OutboxMessage askTeam(Role role, Partner p, CheckIn c, boolean chase, Instant now) {
        String reference = p.appointment().applicationReference();
        Letter l =
                Letter.of(WORDS, chase ? "checkInChaseTeam" : "checkInTeam")
                        .say(
                                "intro",
                                "reference",
                                reference,
                                "role",
                                role.title(),
                                "years",
                                c.year(),
                                "date",
                                ClosingTime.displayDate(c.due()))
                        .say(
                                c.byEmail()
                                        ? "emailed"
                                        : p.status().name().equals("PAUSED")
                                                ? "paused"
                                                : "contactThem",
                                "method",
                                WORDS.get("field.contactMethod." + p.involvement().contactMethod()))
                        .say("record")
                        .linked("link", partnerPage(role, reference));
        return message(
                "checkin-team-" + (chase ? "chase" : "ask") + "-" + p.id() + "-" + c.year(),
                l.send(role.contact().teamEmail(), "reference", reference),
                now,
                "checkin-team-" + (chase ? "chase" : "ask"));
    }

    /** The team is told the partner answered, with a link to their page. */
    public OutboxMessage partnerAnswered(Role role, Partner p, CheckIn c, Instant now) {
        String reference = p.appointment().applicationReference();
        Letter l =
                Letter.of(WORDS, "checkInAnswered")
                        .say("intro", "reference", reference, "role", role.title())
                        .say(c.support() == null || c.support().isEmpty() ? "noSupport" : "support")
                        .say("record")
                        .linked("link", partnerPage(role, reference));
        return message(
                "checkin-answered-" + p.id() + "-" + c.year() + "-" + c.version(),
                l.send(role.contact().teamEmail(), "reference", reference),
                now,
                "checkin-answered");
    }

    private String partnerPage(Role role, String reference) {
        return staffSiteUrl + StaffPaths.PARTNER_CANDIDATE.fill(role.id(), reference);
    }

    private static OutboxMessage message(String id, Email e, Instant now, String kind) {
        return new OutboxMessage(id, e, now, now, 0, kind);
    }
}

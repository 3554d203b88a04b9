package org.involve.core.partners;

import java.time.Duration;
import java.time.Instant;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Email;
import org.involve.core.kit.Letter;
import org.involve.core.kit.Words;
import org.involve.core.links.LinkPurpose;
import org.involve.core.links.SignedLink;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.paths.PublicPaths;
import org.involve.core.paths.StaffPaths;
import org.involve.core.role.Role;

/**
 * The partners' letters. Every e-mail to a partner ends with their signed, expiring link to "your involvement"
 * ({@link #withLink}); the team's notice of a change names the application reference and links to the partner's page,
 * never the partner's details.
 */
public final class PartnerLetters {
    private static final Words WORDS = Words.of("partners");
    private final String siteUrl;
    private final String staffSiteUrl;
    private final SignedLink links;
    private final Duration linkLife;

    public PartnerLetters(
            String siteUrl, String staffSiteUrl, SignedLink links, Duration linkLife) {
        if (siteUrl == null || !siteUrl.matches("https?://[^\\s]+"))
            throw new IllegalArgumentException("The site address must be an http(s) address");
        if (staffSiteUrl == null || !staffSiteUrl.matches("https?://[^\\s]+"))
            throw new IllegalArgumentException("The staff site address must be an http(s) address");
        if (links == null) throw new IllegalArgumentException("Partner links need a signer");
        if (linkLife == null || linkLife.isNegative() || linkLife.isZero())
            throw new IllegalArgumentException("A partner link must last some time");
        this.siteUrl = siteUrl.replaceAll("/+$", "");
        this.staffSiteUrl = staffSiteUrl.replaceAll("/+$", "");
        this.links = links;
        this.linkLife = linkLife;
    }

    /** A fresh link to "your involvement" for one appointment. */
    public String link(String appointmentId, Instant now) {
        return siteUrl
                + PublicPaths.YOUR_INVOLVEMENT.fill(
                        links.issue(LinkPurpose.PARTNER, appointmentId, now.plus(linkLife)));
    }

    /** Adds the closing paragraph with their link, and until when it works, to a letter to a partner. */
    public Letter withLink(Letter letter, String appointmentId, Instant now) {
        Letter w = Letter.of(WORDS, "yourLink");
        return letter.heading(w.words("heading"))
                .paragraph(w.words("body"))
                .link(w.words("link"), link(appointmentId, now))
                .paragraph(
                        w.words(
                                "expires",
                                "date",
                                ClosingTime.displayDate(
                                        now.plus(linkLife).atZone(ClosingTime.UK).toLocalDate()),
                                "newLink",
                                siteUrl + PublicPaths.YOUR_INVOLVEMENT_NEW_LINK.fill()));
    }

    /** The team is told of a change a partner made, with a link to their page. */
    public OutboxMessage teamNotice(Role role, Partner after, String change, Instant now) {
        Appointment a = after.appointment();
        Email e =
                Letter.of(WORDS, "partnerChanged")
                        .say(
                                "intro",
                                "reference",
                                a.applicationReference(),
                                "role",
                                role.title(),
                                "change",
                                change)
                        .linked(
                                "link",
                                staffSiteUrl
                                        + StaffPaths.PARTNER_CANDIDATE.fill(
                                                role.id(), a.applicationReference()))
                        .send(role.contact().teamEmail(), "reference", a.applicationReference());
        return new OutboxMessage(
                "partner-changed-" + a.id() + "-" + after.involvement().version(),
                e,
                now,
                now,
                0,
                "partner-changed");
    }

    /** Thank you and goodbye, when a partner retires. */
    public OutboxMessage farewell(Role role, Partner p, Instant now) {
        Letter l =
                Letter.of(WORDS, "farewell")
                        .say("greeting", "name", p.involvement().name())
                        .say("thanks", "role", role.title(), "programme", role.programme())
                        .say("retired", "date", ClosingTime.displayDate(today(now)))
                        .say("door")
                        .say(
                                "contact",
                                "name",
                                role.contact().name(),
                                "email",
                                role.contact().email());
        withLink(l, p.id(), now);
        return new OutboxMessage(
                "partner-farewell-" + p.id(),
                l.send(p.involvement().email(), "role", role.title()),
                now,
                now,
                0,
                "partner-farewell");
    }

    /**
     * A new link, asked for from the site. Its id names the appointment and the UK hour, so asking again and again
     * sends at most one an hour.
     */
    public OutboxMessage newLink(Role role, Partner p, Instant now) {
        Letter l =
                Letter.of(WORDS, "newLink")
                        .say("greeting", "name", p.involvement().name())
                        .say("asked", "role", role.title())
                        .say("notYou");
        withLink(l, p.id(), now);
        String hour = now.atZone(ClosingTime.UK).toLocalDateTime().toString().substring(0, 13);
        return new OutboxMessage(
                "partner-new-link-" + p.id() + "-" + hour,
                l.send(p.involvement().email(), "role", role.title()),
                now,
                now,
                0,
                "partner-new-link");
    }

    static java.time.LocalDate today(Instant now) {
        return now.atZone(ClosingTime.UK).toLocalDate();
    }
}

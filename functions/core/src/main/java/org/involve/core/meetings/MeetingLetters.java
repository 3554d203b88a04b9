package org.involve.core.meetings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Letter;
import org.involve.core.kit.Words;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerLetters;
import org.involve.core.paths.StaffPaths;
import org.involve.core.role.Role;

/**
 * The meetings' e-mails: the invitation and the papers to each invited partner (each with their "your involvement"
 * link), and the team's task when someone is below the attendance minimum (naming the application reference and
 * linking to the partner's page, never naming the partner). Message ids name what they are about, so writing one twice
 * is one e-mail.
 */
public final class MeetingLetters {
    private static final Words WORDS = Words.of("meetings");
    private final PartnerLetters partnerLetters;
    private final String staffSiteUrl;

    public MeetingLetters(PartnerLetters partnerLetters, String staffSiteUrl) {
        if (staffSiteUrl == null || !staffSiteUrl.matches("https?://[^\\s]+"))
            throw new IllegalArgumentException("The staff site address must be an http(s) address");
        this.partnerLetters = partnerLetters;
        this.staffSiteUrl = staffSiteUrl.replaceAll("/+$", "");
    }

    public OutboxMessage invitation(Role role, Meeting m, Partner p, Instant now) {
        Letter l =
                Letter.of(WORDS, "invitation")
                        .say("greeting", "name", p.involvement().name())
                        .say("intro", "role", role.title(), "programme", role.programme());
        details(l, m);
        if (!m.papers().isEmpty()
                && m.papersDue() != null
                && m.papersDue().isAfter(m.plannedAt().atZone(ClosingTime.UK).toLocalDate()))
            l.say("papersLater", "date", ClosingTime.displayDate(m.papersDue()));
        l.say("cannotCome", "name", role.contact().name(), "email", role.contact().email());
        partnerLetters.withLink(l, p.id(), now);
        return new OutboxMessage(
                "meeting-invitation-" + m.id() + "-" + p.id(),
                l.send(p.involvement().email(), "role", role.title(), "when", m.when()),
                now,
                now,
                0,
                "meeting-invitation");
    }

    public OutboxMessage papers(Role role, Meeting m, Partner p, Instant now) {
        Letter l =
                Letter.of(WORDS, "papers")
                        .say("greeting", "name", p.involvement().name())
                        .say("intro", "role", role.title(), "when", m.when());
        if (m.papersAreLink()) l.linked("link", m.papers());
        else l.paragraph(m.papers());
        details(l, m);
        partnerLetters.withLink(l, p.id(), now);
        return new OutboxMessage(
                "meeting-papers-"
                        + m.id()
                        + (m.version() > 1 ? "-v" + m.version() : "")
                        + "-"
                        + p.id(),
                l.send(p.involvement().email(), "role", role.title(), "when", m.when()),
                now,
                now,
                0,
                "meeting-papers");
    }

    /** The team is asked to offer a supportive conversation, with a link to the partner's page. */
    public OutboxMessage belowMinimum(
            Role role, Partner p, AttendanceStanding s, String period, Instant now) {
        String reference = p.appointment().applicationReference();
        Letter l =
                Letter.of(WORDS, "belowMinimum")
                        .say("intro", "reference", reference, "role", role.title())
                        .say(
                                "counts",
                                "attended",
                                s.attended(),
                                "apologies",
                                s.apologies(),
                                "absent",
                                s.absent())
                        .say(
                                s.kind() == AttendanceStanding.Kind.PERCENT
                                        ? "minimum.percent"
                                        : "minimum.count",
                                "required",
                                s.required())
                        .say("supportive")
                        .linked(
                                "link",
                                staffSiteUrl
                                        + StaffPaths.PARTNER_CANDIDATE.fill(role.id(), reference));
        return new OutboxMessage(
                "attendance-below-" + p.id() + "-" + period,
                l.send(role.contact().teamEmail(), "reference", reference),
                now,
                now,
                0,
                "attendance-below");
    }

    /** What changed from {@code before} to {@code after}, one plain sentence each, old and new; empty if nothing. */
    public static List<String> changes(Meeting before, Meeting after) {
        List<String> out = new ArrayList<>();
        if (!before.startsAt().equals(after.startsAt()))
            out.add(WORDS.format("change.when", "old", before.when(), "new", after.when()));
        if (before.minutes() != after.minutes())
            out.add(
                    WORDS.format(
                            "change.length",
                            "old",
                            length(before.minutes()),
                            "new",
                            length(after.minutes())));
        if (!before.place().equals(after.place()))
            out.add(
                    after.place().isEmpty()
                            ? WORDS.format("change.place.removed", "old", before.place())
                            : before.place().isEmpty()
                                    ? WORDS.format("change.place.added", "new", after.place())
                                    : WORDS.format(
                                            "change.place",
                                            "old",
                                            before.place(),
                                            "new",
                                            after.place()));
        if (!before.videoLink().equals(after.videoLink()))
            out.add(
                    after.videoLink().isEmpty()
                            ? WORDS.get("change.video.removed")
                            : before.videoLink().isEmpty()
                                    ? WORDS.get("change.video.added")
                                    : WORDS.get("change.video"));
        if (!before.papers().equals(after.papers()))
            out.add(
                    after.papers().isEmpty()
                            ? WORDS.get("change.papers.removed")
                            : WORDS.get("change.papers"));
        return out;
    }

    /** To one invited partner: what changed (old and new), then the meeting as it is now. */
    public OutboxMessage changed(
            Role role,
            Meeting before,
            Meeting after,
            List<String> changes,
            Partner p,
            Instant now) {
        Letter l =
                Letter.of(WORDS, "changed")
                        .say("greeting", "name", p.involvement().name())
                        .say("intro", "role", role.title(), "when", before.when());
        changes.forEach(l::paragraph);
        l.say("now");
        details(l, after);
        if (!after.papers().isEmpty() && after.papersDue() != null)
            l.say("papersLater", "date", ClosingTime.displayDate(after.papersDue()));
        l.say("cannotCome", "name", role.contact().name(), "email", role.contact().email());
        partnerLetters.withLink(l, p.id(), now);
        return new OutboxMessage(
                "meeting-changed-" + after.id() + "-v" + after.version() + "-" + p.id(),
                l.send(p.involvement().email(), "role", role.title(), "when", after.when()),
                now,
                now,
                0,
                "meeting-changed");
    }

    /** To one invited partner: the meeting is cancelled. */
    public OutboxMessage cancelled(Role role, Meeting m, Partner p, Instant now) {
        Letter l =
                Letter.of(WORDS, "cancelled")
                        .say("greeting", "name", p.involvement().name())
                        .say("intro", "role", role.title(), "when", m.when())
                        .say("noNeed")
                        .say(
                                "questions",
                                "name",
                                role.contact().name(),
                                "email",
                                role.contact().email());
        partnerLetters.withLink(l, p.id(), now);
        return new OutboxMessage(
                "meeting-cancelled-" + m.id() + "-" + p.id(),
                l.send(p.involvement().email(), "role", role.title(), "when", m.when()),
                now,
                now,
                0,
                "meeting-cancelled");
    }

    private static void details(Letter l, Meeting m) {
        l.say("when", "when", m.when(), "length", length(m.minutes()));
        if (!m.place().isEmpty()) l.say("place", "place", m.place());
        if (!m.videoLink().isEmpty()) l.linked("video", m.videoLink());
    }

    /** "1 hour", "2 hours", "90 minutes". */
    public static String length(int minutes) {
        if (minutes % 60 != 0) return WORDS.format("length.minutes", "count", minutes);
        return minutes == 60
                ? WORDS.get("length.hour")
                : WORDS.format("length.hours", "count", minutes / 60);
    }
}

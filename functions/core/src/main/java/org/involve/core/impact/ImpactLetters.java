package org.involve.core.impact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.involve.core.kit.Letter;
import org.involve.core.kit.Version;
import org.involve.core.kit.Words;
import org.involve.core.meetings.Meeting;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerLetters;
import org.involve.core.role.Role;

/**
 * The "you said, we did" digest to one partner of a group: each new entry (what partners said, what changed, and the
 * meeting it came from), with their "your involvement" link as every e-mail to a partner has. Its message id names the
 * partner and the entries, so writing it twice is one e-mail.
 */
public final class ImpactLetters {
    private static final Words WORDS = Words.of("impact");
    private final PartnerLetters partnerLetters;

    public ImpactLetters(PartnerLetters partnerLetters) {
        this.partnerLetters = partnerLetters;
    }

    public OutboxMessage digest(
            Role role,
            Partner p,
            List<ImpactEntry> entries,
            Map<String, Meeting> meetings,
            Instant now) {
        Letter l =
                Letter.of(WORDS, "digest")
                        .say("greeting", "name", p.involvement().name())
                        .say(
                                entries.size() == 1 ? "intro.one" : "intro.many",
                                "role",
                                role.title(),
                                "count",
                                entries.size());
        List<String> ids = new ArrayList<>();
        for (ImpactEntry e : entries) {
            ids.add(e.id());
            Meeting m = meetings.get(e.meetingId());
            l.heading(
                    m == null
                            ? l.words("entry.heading", "date", ImpactLog.display(e.day()))
                            : l.words("entry.headingMeeting", "when", m.when()));
            l.say("entry.youSaid", "text", e.youSaid());
            l.say("entry.weDid", "text", e.weDid());
        }
        l.say("thanks")
                .say("contact", "name", role.contact().name(), "email", role.contact().email());
        partnerLetters.withLink(l, p.id(), now);
        return new OutboxMessage(
                "impact-digest-" + p.id() + "-" + Version.of(String.join("|", ids)),
                l.send(p.involvement().email(), "role", role.title()),
                now,
                now,
                0,
                "impact-digest");
    }
}

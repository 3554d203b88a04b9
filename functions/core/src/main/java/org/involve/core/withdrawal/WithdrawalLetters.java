package org.involve.core.withdrawal;

import java.time.Instant;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.kit.Email;
import org.involve.core.kit.Letter;
import org.involve.core.kit.Words;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.paths.StaffPaths;
import org.involve.core.role.Contact;
import org.involve.core.role.Role;

/**
 * The withdrawal e-mails: a confirmation to the applicant with the team's contact, and a note to the team linking to
 * the application (so they can stop anything they had planned). Message ids name the application, so writing one twice
 * sends it once.
 */
public final class WithdrawalLetters {
    private static final Words WORDS = Words.of("withdrawal");
    private final String staffSiteUrl;

    public WithdrawalLetters(String staffSiteUrl) {
        if (staffSiteUrl == null || !staffSiteUrl.matches("https?://[^\\s]+"))
            throw new IllegalArgumentException("The staff site address must be an http(s) address");
        this.staffSiteUrl = staffSiteUrl.replaceAll("/+$", "");
    }

    public OutboxMessage confirmation(Role role, Application app, Instant now) {
        Contact c = role.contact();
        Letter l =
                Letter.of(WORDS, "confirmation")
                        .say("greeting", "name", app.answer(ApplicationForm.FULL_NAME))
                        .say("withdrawn", "role", role.title(), "reference", app.reference())
                        .say("nothingMore")
                        .say("mistake");
        if (c.hasPhone())
            l.say("contact.withPhone", "name", c.name(), "email", c.email(), "phone", c.phone());
        else l.say("contact.withoutPhone", "name", c.name(), "email", c.email());
        l.say("thanks");
        return message(
                "withdrawn-" + app.reference(),
                l.send(app.answer(ApplicationForm.EMAIL), "role", role.title()),
                now,
                "withdrawal-confirmation");
    }

    public OutboxMessage toTeam(Role role, Application app, String from, String how, Instant now) {
        Letter l =
                Letter.of(WORDS, "teamWithdrawn")
                        .say(
                                "withdrawn",
                                "reference",
                                app.reference(),
                                "role",
                                role.title(),
                                "how",
                                WORDS.get("how." + how),
                                "from",
                                Application.Status.valueOf(from).label());
        if (Application.Status.INTERVIEW_BOOKED.name().equals(from)) l.say("slotFreed");
        l.linked("link", staffSiteUrl + StaffPaths.APPLICATION.fill(app.reference()));
        return message(
                "withdrawn-team-" + app.reference(),
                l.send(role.contact().teamEmail(), "reference", app.reference()),
                now,
                "withdrawal-team");
    }

    private static OutboxMessage message(String id, Email email, Instant now, String purpose) {
        return new OutboxMessage(id, email, now, now, 0, purpose);
    }
}

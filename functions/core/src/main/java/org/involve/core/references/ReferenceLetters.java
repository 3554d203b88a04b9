package org.involve.core.references;

import java.time.Instant;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.application.Referee;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Counts;
import org.involve.core.kit.Email;
import org.involve.core.kit.Letter;
import org.involve.core.kit.Words;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.paths.PublicPaths;
import org.involve.core.paths.StaffPaths;
import org.involve.core.role.Role;

/** The e-mails of the references step: the request (and its reminders) to each referee, and the team's tasks. */
final class ReferenceLetters {
    private static final Words WORDS = Words.of("references");
    private final ReferenceSettings settings;

    ReferenceLetters(ReferenceSettings settings) {
        this.settings = settings;
    }

    Email request(
            Role role,
            Application app,
            Referee referee,
            String token,
            Instant expiresAt,
            boolean reminder) {
        String applicant = app.answer(ApplicationForm.FULL_NAME);
        Letter l = Letter.of(WORDS, "request").say("greeting", "name", referee.name());
        if (reminder) l.say("reminder");
        l.say(
                        "why",
                        "applicant",
                        applicant,
                        "role",
                        role.title(),
                        "organisation",
                        role.organisation())
                .say("form")
                .linked("link", settings.siteUrl() + PublicPaths.REFERENCE_FORM.fill(token))
                .say(
                        "once",
                        "until",
                        ClosingTime.displayDate(expiresAt.atZone(ClosingTime.UK).toLocalDate()));
        if (!role.contact().hasPhone())
            l.say(
                    "contact.withoutPhone",
                    "name",
                    role.contact().name(),
                    "email",
                    role.contact().email());
        else
            l.say(
                    "contact.withPhone",
                    "name",
                    role.contact().name(),
                    "email",
                    role.contact().email(),
                    "phone",
                    role.contact().phone());
        return l.sendWithSubject(
                referee.email(),
                reminder ? "subject.reminder" : "subject",
                "applicant",
                applicant,
                "role",
                role.title());
    }

    Email overdueToTeam(Role role, Application app, Referee referee, int reminders) {
        Letter l = Letter.of(WORDS, "overdue");
        return l.say(
                        reminders == 1 ? "notAnswered.one" : "notAnswered.many",
                        "ordinal",
                        Counts.ordinal(referee.number()),
                        "reference",
                        app.reference(),
                        "role",
                        role.title(),
                        "count",
                        reminders)
                .bullets(
                        java.util.List.of(
                                l.words("applicant", "name", app.answer(ApplicationForm.FULL_NAME)),
                                l.words("referee", "name", referee.name()),
                                l.words("phone", "phone", referee.phone())))
                .say("next")
                .linked(
                        "link",
                        settings.staffSiteUrl()
                                + StaffPaths.REFERENCE_CANDIDATE.fill(role.id(), app.reference()))
                .send(role.contact().teamEmail(), "reference", app.reference());
    }

    Email readyToAppoint(Role role, Application app) {
        return Letter.of(WORDS, "readyToAppoint")
                .say(
                        "arrived",
                        "reference",
                        app.reference(),
                        "name",
                        app.answer(ApplicationForm.FULL_NAME),
                        "role",
                        role.title())
                .say("next")
                .linked(
                        "read",
                        settings.staffSiteUrl()
                                + StaffPaths.REFERENCE_CANDIDATE.fill(role.id(), app.reference()))
                .linked(
                        "appoint",
                        settings.staffSiteUrl() + StaffPaths.PARTNERS_ROLE.fill(role.id()))
                .send(role.contact().teamEmail(), "reference", app.reference());
    }

    /**
     * Successful at interview, with no place left: kind words to the applicant that they are on the reserve list, or,
     * when they asked for telephone or post, a task for the team to tell them, linking to their page.
     */
    OutboxMessage reserve(Role role, Application app, Instant now) {
        if (org.involve.core.application.ContactPreference.byEmail(app.answers())
                && !app.answer(ApplicationForm.EMAIL).isBlank()) {
            Letter l =
                    Letter.of(WORDS, "reserve")
                            .say("greeting", "name", app.answer(ApplicationForm.FULL_NAME))
                            .say(
                                    "thanks",
                                    "role",
                                    role.title(),
                                    "organisation",
                                    role.organisation())
                            .say("wentWell")
                            .say("list")
                            .say("nothingToDo")
                            .say("reference", "reference", app.reference());
            contact(l, role);
            return new OutboxMessage(
                    "reserve-" + app.reference(),
                    l.send(app.answer(ApplicationForm.EMAIL), "role", role.title()),
                    now,
                    now,
                    0,
                    "reserve");
        }
        String how = "telephone".equals(app.contactMethod()) ? "telephone" : "post";
        Email e =
                Letter.of(WORDS, "reserveTask")
                        .say("intro." + how, "reference", app.reference(), "role", role.title())
                        .linked(
                                "link",
                                settings.staffSiteUrl()
                                        + StaffPaths.REFERENCE_CANDIDATE.fill(
                                                role.id(), app.reference()))
                        .sendWithSubject(
                                role.contact().teamEmail(),
                                "subject",
                                "reference",
                                app.reference());
        return new OutboxMessage("reserve-task-" + app.reference(), e, now, now, 0, "reserve-task");
    }

    private static void contact(Letter l, Role role) {
        if (!role.contact().hasPhone())
            l.say(
                    "contact.withoutPhone",
                    "name",
                    role.contact().name(),
                    "email",
                    role.contact().email());
        else
            l.say(
                    "contact.withPhone",
                    "name",
                    role.contact().name(),
                    "email",
                    role.contact().email(),
                    "phone",
                    role.contact().phone());
    }
}

package org.involve.core.interviews;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.application.WithdrawalLink;
import org.involve.core.kit.Email;
import org.involve.core.kit.Letter;
import org.involve.core.kit.Words;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.paths.StaffPaths;
import org.involve.core.role.Contact;
import org.involve.core.role.Role;

/**
 * The interview e-mails: the invitation with its booking link, the confirmation and reminder to the applicant, and
 * what the team is asked to do (book by telephone or post, arrange adjustments, remind). Message ids say what each is
 * about, so writing one twice sends it once. E-mails to the team carry the reference; only a task to contact someone
 * carries the name and the way to reach them, because that is the task.
 */
public final class InterviewLetters {
    private static final Words WORDS = Words.of("interviews");
    private final String staffSiteUrl;
    private final WithdrawalLink withdrawal;

    /** @param withdrawal the link, before the contact line of every e-mail to the applicant, to withdraw their application */
    public InterviewLetters(String staffSiteUrl, WithdrawalLink withdrawal) {
        this.withdrawal = withdrawal;
        if (staffSiteUrl == null || !staffSiteUrl.matches("https?://[^\\s]+"))
            throw new IllegalArgumentException("The staff site address must be an http(s) address");
        this.staffSiteUrl = staffSiteUrl.replaceAll("/+$", "");
    }

    public String pageFor(Role role) {
        return staffSiteUrl + StaffPaths.INTERVIEWS_ROLE.fill(role.id());
    }

    public OutboxMessage invitation(
            Role role,
            Application app,
            List<InterviewSlot> free,
            String bookingLink,
            Instant bookBy,
            Instant now) {
        return message(
                "interview-invitation-" + app.reference(),
                invitationLetter(role, app, free, bookingLink, bookBy, now),
                now,
                "interview-invitation");
    }

    /**
     * The invitation again with a new booking link: offered again after the deadline passed, or resent. {@code number}
     * counts the links sent after the first, so each is written once.
     */
    public OutboxMessage anotherLink(
            Role role,
            Application app,
            List<InterviewSlot> free,
            String bookingLink,
            Instant until,
            Instant now,
            int number) {
        return message(
                "interview-invitation-" + app.reference() + "-" + number,
                invitationLetter(role, app, free, bookingLink, until, now),
                now,
                "interview-invitation");
    }

    private Email invitationLetter(
            Role role,
            Application app,
            List<InterviewSlot> free,
            String bookingLink,
            Instant bookBy,
            Instant now) {
        Letter l =
                Letter.of(WORDS, "invitation")
                        .say("greeting", "name", app.answer(ApplicationForm.FULL_NAME))
                        .say("thanks", "role", role.title())
                        .say("times", "format", role.interviewFormat())
                        .bullets(free.stream().map(InterviewSlot::describe).toList())
                        .say("chooseBy", "bookBy", InterviewTime.until(bookBy))
                        .linked("link", bookingLink)
                        .say("once");
        return contactLine(withdrawal.addTo(l, app, now), role, app)
                .send(app.answer(ApplicationForm.EMAIL), "role", role.title());
    }

    /** The one reminder to someone invited who has not booked, with a fresh link that stops when theirs does. */
    public OutboxMessage remindToBook(
            Role role, Application app, String bookingLink, Instant bookBy, Instant now) {
        Letter l =
                Letter.of(WORDS, "remindToBook")
                        .say("greeting", "name", app.answer(ApplicationForm.FULL_NAME))
                        .say("intro", "role", role.title(), "bookBy", InterviewTime.until(bookBy))
                        .linked("link", bookingLink);
        return message(
                "interview-book-reminder-" + app.reference(),
                contactLine(withdrawal.addTo(l, app, now), role, app)
                        .send(app.answer(ApplicationForm.EMAIL), "role", role.title()),
                now,
                "interview-book-reminder");
    }

    /** The team is told an applicant cancelled their booked time through their link (the time is free again). */
    public OutboxMessage teamCancelled(
            Role role, Application app, InterviewSlot slot, Instant now) {
        String when = InterviewTime.display(slot.startsAt());
        Letter l =
                Letter.of(WORDS, "teamCancelled")
                        .say(
                                "cancelled",
                                "reference",
                                app.reference(),
                                "role",
                                role.title(),
                                "when",
                                when)
                        .linked("link", pageFor(role));
        return message(
                "interview-cancelled-" + app.reference() + "-" + slot.slotId(),
                l.send(role.contact().teamEmail(), "reference", app.reference()),
                now,
                "interview-cancelled");
    }

    /** Their outcome when they did not come to interview (or never booked): kind, with how to reach the team. */
    public OutboxMessage didNotAttend(Role role, Application app, Instant now) {
        Letter l =
                Letter.of(WORDS, "didNotAttend")
                        .say("greeting", "name", app.answer(ApplicationForm.FULL_NAME))
                        .say("body", "role", role.title())
                        .say("hope");
        return message(
                "interview-did-not-attend-" + app.reference(),
                contactLine(l, role, app)
                        .send(app.answer(ApplicationForm.EMAIL), "role", role.title()),
                now,
                "interview-did-not-attend");
    }

    /** For an applicant who asked for telephone or post: the team books a time with them and records it. */
    public OutboxMessage bookingTask(Role role, Application app, Instant now) {
        String how = "telephone".equals(app.contactMethod()) ? "telephone" : "post";
        Letter l = Letter.of(WORDS, "bookingTask");
        l.say("intro." + how, "reference", app.reference(), "role", role.title())
                .bullets(
                        List.of(
                                l.words("reference", "reference", app.reference()),
                                l.words("name", "name", app.answer(ApplicationForm.FULL_NAME)),
                                reachBy(app)))
                .say("adjustments")
                .linked("link", pageFor(role));
        return message(
                "interview-task-" + app.reference(),
                l.sendWithSubject(
                        role.contact().teamEmail(), "subject." + how, "reference", app.reference()),
                now,
                "interview-task");
    }

    public OutboxMessage confirmation(
            Role role, Application app, InterviewSlot slot, String adjustments, Instant now) {
        String when = InterviewTime.display(slot.startsAt());
        Letter l = Letter.of(WORDS, "confirmation");
        l.say("greeting", "name", app.answer(ApplicationForm.FULL_NAME))
                .say("booked", "role", role.title())
                .bullets(
                        List.of(
                                l.words("when", "when", when),
                                l.words("length", "minutes", slot.minutes()),
                                l.words("how", "format", role.interviewFormat()),
                                l.words("reference", "reference", app.reference())));
        if (adjustments.isBlank()) l.say("noAdjustments");
        else l.say("adjustments", "adjustments", adjustments);
        l.say("reminder");
        return message(
                "interview-confirmation-" + app.reference(),
                contactLine(withdrawal.addTo(l, app, now), role, app)
                        .send(app.answer(ApplicationForm.EMAIL), "when", when),
                now,
                "interview-confirmation");
    }

    public OutboxMessage teamBooked(
            Role role, Application app, InterviewSlot slot, String adjustments, Instant now) {
        String when = InterviewTime.display(slot.startsAt());
        Letter l =
                Letter.of(WORDS, "teamBooked")
                        .say(
                                "booked",
                                "reference",
                                app.reference(),
                                "role",
                                role.title(),
                                "when",
                                when,
                                "minutes",
                                slot.minutes(),
                                "format",
                                role.interviewFormat());
        if (adjustments.isBlank()) l.say("noAdjustments");
        else l.say("adjustments", "adjustments", adjustments);
        l.linked("link", pageFor(role));
        return message(
                "interview-booked-" + app.reference(),
                l.send(role.contact().teamEmail(), "reference", app.reference(), "when", when),
                now,
                "interview-booked");
    }

    /** The day-before reminder: an e-mail to the applicant, or for telephone and post a task for the team. */
    public OutboxMessage reminder(Role role, Application app, InterviewSlot slot, Instant now) {
        String id = "interview-reminder-" + app.reference() + "-" + slot.slotId();
        String when = InterviewTime.display(slot.startsAt());
        if (!"email".equals(app.contactMethod())) {
            Letter l = Letter.of(WORDS, "reminderTask");
            l.say(
                            "intro",
                            "reference",
                            app.reference(),
                            "role",
                            role.title(),
                            "when",
                            when,
                            "method",
                            app.contactMethod())
                    .bullets(
                            List.of(
                                    l.words("name", "name", app.answer(ApplicationForm.FULL_NAME)),
                                    reachBy(app)))
                    .linked("link", pageFor(role));
            return message(
                    id,
                    l.send(role.contact().teamEmail(), "reference", app.reference(), "when", when),
                    now,
                    "interview-reminder-task");
        }
        String adjustments = InterviewFacts.of(app).adjustments();
        Letter l = Letter.of(WORDS, "reminder");
        l.say("greeting", "name", app.answer(ApplicationForm.FULL_NAME))
                .say("intro", "role", role.title())
                .bullets(
                        List.of(
                                l.words("when", "when", when),
                                l.words("length", "minutes", slot.minutes()),
                                l.words("how", "format", role.interviewFormat())));
        if (!adjustments.isBlank()) l.say("adjustments", "adjustments", adjustments);
        return message(
                id,
                contactLine(withdrawal.addTo(l, app, now), role, app)
                        .send(app.answer(ApplicationForm.EMAIL), "when", when),
                now,
                "interview-reminder");
    }

    /** The letter's last line: how to reach the team, quoting the reference. */
    private static Letter contactLine(Letter l, Role role, Application app) {
        Contact c = role.contact();
        return !c.hasPhone()
                ? l.say(
                        "contact.withoutPhone",
                        "name",
                        c.name(),
                        "email",
                        c.email(),
                        "reference",
                        app.reference())
                : l.say(
                        "contact.withPhone",
                        "name",
                        c.name(),
                        "email",
                        c.email(),
                        "phone",
                        c.phone(),
                        "reference",
                        app.reference());
    }

    private static String reachBy(Application app) {
        if ("telephone".equals(app.contactMethod()))
            return WORDS.format("email.reachBy.phone", "phone", app.answer(ApplicationForm.PHONE));
        List<String> parts = new ArrayList<>();
        for (String f :
                List.of(
                        ApplicationForm.ADDRESS_LINE_1,
                        "addressLine2",
                        ApplicationForm.TOWN,
                        ApplicationForm.POSTCODE)) {
            if (!app.answer(f).isBlank()) parts.add(app.answer(f));
        }
        return WORDS.format("email.reachBy.address", "address", String.join(", ", parts));
    }

    private static OutboxMessage message(String id, Email email, Instant now, String purpose) {
        return new OutboxMessage(id, email, now, now, 0, purpose);
    }
}

package org.involve.core.references;

import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.application.Referee;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Email;
import org.involve.core.kit.Letter;
import org.involve.core.role.Role;

import java.time.Instant;

/** The e-mails of the references step: the request (and its reminders) to each referee, and the team's tasks. */
final class ReferenceLetters {
    private final ReferenceSettings settings;

    ReferenceLetters(ReferenceSettings settings) {
        this.settings = settings;
    }

    Email request(Role role, Application app, Referee referee, String token, Instant expiresAt, boolean reminder) {
        String applicant = app.answer(ApplicationForm.FULL_NAME);
        Letter l = new Letter().paragraph("Dear " + referee.name() + ",");
        if (reminder) l.paragraph("We wrote to you recently asking for a reference. We have not had it yet, so here is the link again.");
        l.paragraph(applicant + " has applied to be a " + role.title() + " with " + role.organisation() + ", and gave your name as a referee. "
                        + "Their interview was successful, and before the role is confirmed we would be grateful for a short reference from you.")
                .paragraph("The form asks how you know them, what they would bring to the role, and whether you know of any reason they should "
                        + "not be appointed. It takes about 10 minutes.")
                .link("Write a reference", settings.siteUrl() + "/reference/" + token)
                .paragraph("This link is for you only and works once, until " + ClosingTime.displayDate(expiresAt.atZone(ClosingTime.UK).toLocalDate()) + ". "
                        + "What you write is seen only by the team making the appointment.")
                .paragraph("If you cannot give a reference, or you have any questions, contact " + role.contact().name() + " at "
                        + role.contact().email() + (blank(role.contact().phone()) ? "" : " or " + role.contact().phone()) + ".");
        return l.to(referee.email(), (reminder ? "Reminder: " : "") + "Reference request for " + applicant + ": " + role.title());
    }

    Email overdueToTeam(Role role, Application app, Referee referee, int reminders) {
        return new Letter()
                .paragraph("The " + ApplicationForm.ordinal(referee.number()) + " referee for application " + app.reference() + " (" + role.title()
                        + ") has not answered, after the request and " + reminders + (reminders == 1 ? " reminder." : " reminders."))
                .bullets(java.util.List.of("Applicant: " + app.answer(ApplicationForm.FULL_NAME), "Referee: " + referee.name(),
                        "Referee's telephone: " + referee.phone()))
                .paragraph("Please telephone the referee, or ask the applicant for another referee. The role cannot be confirmed until every reference is in.")
                .link("See the references", settings.staffSiteUrl() + "/staff/references/" + role.id() + "/" + app.reference())
                .to(role.contact().teamEmail(), "Reference overdue for application " + app.reference());
    }

    Email readyToAppoint(Role role, Application app) {
        return new Letter()
                .paragraph("Every reference for application " + app.reference() + " (" + app.answer(ApplicationForm.FULL_NAME) + ", " + role.title()
                        + ") has arrived.")
                .paragraph("Please read the references, then confirm the appointment.")
                .link("Read the references", settings.staffSiteUrl() + "/staff/references/" + role.id() + "/" + app.reference())
                .link("Appoint the partner", settings.staffSiteUrl() + "/staff/partners/" + role.id())
                .to(role.contact().teamEmail(), "References received: ready to appoint, application " + app.reference());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

package org.involve.core.interviews;

import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.kit.Letter;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.Contact;
import org.involve.core.role.Role;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The interview e-mails: the invitation with its booking link, the confirmation and reminder to the applicant, and
 * what the team is asked to do (book by telephone or post, arrange adjustments, remind). Message ids say what each is
 * about, so writing one twice sends it once. E-mails to the team carry the reference; only a task to contact someone
 * carries the name and the way to reach them, because that is the task.
 */
public final class InterviewLetters {
    private final String staffSiteUrl;

    public InterviewLetters(String staffSiteUrl) {
        if (staffSiteUrl == null || !staffSiteUrl.matches("https?://[^\\s]+")) throw new IllegalArgumentException("The staff site address must be an http(s) address");
        this.staffSiteUrl = staffSiteUrl.replaceAll("/+$", "");
    }

    public String pageFor(Role role) {
        return staffSiteUrl + "/staff/interviews/" + role.id();
    }

    public OutboxMessage invitation(Role role, Application app, List<InterviewSlot> free, String bookingLink, Instant bookBy, Instant now) {
        Letter l = new Letter()
                .paragraph("Dear " + app.answer(ApplicationForm.FULL_NAME) + ",")
                .paragraph("Thank you for applying to be a " + role.title() + ". We would like to invite you to an interview.")
                .paragraph("The interview will be by " + role.interviewFormat() + ". These are the times you can choose from (UK time):")
                .bullets(free.stream().map(InterviewSlot::describe).toList())
                .paragraph("Each time is for one person. Please choose a time by " + InterviewTime.until(bookBy)
                        + ". When you choose, you can tell us about any adjustments you need, such as captions, breaks or a hearing loop.")
                .link("Choose your interview time", bookingLink)
                .paragraph("The link works once: after you have booked, contact us if you need to change anything.");
        return message("interview-invitation-" + app.reference(), l.paragraph(contactLine(role, app, "If none of these times suit you, or you would like to book another way"))
                .to(app.answer(ApplicationForm.EMAIL), "Interview invitation: " + role.title()), now, "interview-invitation");
    }

    /** For an applicant who asked for telephone or post: the team books a time with them and records it. */
    public OutboxMessage bookingTask(Role role, Application app, Instant now) {
        boolean phone = "telephone".equals(app.contactMethod());
        Letter l = new Letter()
                .paragraph("Application " + app.reference() + " for " + role.title() + " is invited to interview. The applicant asked to be contacted by "
                        + (phone ? "telephone" : "post") + ", so please offer them a time that way and record the booking on the interviews page.")
                .bullets(List.of("Reference: " + app.reference(), "Name: " + app.answer(ApplicationForm.FULL_NAME), reachBy(app)))
                .paragraph("Ask whether they need any adjustments for the interview, and record them with the booking.")
                .link("Open the interviews page", pageFor(role));
        return message("interview-task-" + app.reference(), l.to(role.contact().teamEmail(),
                "Book an interview by " + (phone ? "telephone" : "post") + ": application " + app.reference()), now, "interview-task");
    }

    public OutboxMessage confirmation(Role role, Application app, InterviewSlot slot, String adjustments, Instant now) {
        Letter l = new Letter()
                .paragraph("Dear " + app.answer(ApplicationForm.FULL_NAME) + ",")
                .paragraph("Your interview for " + role.title() + " is booked.")
                .bullets(List.of("When: " + InterviewTime.display(slot.startsAt()) + " (UK time)", "How long: about " + slot.minutes() + " minutes",
                        "How: by " + role.interviewFormat(), "Your reference: " + app.reference()));
        l.paragraph(adjustments.isBlank()
                ? "You did not ask for any adjustments. If you need any, please tell us before the interview."
                : "You asked for these adjustments, and we will arrange them: " + adjustments);
        l.paragraph("We will send you a reminder the day before.");
        return message("interview-confirmation-" + app.reference(), l.paragraph(contactLine(role, app, "If you need to change or cancel your interview"))
                .to(app.answer(ApplicationForm.EMAIL), "Your interview is booked: " + InterviewTime.display(slot.startsAt())), now, "interview-confirmation");
    }

    public OutboxMessage teamBooked(Role role, Application app, InterviewSlot slot, String adjustments, Instant now) {
        Letter l = new Letter()
                .paragraph("Application " + app.reference() + " for " + role.title() + " has booked the interview on "
                        + InterviewTime.display(slot.startsAt()) + " (" + slot.minutes() + " minutes, by " + role.interviewFormat() + ").")
                .paragraph(adjustments.isBlank() ? "They did not ask for any adjustments." : "Adjustments to arrange before the interview: " + adjustments)
                .link("Open the interviews page", pageFor(role));
        return message("interview-booked-" + app.reference(), l.to(role.contact().teamEmail(),
                "Interview booked: " + app.reference() + " on " + InterviewTime.display(slot.startsAt())), now, "interview-booked");
    }

    /** The day-before reminder: an e-mail to the applicant, or for telephone and post a task for the team. */
    public OutboxMessage reminder(Role role, Application app, InterviewSlot slot, Instant now) {
        String id = "interview-reminder-" + app.reference() + "-" + slot.slotId();
        String when = InterviewTime.display(slot.startsAt());
        if (!"email".equals(app.contactMethod())) {
            Letter l = new Letter()
                    .paragraph("Application " + app.reference() + " has an interview for " + role.title() + " on " + when + ". The applicant asked to be contacted by "
                            + app.contactMethod() + ": please remind them that way.")
                    .bullets(List.of("Name: " + app.answer(ApplicationForm.FULL_NAME), reachBy(app)))
                    .link("Open the interviews page", pageFor(role));
            return message(id, l.to(role.contact().teamEmail(), "Remind application " + app.reference() + " of their interview on " + when), now, "interview-reminder-task");
        }
        String adjustments = InterviewFacts.of(app).adjustments();
        Letter l = new Letter()
                .paragraph("Dear " + app.answer(ApplicationForm.FULL_NAME) + ",")
                .paragraph("This is a reminder of your interview for " + role.title() + ".")
                .bullets(List.of("When: " + when + " (UK time)", "How long: about " + slot.minutes() + " minutes", "How: by " + role.interviewFormat()));
        if (!adjustments.isBlank()) l.paragraph("We have arranged the adjustments you asked for: " + adjustments);
        return message(id, l.paragraph(contactLine(role, app, "If you cannot come, or need anything else"))
                .to(app.answer(ApplicationForm.EMAIL), "Reminder: your interview on " + when), now, "interview-reminder");
    }

    private static String contactLine(Role role, Application app, String opening) {
        Contact c = role.contact();
        String phone = c.phone() == null || c.phone().isBlank() ? "" : " or call " + c.phone();
        return opening + ", contact " + c.name() + " at " + c.email() + phone + ", quoting your reference " + app.reference() + ".";
    }

    private static String reachBy(Application app) {
        if ("telephone".equals(app.contactMethod())) return "Phone: " + app.answer(ApplicationForm.PHONE);
        List<String> parts = new ArrayList<>();
        for (String f : List.of(ApplicationForm.ADDRESS_LINE_1, "addressLine2", ApplicationForm.TOWN, ApplicationForm.POSTCODE)) {
            if (!app.answer(f).isBlank()) parts.add(app.answer(f));
        }
        return "Address: " + String.join(", ", parts);
    }

    private static OutboxMessage message(String id, org.involve.core.kit.Email email, Instant now, String purpose) {
        return new OutboxMessage(id, email, now, now, 0, purpose);
    }
}

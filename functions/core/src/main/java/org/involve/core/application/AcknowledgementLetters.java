package org.involve.core.application;

import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Email;
import org.involve.core.kit.Letter;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.Role;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What is sent when an application arrives: an acknowledgement to the applicant by e-mail, or, when they
 * asked for telephone or post, a task for staff to acknowledge that way; and a staff alert when the
 * applicant must talk to the team first.
 */
public final class AcknowledgementLetters {
    /** The purpose of the e-mail that acknowledges an application to the applicant: once it is sent, the application is acknowledged. */
    public static final String ACKNOWLEDGEMENT = "acknowledgement";
    private final String siteUrl;

    public AcknowledgementLetters(String siteUrl) {
        this.siteUrl = siteUrl;
    }

    public List<OutboxMessage> forSubmission(Role role, Application app, Instant now) {
        List<OutboxMessage> out = new ArrayList<>();
        if (app.acknowledgement() == Application.Acknowledgement.EMAIL_QUEUED) {
            out.add(new OutboxMessage("ack-" + app.reference(), toApplicant(role, app), now, now, 0, ACKNOWLEDGEMENT));
        } else {
            out.add(new OutboxMessage("ack-task-" + app.reference(), staffToAcknowledge(role, app), now, now, 0, "acknowledgement-task"));
        }
        if (app.status() == Application.Status.HELD_TO_TALK_FIRST) {
            out.add(new OutboxMessage("talk-first-" + app.reference(), staffToTalkFirst(role, app), now, now, 0, "talk-first"));
        }
        return out;
    }

    Email toApplicant(Role role, Application app) {
        Letter l = new Letter()
                .paragraph("Dear " + app.answer(ApplicationForm.FULL_NAME) + ",")
                .paragraph("Thank you for applying to be a " + role.title() + ". We have received your application.")
                .paragraph("Your reference number is " + app.reference() + ". Please quote it if you contact us.");
        if (app.status() == Application.Status.HELD_TO_TALK_FIRST) {
            l.paragraph("Because of something you told us in your answers about who can apply, a member of our team will contact you "
                    + "to talk it through before your application is assessed. This does not mean you cannot take part.");
        }
        l.heading("What happens next")
                .bullets(List.of(
                        "Applications close on " + role.closingTime().display() + ".",
                        "A panel will assess applications against the skills and experience the role asks for.",
                        "Interviews will take place by " + role.interviewFormat() + " in the week commencing "
                                + ClosingTime.displayDate(role.interviewWeekCommencing()) + ".",
                        role.referencesRequired() + " references will be taken up for successful applicants before the role is confirmed.",
                        "Everyone who applies will be told whether they have been successful."))
                .heading("Equal opportunities monitoring")
                .paragraph("If you have not already done so, please fill in our short equal opportunities form. It is kept separate from your "
                        + "application and is never seen by the people who assess it.")
                .link("Fill in the equal opportunities form", siteUrl + "/monitoring?role=" + role.id() + "&token=" + app.monitoringToken());
        if (benefitsAdviceRelevant(role, app)) {
            l.heading("Payments and benefits")
                    .paragraph("Involvement payments count as income and can affect state benefits. Free, confidential benefits advice is available: email "
                            + role.contact().benefitsAdviceEmail() + " to use it. You can also decline the payment.");
        }
        l.paragraph("If you have any questions, or need this in another format, contact " + role.contact().name() + " at " + role.contact().email() + ".");
        return l.to(app.answer(ApplicationForm.EMAIL), "We have received your application: " + role.title());
    }

    private Email staffToAcknowledge(Role role, Application app) {
        boolean phone = "telephone".equals(app.contactMethod());
        Letter l = new Letter()
                .paragraph("An application for " + role.title() + " has arrived from someone who asked to be contacted by "
                        + (phone ? "telephone" : "post") + ". Please acknowledge it that way within " + role.acknowledgementDays() + " days.")
                .bullets(List.of(
                        "Reference: " + app.reference(),
                        "Name: " + app.answer(ApplicationForm.FULL_NAME),
                        phone ? "Phone: " + app.answer(ApplicationForm.PHONE)
                              : "Address: " + String.join(", ", nonBlank(app.answer(ApplicationForm.ADDRESS_LINE_1), app.answer("addressLine2"),
                                      app.answer(ApplicationForm.TOWN), app.answer(ApplicationForm.POSTCODE)))));
        return l.to(role.contact().teamEmail(), "Please acknowledge application " + app.reference() + " by " + (phone ? "telephone" : "post"));
    }

    private Email staffToTalkFirst(Role role, Application app) {
        return new Letter()
                .paragraph("Application " + app.reference() + " for " + role.title() + " is held until someone from the team has talked with the applicant. "
                        + "They told us they have been:")
                .bullets(Eligibility.check(role, app.answers()).reasons())
                .paragraph("Please contact them before the application is assessed. Their preferred contact method is " + app.contactMethod() + ".")
                .to(role.contact().teamEmail(), "Talk to the applicant first: application " + app.reference());
    }

    static boolean benefitsAdviceRelevant(Role role, Application app) {
        return role.payment().isPaid() && (!"decline".equals(app.answer(ApplicationForm.ACCEPTS_PAYMENT))
                || "yes".equals(app.answer(ApplicationForm.RECEIVES_BENEFITS)));
    }

    private static List<String> nonBlank(String... parts) {
        return java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toList();
    }
}

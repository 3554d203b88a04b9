package org.involve.core.outcomes;

import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Email;
import org.involve.core.kit.Letter;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.PaymentChoice;
import org.involve.core.role.Contact;
import org.involve.core.role.Role;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome letters: the kind unsuccessful notification, the welcome for a new partner (the successful outcome with
 * next steps), the staff task for applicants who asked for telephone or post, and the weekly reminder to a role's team.
 * Message ids are fixed by what they are about, so a retry writes each once.
 */
public final class OutcomeLetters {
    private final String staffSiteUrl;

    public OutcomeLetters(String staffSiteUrl) {
        if (staffSiteUrl == null || !staffSiteUrl.matches("https?://[^\\s]+")) throw new IllegalArgumentException("The staff site address must be an http(s) address");
        this.staffSiteUrl = staffSiteUrl.replaceAll("/+$", "");
    }

    /** The unsuccessful outcome: an e-mail to the applicant, or a task for staff when they asked for telephone or post. */
    public OutboxMessage unsuccessful(Role role, Application app, Instant now) {
        if (!OutcomeFacts.byEmail(app)) return staffTask(role, app, false, now);
        return new OutboxMessage("outcome-" + app.reference(), unsuccessfulEmail(role, app), now, now, 0, "outcome-unsuccessful");
    }

    /** The successful outcome with next steps: the welcome e-mail, or a task for staff when they asked for telephone or post. */
    public OutboxMessage successful(Role role, Application app, Appointment a, Instant now) {
        if (!OutcomeFacts.byEmail(app)) return staffTask(role, app, true, now);
        return new OutboxMessage("welcome-" + app.reference(), welcomeEmail(role, app, a), now, now, 0, "outcome-successful");
    }

    Email unsuccessfulEmail(Role role, Application app) {
        Letter l = new Letter()
                .paragraph("Dear " + app.answer(ApplicationForm.FULL_NAME) + ",")
                .paragraph("Thank you for applying to be a " + role.title() + " with " + role.organisation()
                        + ", and for the time and thought you put into your application.");
        if (app.status() == Application.Status.NOT_APPOINTED) {
            l.paragraph("Thank you also for coming to talk with us at interview. We are sorry to tell you that, on this occasion, we are not able to offer you the role.");
        } else {
            l.paragraph("We are sorry to tell you that, on this occasion, we are not able to invite you to an interview.");
        }
        l.paragraph("This is not a judgement on the value of your experience. We had more applications than places, and your experience still matters to us. "
                        + "We hope you will look out for other ways to get involved with us.")
                .heading("Feedback")
                .paragraph("If you would like feedback on your application, we would be glad to give it. Contact " + contactWays(role.contact()) + ".")
                .paragraph("Your reference number is " + app.reference() + ". Please quote it if you contact us.")
                .paragraph("If you need this letter in another format, contact " + contactWays(role.contact()) + ".");
        return l.to(app.answer(ApplicationForm.EMAIL), "The outcome of your application: " + role.title());
    }

    Email welcomeEmail(Role role, Application app, Appointment a) {
        Letter l = new Letter()
                .paragraph("Dear " + app.answer(ApplicationForm.FULL_NAME) + ",")
                .paragraph("Thank you for applying to be a " + role.title() + ". We are delighted to tell you that your application was successful, "
                        + "and to welcome you to the " + role.programme() + ".")
                .heading("Your role")
                .bullets(tenure(role, a))
                .heading("Next steps")
                .paragraph("Before you start, we will send you these to read and sign, and we will talk them through with you if you would like:")
                .bullets(List.of(
                        "Induction: we will invite you to an induction about our work and how the group works, before your first meeting.",
                        "Code of conduct: how members work together, as equals and with respect.",
                        "Confidentiality agreement: some discussions are confidential. The team will always make it clear when a topic is confidential.",
                        "Declaration of interests: a short form to tell us about any interests that could affect, or seem to affect, your role.",
                        "Statement of values: the values we share and work by."))
                .paragraph("If you need a laptop, internet data or other equipment to take part, or any adjustments, tell us and we will talk about the support available.")
                .heading("Involvement payment and expenses")
                .paragraph(payment(role, a));
        if (a.steppingDown()) {
            l.paragraph("You told us you already hold the most paid roles anyone can hold at once. Please step down from one of them before you start, and let us know when you have.");
        }
        if (role.payment().isPaid() || "yes".equals(app.answer(ApplicationForm.RECEIVES_BENEFITS))) {
            l.paragraph("Involvement payments can count as income and can affect state benefits, even if you decline the payment. Free, confidential benefits advice is available: email "
                    + role.contact().benefitsAdviceEmail() + " to use it.");
        }
        l.paragraph("Your reference number is " + app.reference() + ".")
                .paragraph("If you have any questions, or need anything in another format, contact " + contactWays(role.contact()) + ". We look forward to working with you.");
        return l.to(app.answer(ApplicationForm.EMAIL), "Welcome: you have been appointed as a " + role.title());
    }

    /** Start, term end or review, and the 4-year limit, in the words the role pack uses. */
    public static List<String> tenure(Role role, Appointment a) {
        List<String> s = new ArrayList<>();
        s.add("You start on " + ClosingTime.displayDate(a.start()) + ".");
        if (a.termEnds() != null) {
            String extension = role.tenure().extensionsAllowed() > 0 && role.tenure().extensionYears() > 0
                    ? " It can be extended " + (role.tenure().extensionsAllowed() == 1 ? "once" : role.tenure().extensionsAllowed() + " times")
                    + ", by " + years(role.tenure().extensionYears()) + ", after a review with you." : "";
            s.add("Your term ends on " + ClosingTime.displayDate(a.termEnds()) + "." + extension);
        }
        if (a.reviewDate() != null) s.add("Your membership will be reviewed in " + ClosingTime.monthAndYear(a.reviewDate()) + ".");
        s.add("Nobody holds one role for more than " + years(role.tenure().maximumYears()) + ", so your time in this role ends by "
                + ClosingTime.displayDate(a.latestEnd()) + " at the latest.");
        return s;
    }

    static String payment(Role role, Appointment a) {
        String expenses = "Reasonable out-of-pocket expenses, such as travel, are reimbursed under our expenses policy.";
        if (a.payment() == PaymentChoice.ACCEPTED) {
            return role.payment().describe() + " You chose to accept it. It is paid through payroll, where tax and National Insurance are deducted. " + expenses;
        }
        if (a.payment() == PaymentChoice.DECLINED) {
            return "You chose to decline the involvement payment, so you will not be paid for your time. You can tell us if you change your mind. " + expenses;
        }
        return "This is a voluntary role with no involvement payment. " + expenses;
    }

    /** Staff are told there is someone to telephone or write to; the page, not the e-mail, has their details. */
    private OutboxMessage staffTask(Role role, Application app, boolean successful, Instant now) {
        String how = "telephone".equals(app.contactMethod()) ? "telephone" : "post";
        Email e = new Letter()
                .paragraph("Applicant " + app.reference() + " for " + role.title() + " asked to be contacted by " + how + ", so they will not get an email about their outcome.")
                .paragraph(successful
                        ? "Please tell them that they have been appointed, with the next steps in the welcome letter: induction, code of conduct, confidentiality agreement, "
                        + "declaration of interests, statement of values, their start date and term, their payment choice, and the free benefits advice line."
                        : "Please tell them, kindly, that they have not been successful this time, thank them, and offer feedback.")
                .paragraph("Then mark the task done on the outcomes page, so we know they have heard.")
                .link("Open the outcomes page", staffSiteUrl + "/staff/outcomes/" + role.id())
                .to(role.contact().teamEmail(), "Tell applicant " + app.reference() + " their outcome by " + how);
        return new OutboxMessage("outcome-task-" + app.reference(), e, now, now, 0, "outcome-task");
    }

    /** The weekly reminder for one role; its id names the week, so a second run in the same UK week writes nothing new. */
    public OutboxMessage reminder(Role role, int waiting, String week, Instant now) {
        Email e = new Letter()
                .paragraph("Applications for " + role.title() + " closed on " + role.closingTime().display() + ". "
                        + (waiting == 1 ? "1 applicant has" : waiting + " applicants have") + " not yet heard whether they were successful.")
                .paragraph("Everyone who applies is promised an outcome, successful or not. Please send the outcomes, or finish the telephone and post tasks, as soon as you can.")
                .link("See who is waiting", staffSiteUrl + "/staff/outcomes/" + role.id())
                .to(role.contact().teamEmail(), (waiting == 1 ? "1 applicant" : waiting + " applicants") + " still waiting for an outcome: " + role.title());
        return new OutboxMessage("outcomes-due-" + role.id() + "-" + week, e, now, now, 0, "outcomes-due");
    }

    static String contactWays(Contact c) {
        return c.name() + " at " + c.email() + (c.phone() == null || c.phone().isBlank() ? "" : " or on " + c.phone());
    }

    private static String years(int n) {
        return n == 1 ? "1 year" : n + " years";
    }
}

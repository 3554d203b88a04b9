package org.involve.core.outcomes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Counts;
import org.involve.core.kit.Email;
import org.involve.core.kit.Letter;
import org.involve.core.kit.Words;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.PartnerLetters;
import org.involve.core.partners.PaymentChoice;
import org.involve.core.paths.StaffPaths;
import org.involve.core.role.Contact;
import org.involve.core.role.Role;

/**
 * The outcome letters: the kind unsuccessful notification, the welcome for a new partner (the successful outcome with
 * next steps), the staff task for applicants who asked for telephone or post, and the weekly reminder to a role's team.
 * Message ids are fixed by what they are about, so a retry writes each once.
 */
public final class OutcomeLetters {
    private static final Words WORDS = Words.of("outcomes");
    private final String staffSiteUrl;

    public OutcomeLetters(String staffSiteUrl) {
        if (staffSiteUrl == null || !staffSiteUrl.matches("https?://[^\\s]+"))
            throw new IllegalArgumentException("The staff site address must be an http(s) address");
        this.staffSiteUrl = staffSiteUrl.replaceAll("/+$", "");
    }

    /** The unsuccessful outcome: an e-mail to the applicant, or a task for staff when they asked for telephone or post. */
    public OutboxMessage unsuccessful(Role role, Application app, Instant now) {
        if (!OutcomeFacts.byEmail(app)) return staffTask(role, app, false, now);
        return new OutboxMessage(
                "outcome-" + app.reference(),
                unsuccessfulEmail(role, app),
                now,
                now,
                0,
                "outcome-unsuccessful");
    }

    /**
     * The successful outcome with next steps: the welcome e-mail, ending with the partner's link to "your involvement",
     * or a task for staff when they asked for telephone or post.
     */
    public OutboxMessage successful(
            Role role, Application app, Appointment a, PartnerLetters links, Instant now) {
        if (!OutcomeFacts.byEmail(app)) return staffTask(role, app, true, now);
        return new OutboxMessage(
                "welcome-" + app.reference(),
                welcomeEmail(role, app, a, links, now),
                now,
                now,
                0,
                "outcome-successful");
    }

    Email unsuccessfulEmail(Role role, Application app) {
        return unsuccessfulWords(role, app)
                .send(app.answer(ApplicationForm.EMAIL), "role", role.title());
    }

    /** The unsuccessful outcome's words, for the e-mail and for the printed letter alike (one home per wording). */
    public static Letter unsuccessfulWords(Role role, Application app) {
        String contact = contactWays(role.contact());
        return Letter.of(WORDS, "unsuccessful")
                .say("greeting", "name", app.answer(ApplicationForm.FULL_NAME))
                .say("thanks", "role", role.title(), "organisation", role.organisation())
                .say(why(role, app))
                .say(stillMatters(role, app))
                .headed("feedback.heading")
                .say("feedback.body", "contact", contact)
                .say("reference", "reference", app.reference())
                .say("otherFormat", "contact", contact);
    }

    /**
     * Why they are told now, in kind words that never give a reason kept for staff: the role was withdrawn, the last
     * checks (references) did not go their way, the reserve list closed, not successful at interview, or not invited.
     */
    static String why(Role role, Application app) {
        if (role.status() == org.involve.core.role.RoleStatus.WITHDRAWN) return "roleWithdrawn";
        if (app.status() == Application.Status.NOT_APPOINTED) {
            if (org.involve.core.references.ReferenceFacts.unsatisfactory(app).isPresent())
                return "afterReferences";
            if (OutcomeFacts.reserveClosed(app)) return "reserveClosed";
            return "notAppointed";
        }
        return "notInvited";
    }

    /** "Your experience still matters": worded for why they are told. */
    private static String stillMatters(Role role, Application app) {
        return "stillMatters" + variant(role, app);
    }

    /** The wording's variant: none for the usual unsuccessful outcome, else ".why". */
    private static String variant(Role role, Application app) {
        String why = why(role, app);
        return why.equals("notAppointed") || why.equals("notInvited") ? "" : "." + why;
    }

    Email welcomeEmail(
            Role role, Application app, Appointment a, PartnerLetters links, Instant now) {
        Letter l = Letter.of(WORDS, "welcome");
        l.say("greeting", "name", app.answer(ApplicationForm.FULL_NAME))
                .say("thanks", "role", role.title(), "programme", role.programme())
                .headed("role.heading")
                .bullets(tenure(role, a))
                .headed("next.heading")
                .say("next.intro")
                .bullets(
                        List.of(
                                l.words("next.induction"),
                                l.words("next.conduct"),
                                l.words("next.confidentiality"),
                                l.words("next.interests"),
                                l.words("next.values")))
                .say("next.online")
                .say("support")
                .headed("payment.heading")
                .paragraph(payment(role, a));
        if (a.steppingDown()) l.say("steppingDown");
        if (role.payment().isPaid()
                || "yes".equals(app.answer(ApplicationForm.RECEIVES_BENEFITS))) {
            l.say("benefits", "email", role.contact().benefitsAdviceEmail());
        }
        l.say("reference", "reference", app.reference())
                .say("questions", "contact", contactWays(role.contact()));
        links.withLink(l, a.id(), now);
        return l.send(app.answer(ApplicationForm.EMAIL), "role", role.title());
    }

    /** Start, term end or review, and the 4-year limit, in the words the role pack uses. */
    public static List<String> tenure(Role role, Appointment a) {
        Letter w = Letter.of(WORDS, "welcome");
        List<String> s = new ArrayList<>();
        s.add(w.words("tenure.start", "date", ClosingTime.displayDate(a.start())));
        if (a.termEnds() != null) {
            String ends = ClosingTime.displayDate(a.termEnds());
            int times = role.tenure().extensionsAllowed();
            if (times > 0 && role.tenure().extensionYears() > 0) {
                String years = Counts.years(role.tenure().extensionYears());
                s.add(
                        times == 1
                                ? w.words(
                                        "tenure.termEnds.extendableOnce",
                                        "date",
                                        ends,
                                        "years",
                                        years)
                                : w.words(
                                        "tenure.termEnds.extendableTimes",
                                        "date",
                                        ends,
                                        "times",
                                        times,
                                        "years",
                                        years));
            } else {
                s.add(w.words("tenure.termEnds", "date", ends));
            }
        }
        if (a.reviewDate() != null)
            s.add(w.words("tenure.review", "month", ClosingTime.monthAndYear(a.reviewDate())));
        s.add(
                w.words(
                        "tenure.limit",
                        "years",
                        Counts.years(role.tenure().maximumYears()),
                        "date",
                        ClosingTime.displayDate(a.latestEnd())));
        return s;
    }

    static String payment(Role role, Appointment a) {
        Letter w = Letter.of(WORDS, "welcome");
        String expenses = w.words("payment.expenses");
        if (a.payment() == PaymentChoice.ACCEPTED)
            return w.words(
                    "payment.accepted", "payment", role.payment().describe(), "expenses", expenses);
        if (a.payment() == PaymentChoice.DECLINED)
            return w.words("payment.declined", "expenses", expenses);
        return w.words("payment.unpaid", "expenses", expenses);
    }

    /** Staff are told there is someone to telephone or write to; the page, not the e-mail, has their details. */
    private OutboxMessage staffTask(Role role, Application app, boolean successful, Instant now) {
        String how = "telephone".equals(app.contactMethod()) ? "telephone" : "post";
        Email e =
                Letter.of(WORDS, "outcomeTask")
                        .say("intro." + how, "reference", app.reference(), "role", role.title())
                        .say(successful ? "successful" : "unsuccessful" + variant(role, app))
                        .say("markDone")
                        .linked("link", staffSiteUrl + StaffPaths.OUTCOMES_ROLE.fill(role.id()))
                        .sendWithSubject(
                                role.contact().teamEmail(),
                                "subject." + how,
                                "reference",
                                app.reference());
        return new OutboxMessage("outcome-task-" + app.reference(), e, now, now, 0, "outcome-task");
    }

    /** The weekly reminder for one role; its id names the week, so a second run in the same UK week writes nothing new. */
    public OutboxMessage reminder(
            Role role, List<Application> applicants, String week, Instant now) {
        int waiting = applicants.size();
        String number = waiting == 1 ? "one" : "many";
        Letter l =
                Letter.of(WORDS, "outcomesDue")
                        .say(
                                "waiting." + number,
                                "role",
                                role.title(),
                                "closing",
                                role.closingTime().display(),
                                "count",
                                waiting)
                        .say("promise");
        for (Application a : applicants) {
            NextStep next = NextStep.of(role, a);
            l.link(
                    l.words("each", "reference", a.reference(), "action", next.words()),
                    staffSiteUrl + next.path());
        }
        Email e =
                l.linked("link", staffSiteUrl + StaffPaths.OUTCOMES_ROLE.fill(role.id()))
                        .sendWithSubject(
                                role.contact().teamEmail(),
                                "subject." + number,
                                "count",
                                waiting,
                                "role",
                                role.title());
        return new OutboxMessage(
                "outcomes-due-" + role.id() + "-" + week, e, now, now, 0, "outcomes-due");
    }

    static String contactWays(Contact c) {
        return !c.hasPhone()
                ? WORDS.format(
                        "email.contactWays.withoutPhone", "name", c.name(), "email", c.email())
                : WORDS.format(
                        "email.contactWays.withPhone",
                        "name",
                        c.name(),
                        "email",
                        c.email(),
                        "phone",
                        c.phone());
    }
}

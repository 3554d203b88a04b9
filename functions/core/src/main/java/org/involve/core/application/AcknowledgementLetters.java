package org.involve.core.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Email;
import org.involve.core.kit.Letter;
import org.involve.core.kit.Words;
import org.involve.core.monitoring.MonitoringToken;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.paths.PublicPaths;
import org.involve.core.paths.StaffPaths;
import org.involve.core.role.Contact;
import org.involve.core.role.Role;

/**
 * What is sent when an application arrives: an acknowledgement to the applicant by e-mail, or, when they
 * asked for telephone or post, a task for staff to acknowledge that way; and a staff alert when the
 * applicant must talk to the team first. When someone sends an application for a person who has already applied
 * (the same e-mail address, or the same phone or name and postcode), nothing new is stored and the page they see
 * is the one a new applicant sees: the person who applied first is told by e-mail, or, without an e-mail address,
 * the team is asked to tell them.
 */
public final class AcknowledgementLetters {
    /** The purpose of the e-mail that acknowledges an application to the applicant: once it is sent, the application is acknowledged. */
    public static final String ACKNOWLEDGEMENT = "acknowledgement";

    private static final Words WORDS = Words.of("apply");

    /** The purpose of the e-mail that tells someone who applied that their details were used to apply again. */
    public static final String APPLIED_AGAIN = "applied-again";

    private final String siteUrl;
    private final String staffSiteUrl;
    private final WithdrawalLink withdrawal;
    private final MonitoringToken monitoringTokens;

    /**
     * @param siteUrl the public site, for the applicant's equal opportunities link
     * @param staffSiteUrl the staff site, for the links in the team's e-mails
     * @param withdrawal the link, before the contact line of the applicant's e-mail, to withdraw their application
     * @param monitoringTokens the token of the applicant's link to the equal opportunities form
     */
    public AcknowledgementLetters(
            String siteUrl,
            String staffSiteUrl,
            WithdrawalLink withdrawal,
            MonitoringToken monitoringTokens) {
        this.siteUrl = siteUrl;
        this.staffSiteUrl = staffSiteUrl;
        this.withdrawal = withdrawal;
        this.monitoringTokens = monitoringTokens;
    }

    /**
     * What is sent when {@code draftId} brought an application from someone who had already applied ({@code
     * existing}): to the e-mail address of that application, that someone tried to apply again in their name and
     * nothing has changed (or, when it was withdrawn, that the form cannot take a new one); without one, a task for the team to tell them by the way they asked. One message per
     * draft, so sending the same draft twice tells them once.
     */
    public List<OutboxMessage> forRepeat(
            Role role, Application existing, String draftId, Instant now) {
        String email = existing.answer(ApplicationForm.EMAIL);
        if (email != null && !email.isBlank())
            return List.of(
                    new OutboxMessage(
                            "again-" + draftId,
                            appliedAgain(role, existing, email, now),
                            now,
                            now,
                            0,
                            APPLIED_AGAIN));
        return List.of(
                new OutboxMessage(
                        "again-task-" + draftId,
                        staffToTellAboutRepeat(role, existing),
                        now,
                        now,
                        0,
                        "applied-again-task"));
    }

    private Email appliedAgain(Role role, Application existing, String email, Instant now) {
        Letter l =
                Letter.of(WORDS, "appliedAgain")
                        .say("greeting", "name", existing.answer(ApplicationForm.FULL_NAME))
                        .say("tried", "role", role.title());
        // A withdrawn application still blocks a new one for the role, so say so plainly; there
        // is nothing left to withdraw.
        if (existing.status() == Application.Status.WITHDRAWN)
            l.say("withdrawn", "reference", existing.reference())
                    .say("withdrawnIfYou")
                    .say("ifNotYou");
        else {
            l.say("nothingChanged", "reference", existing.reference()).say("ifYou").say("ifNotYou");
            withdrawal.addTo(l, existing, now);
        }
        Contact c = role.contact();
        if (c.hasPhone())
            l.say("contact.withPhone", "name", c.name(), "email", c.email(), "phone", c.phone());
        else l.say("contact.withoutPhone", "name", c.name(), "email", c.email());
        return l.send(email, "role", role.title());
    }

    private Email staffToTellAboutRepeat(Role role, Application existing) {
        return Letter.of(WORDS, "appliedAgainTask")
                .say(
                        existing.status() == Application.Status.WITHDRAWN
                                ? "introWithdrawn"
                                : "intro",
                        "role",
                        role.title(),
                        "reference",
                        existing.reference(),
                        "method",
                        existing.contactMethod())
                .linked("link", staffSiteUrl + StaffPaths.APPLICATION.fill(existing.reference()))
                .send(role.contact().teamEmail(), "reference", existing.reference());
    }

    public List<OutboxMessage> forSubmission(Role role, Application app, Instant now) {
        List<OutboxMessage> out = new ArrayList<>();
        if (app.acknowledgement() == Application.Acknowledgement.EMAIL_QUEUED) {
            out.add(
                    new OutboxMessage(
                            "ack-" + app.reference(),
                            toApplicant(role, app, now),
                            now,
                            now,
                            0,
                            ACKNOWLEDGEMENT));
        } else {
            out.add(
                    new OutboxMessage(
                            "ack-task-" + app.reference(),
                            staffToAcknowledge(role, app),
                            now,
                            now,
                            0,
                            "acknowledgement-task"));
        }
        if (app.status() == Application.Status.HELD_TO_TALK_FIRST) {
            out.add(
                    new OutboxMessage(
                            "talk-first-" + app.reference(),
                            staffToTalkFirst(role, app),
                            now,
                            now,
                            0,
                            "talk-first"));
        }
        if (!SupportRequests.asked(app).isEmpty()) {
            out.add(
                    new OutboxMessage(
                            "support-" + app.reference(),
                            staffToArrangeSupport(role, app),
                            now,
                            now,
                            0,
                            "support-request"));
        }
        return out;
    }

    /** What was asked stays on the staff page (it can be about someone's health), not in the team's mailbox. */
    private Email staffToArrangeSupport(Role role, Application app) {
        return Letter.of(WORDS, "supportRequest")
                .say("intro", "reference", app.reference(), "role", role.title())
                .say("next")
                .linked("link", staffSiteUrl + StaffPaths.SUPPORT_REQUESTS.fill())
                .send(role.contact().teamEmail(), "reference", app.reference());
    }

    Email toApplicant(Role role, Application app, Instant now) {
        Letter l =
                Letter.of(WORDS, "acknowledgement")
                        .say("greeting", "name", app.answer(ApplicationForm.FULL_NAME))
                        .say("thanks", "role", role.title())
                        .say("reference", "reference", app.reference());
        if (app.status() == Application.Status.HELD_TO_TALK_FIRST) l.say("talkFirst");
        l.headed("next.heading")
                .bullets(
                        List.of(
                                l.words("next.closes", "closing", role.closingTime().display()),
                                l.words("next.panel"),
                                l.words(
                                        "next.interviews",
                                        "format",
                                        role.interviewFormat(),
                                        "week",
                                        ClosingTime.displayDate(role.interviewWeekCommencing())),
                                l.words("next.references", "count", role.referencesRequired()),
                                l.words("next.told")))
                .headed("monitoring.heading")
                .say("monitoring.body")
                .linked(
                        "monitoring.link",
                        siteUrl
                                + PublicPaths.monitoringForm(
                                        role.id(),
                                        monitoringTokens.forApplication(
                                                role.id(), app.reference())));
        l.say(
                "monitoring.code",
                "site",
                siteUrl + PublicPaths.MONITORING_BY_CODE.fill(),
                "code",
                monitoringTokens.codes().forApplication(role.id(), app.reference()));
        if (benefitsAdviceRelevant(role, app)) {
            l.headed("benefits.heading")
                    .say("benefits.body", "email", role.contact().benefitsAdviceEmail());
        }
        withdrawal.addTo(l, app, now);
        Contact c = role.contact();
        if (c.hasPhone())
            l.say("questions.withPhone", "name", c.name(), "email", c.email(), "phone", c.phone());
        else l.say("questions.withoutPhone", "name", c.name(), "email", c.email());
        return l.send(app.answer(ApplicationForm.EMAIL), "role", role.title());
    }

    private Email staffToAcknowledge(Role role, Application app) {
        String how = "telephone".equals(app.contactMethod()) ? "telephone" : "post";
        Letter l = Letter.of(WORDS, "acknowledgementTask");
        l.say("intro." + how, "role", role.title(), "days", role.acknowledgementDays())
                .bullets(
                        List.of(
                                l.words("reference", "reference", app.reference()),
                                l.words("name", "name", app.answer(ApplicationForm.FULL_NAME)),
                                how.equals("telephone")
                                        ? l.words(
                                                "phone", "phone", app.answer(ApplicationForm.PHONE))
                                        : l.words(
                                                "address",
                                                "address",
                                                String.join(
                                                        ", ",
                                                        nonBlank(
                                                                app.answer(
                                                                        ApplicationForm
                                                                                .ADDRESS_LINE_1),
                                                                app.answer("addressLine2"),
                                                                app.answer(ApplicationForm.TOWN),
                                                                app.answer(
                                                                        ApplicationForm
                                                                                .POSTCODE))))))
                .say("next")
                .linked("link", staffSiteUrl + StaffPaths.APPLICATION.fill(app.reference()));
        return l.sendWithSubject(
                role.contact().teamEmail(), "subject." + how, "reference", app.reference());
    }

    private Email staffToTalkFirst(Role role, Application app) {
        return Letter.of(WORDS, "talkFirst")
                .say("intro", "reference", app.reference(), "role", role.title())
                .bullets(Eligibility.check(role, app.answers()).reasons())
                .say("contact", "method", app.contactMethod())
                .linked("link", staffSiteUrl + StaffPaths.APPLICATION.fill(app.reference()))
                .send(role.contact().teamEmail(), "reference", app.reference());
    }

    /** Whether the acknowledgement points to the free benefits advice (also in the printed letter). */
    public static boolean benefitsAdviceRelevant(Role role, Application app) {
        return role.payment().isPaid()
                && (!"decline".equals(app.answer(ApplicationForm.ACCEPTS_PAYMENT))
                        || "yes".equals(app.answer(ApplicationForm.RECEIVES_BENEFITS)));
    }

    private static List<String> nonBlank(String... parts) {
        return java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toList();
    }
}

package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationsForStaff;
import org.involve.core.application.ApplicationsForStaff.Shown;
import org.involve.core.application.EnteringForApplicant;
import org.involve.core.application.EnteringForApplicant.Entry;
import org.involve.core.application.NoSuchRoleOrApplication;
import org.involve.core.application.SupportRequests;
import org.involve.core.application.TalkFirstQueue;
import org.involve.core.application.TalkFirstQueue.Decision;
import org.involve.core.application.UnacknowledgedApplications;
import org.involve.core.application.UnacknowledgedApplications.Acknowledging;
import org.involve.core.kit.Version;
import org.involve.core.kit.Words;
import org.involve.core.letters.PostLetters;
import org.involve.core.letters.PrintedLetter;
import org.involve.core.letters.PrintedLetter.Kind;
import org.involve.core.paths.StaffPaths;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;
import org.involve.core.withdrawal.Withdrawal;
import org.involve.handlers.http.BadRequest;
import org.involve.handlers.http.Routes;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.staff.Notices;
import org.involve.handlers.staff.StaffHandler;
import org.involve.handlers.staff.StaffRequest;
import org.involve.handlers.views.StaffApplicationPages;
import org.involve.handlers.views.StaffLetterPages;
import org.involve.handlers.views.StaffPages;

/**
 * The staff application pages: each role's applications, one application, entering an application on the applicant's
 * behalf, the talk-to-us-first queue and applications not yet acknowledged. Staff group only (checked here and again
 * in core's use cases: {@link ApplicationsForStaff}, {@link EnteringForApplicant}, {@link TalkFirstQueue} and
 * {@link UnacknowledgedApplications}); every change is stored with its audit entry.
 */
public class StaffApplicationsHandler extends StaffHandler<StaffApplicationsHandler> {
    static final Routes<StaffApplicationsHandler, StaffRequest> ROUTES =
            Routes.<StaffApplicationsHandler, StaffRequest>table()
                    .get(StaffPaths.APPLICATIONS, StaffApplicationsHandler::overview)
                    .get(StaffPaths.ROLE_APPLICATIONS, StaffApplicationsHandler::forRole)
                    .get(StaffPaths.APPLICATION, StaffApplicationsHandler::application)
                    .get(StaffPaths.ROLE_APPLICATION_NEW, StaffApplicationsHandler::enterForm)
                    .post(StaffPaths.ROLE_APPLICATIONS, StaffApplicationsHandler::enter)
                    .get(StaffPaths.TALK_FIRST_QUEUE, StaffApplicationsHandler::heldQueue)
                    .get(StaffPaths.APPLICATION_TALK_FIRST, StaffApplicationsHandler::talkFirstForm)
                    .post(
                            StaffPaths.APPLICATION_TALK_FIRST,
                            StaffApplicationsHandler::recordConversation)
                    .get(StaffPaths.UNACKNOWLEDGED, StaffApplicationsHandler::unacknowledged)
                    .get(StaffPaths.SUPPORT_REQUESTS, StaffApplicationsHandler::supportQueue)
                    .post(
                            StaffPaths.APPLICATION_SUPPORT_DONE,
                            StaffApplicationsHandler::markSupportDone)
                    .get(
                            StaffPaths.APPLICATION_ACKNOWLEDGE,
                            StaffApplicationsHandler::acknowledgeForm)
                    .post(
                            StaffPaths.APPLICATION_ACKNOWLEDGE,
                            StaffApplicationsHandler::markAcknowledged)
                    .post(StaffPaths.APPLICATION_WITHDRAW, StaffApplicationsHandler::withdraw)
                    .get(StaffPaths.APPLICATION_LETTER, StaffApplicationsHandler::letter)
                    .post(
                            StaffPaths.APPLICATION_LETTER_POSTED,
                            StaffApplicationsHandler::markPosted);
    private static final Notices NOTICES =
            Notices.of(
                    "applications",
                    "entered",
                    "already",
                    "goes-ahead",
                    "does-not-go-ahead",
                    "acknowledged",
                    "support-done",
                    "support-already",
                    "withdrawn",
                    "letter-posted");
    private static final Words WORDS = Words.of("applications");
    private final ApplicationsForStaff applications;
    private final EnteringForApplicant entering;
    private final TalkFirstQueue talkFirst;
    private final UnacknowledgedApplications unacknowledged;
    private final SupportRequests support;
    private final Withdrawal withdrawal;
    private final PostLetters letters;

    public StaffApplicationsHandler() {
        this(
                Beans.get(ApplicationsForStaff.class),
                Beans.get(EnteringForApplicant.class),
                Beans.get(TalkFirstQueue.class),
                Beans.get(UnacknowledgedApplications.class),
                Beans.get(SupportRequests.class),
                Beans.get(Withdrawal.class),
                Beans.get(PostLetters.class));
        Priming.register("StaffApplicationsFunction", this::prime);
    }

    public StaffApplicationsHandler(
            ApplicationsForStaff applications,
            EnteringForApplicant entering,
            TalkFirstQueue talkFirst,
            UnacknowledgedApplications unacknowledged,
            SupportRequests support,
            Withdrawal withdrawal,
            PostLetters letters) {
        super("staff-applications", Permission.VIEW_APPLICANT_DETAILS, ROUTES);
        this.applications = applications;
        this.entering = entering;
        this.talkFirst = talkFirst;
        this.unacknowledged = unacknowledged;
        this.support = support;
        this.withdrawal = withdrawal;
        this.letters = letters;
    }

    /** A letter to print and post (the acknowledgement, the paper monitoring form, the interview or the outcome). */
    private APIGatewayV2HTTPResponse letter(StaffRequest req) {
        return ok(letterPage(req, letterKind(req), null));
    }

    /** Marks a letter posted: audited, and the acknowledgement recorded as acknowledged by post. */
    private APIGatewayV2HTTPResponse markPosted(StaffRequest req) {
        Kind kind = letterKind(req);
        if (kind == Kind.MONITORING_FORM) throw new NoSuchRoleOrApplication("letter");
        try {
            letters.markPosted(
                    req.member(), reference(req), kind, req.web().form().get(Version.FIELD));
        } catch (Application.ChangedMeanwhile changed) {
            // Someone else changed the application after the letter was read: nothing recorded.
            return WebResponse.html(409, letterPage(req, kind, changed.getMessage()));
        }
        return WebResponse.seeOther(
                NOTICES.after(StaffPaths.APPLICATION.fill(reference(req)), "letter-posted"));
    }

    private String letterPage(StaffRequest req, Kind kind, String problem) {
        PrintedLetter l = letters.letter(req.member(), reference(req), kind);
        boolean formLeftOut =
                kind == Kind.ACKNOWLEDGEMENT
                        && !letters.mayPrintMonitoringForm(req.member(), l.application().roleId());
        return StaffLetterPages.letter(req.member(), l, formLeftOut, problem);
    }

    private static Kind letterKind(StaffRequest req) {
        Kind kind = Kind.of(req.web().pathParameter("letter"));
        if (kind == null) throw new NoSuchRoleOrApplication("letter");
        return kind;
    }

    private APIGatewayV2HTTPResponse supportQueue(StaffRequest req) {
        return ok(
                StaffApplicationPages.supportQueue(
                        req.member(), support.waiting(req.member()), NOTICES.on(req).orElse(null)));
    }

    private APIGatewayV2HTTPResponse markSupportDone(StaffRequest req) {
        SupportRequests.Marked marked;
        try {
            marked =
                    support.markDone(
                            req.member(), reference(req), req.web().form().get(Version.FIELD));
        } catch (Application.ChangedMeanwhile changed) {
            // Someone else changed the application after the list was read: nothing written.
            return WebResponse.html(
                    409,
                    StaffApplicationPages.supportQueue(
                            req.member(),
                            support.waiting(req.member()),
                            null,
                            changed.getMessage()));
        }
        return WebResponse.seeOther(
                NOTICES.after(
                        StaffPaths.SUPPORT_REQUESTS.fill(),
                        marked instanceof SupportRequests.Marked.Done
                                ? "support-done"
                                : "support-already"));
    }

    private APIGatewayV2HTTPResponse overview(StaffRequest req) {
        var roles = applications.overview(req.member());
        return ok(
                StaffApplicationPages.overview(
                        req.member(),
                        roles,
                        roles.stream().mapToInt(ApplicationsForStaff.RoleCounts::held).sum(),
                        roles.stream()
                                .mapToInt(ApplicationsForStaff.RoleCounts::unacknowledged)
                                .sum()));
    }

    private APIGatewayV2HTTPResponse forRole(StaffRequest req) {
        return ok(
                StaffApplicationPages.forRole(
                        req.member(), applications.forRole(req.member(), roleId(req))));
    }

    private APIGatewayV2HTTPResponse application(StaffRequest req) {
        Shown shown = applications.application(req.member(), reference(req));
        return ok(
                StaffApplicationPages.application(
                        req.member(),
                        shown,
                        NOTICES.on(req).orElse(null),
                        monitoringLinkToPassOn(shown),
                        monitoringCodeToPassOn(shown),
                        null));
    }

    /** Staff record a withdrawal the applicant asked for by telephone, post or e-mail; doing it twice does nothing more. */
    private APIGatewayV2HTTPResponse withdraw(StaffRequest req) {
        Map<String, String> posted = req.web().form();
        String how = posted.getOrDefault(Withdrawal.HOW, "");
        if (!Withdrawal.STAFF_WAYS.contains(how))
            throw new BadRequest(
                    400,
                    Words.of("withdrawal").get("page.staffWithdraw.heading"),
                    Words.of("withdrawal").get("field.how.error"));
        try {
            withdrawal.recordForApplicant(
                    req.member(), reference(req), how, posted.get(Version.FIELD));
        } catch (Application.ChangedMeanwhile changed) {
            // Someone else changed the application after this page was read: nothing recorded.
            Shown shown = applications.application(req.member(), reference(req));
            return WebResponse.html(
                    409,
                    StaffApplicationPages.application(
                            req.member(),
                            shown,
                            null,
                            monitoringLinkToPassOn(shown),
                            monitoringCodeToPassOn(shown),
                            changed.getMessage()));
        }
        return WebResponse.seeOther(
                NOTICES.after(StaffPaths.APPLICATION.fill(reference(req)), "withdrawn"));
    }

    private APIGatewayV2HTTPResponse enterForm(StaffRequest req) {
        EnteringForApplicant.Start start = entering.start(req.member(), roleId(req));
        if (start instanceof Entry.Closed closed)
            return ok(StaffApplicationPages.closed(req.member(), closed, false));
        return ok(
                StaffApplicationPages.enterForm(
                        req.member(), (EnteringForApplicant.Form) start, Map.of(), null));
    }

    private APIGatewayV2HTTPResponse enter(StaffRequest req) {
        Map<String, String> posted = req.web().form();
        StaffMember who = req.member();
        Entry result = entering.enter(who, roleId(req), posted);
        if (result instanceof Entry.Invalid invalid) {
            return WebResponse.html(
                    400,
                    StaffApplicationPages.enterForm(
                            who, invalid.form(), invalid.values(), invalid.errors()));
        }
        if (result instanceof Entry.CannotApply refused)
            return WebResponse.html(
                    200, StaffApplicationPages.cannotApply(who, refused.role(), refused.reasons()));
        if (result instanceof Entry.Closed closed)
            return WebResponse.html(409, StaffApplicationPages.closed(who, closed, true));
        Entry.Entered entered = (Entry.Entered) result;
        return WebResponse.seeOther(
                NOTICES.after(
                        StaffPaths.APPLICATION.fill(entered.application().reference()),
                        entered.created() ? "entered" : "already"));
    }

    private APIGatewayV2HTTPResponse heldQueue(StaffRequest req) {
        return ok(
                StaffApplicationPages.heldQueue(
                        req.member(), talkFirst.held(req.member()), NOTICES.on(req).orElse(null)));
    }

    private APIGatewayV2HTTPResponse talkFirstForm(StaffRequest req) {
        return ok(
                StaffApplicationPages.talkFirstForm(
                        req.member(),
                        talkFirst.heldApplication(req.member(), reference(req)),
                        Map.of(),
                        null));
    }

    private APIGatewayV2HTTPResponse recordConversation(StaffRequest req) {
        Map<String, String> posted = req.web().form();
        StaffMember who = req.member();
        Decision d;
        try {
            d = talkFirst.recordConversation(who, reference(req), posted);
        } catch (Application.ChangedMeanwhile changed) {
            // Someone else changed the application after this form was read: nothing was saved.
            return WebResponse.html(
                    409,
                    StaffApplicationPages.talkFirstForm(
                            who,
                            talkFirst.heldApplication(who, reference(req)),
                            posted,
                            null,
                            changed.getMessage()));
        }
        if (d instanceof Decision.Invalid invalid) {
            return WebResponse.html(
                    400,
                    StaffApplicationPages.talkFirstForm(
                            who,
                            talkFirst.heldApplication(who, reference(req)),
                            invalid.values(),
                            invalid.errors()));
        }
        if (d instanceof Decision.NotHeld notHeld) {
            return WebResponse.html(
                    409,
                    StaffPages.message(
                            who,
                            WORDS.get("error.not-held.title"),
                            WORDS.format(
                                    "error.not-held.body",
                                    "status",
                                    notHeld.application().status().label())));
        }
        boolean goesAhead = ((Decision.Recorded) d).to() == Application.Status.RECEIVED;
        return WebResponse.seeOther(
                NOTICES.after(
                        StaffPaths.TALK_FIRST_QUEUE.fill(),
                        goesAhead ? "goes-ahead" : "does-not-go-ahead"));
    }

    private APIGatewayV2HTTPResponse unacknowledged(StaffRequest req) {
        return ok(
                StaffApplicationPages.unacknowledged(
                        req.member(),
                        unacknowledged.unacknowledged(req.member()),
                        NOTICES.on(req).orElse(null)));
    }

    private APIGatewayV2HTTPResponse acknowledgeForm(StaffRequest req) {
        return ok(
                StaffApplicationPages.acknowledgeForm(
                        req.member(),
                        unacknowledged.waitingApplication(req.member(), reference(req)),
                        Map.of(),
                        null));
    }

    private APIGatewayV2HTTPResponse markAcknowledged(StaffRequest req) {
        Map<String, String> posted = req.web().form();
        StaffMember who = req.member();
        Acknowledging a = unacknowledged.markAcknowledged(who, reference(req), posted);
        if (a instanceof Acknowledging.Invalid invalid) {
            return WebResponse.html(
                    400,
                    StaffApplicationPages.acknowledgeForm(
                            who,
                            unacknowledged.waitingApplication(who, reference(req)),
                            invalid.values(),
                            invalid.errors()));
        }
        // Already acknowledged (its e-mail went, or a colleague recorded it): the application shows
        // how.
        if (a instanceof Acknowledging.AlreadyAcknowledged)
            return WebResponse.seeOther(StaffPaths.APPLICATION.fill(reference(req)));
        return WebResponse.seeOther(
                NOTICES.after(StaffPaths.UNACKNOWLEDGED.fill(), "acknowledged"));
    }

    /** Only for an applicant who gets no e-mail, and only until they are acknowledged: staff pass it on in that contact. */
    private String monitoringLinkToPassOn(Shown shown) {
        Application a = shown.application();
        return a.acknowledgement() == Application.Acknowledgement.STAFF_TO_CONTACT
                        && !shown.acknowledged()
                ? applications.monitoringLink(a)
                : null;
    }

    /**
     * For an applicant who gets no e-mail: their short code for the equal opportunities questions, to read out or put
     * in a letter, until they have heard their outcome (they may give their answers later by telephone or on paper).
     */
    private String monitoringCodeToPassOn(Shown shown) {
        Application a = shown.application();
        return a.acknowledgement() == Application.Acknowledgement.STAFF_TO_CONTACT
                ? applications.monitoringCode(a)
                : null;
    }

    private static String roleId(StaffRequest req) {
        return req.web().pathParameter("roleId");
    }

    private static String reference(StaffRequest req) {
        return req.web().pathParameter("reference");
    }

    private static APIGatewayV2HTTPResponse ok(String html) {
        return WebResponse.html(200, html);
    }
}

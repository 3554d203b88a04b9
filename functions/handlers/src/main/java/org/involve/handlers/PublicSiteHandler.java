package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.core.application.ApplicationForm;
import org.involve.core.application.ApplicationJourney;
import org.involve.core.application.ApplicationJourney.DraftNotFound;
import org.involve.core.application.ApplicationJourney.SectionResult;
import org.involve.core.application.ApplicationJourney.SubmitResult;
import org.involve.core.application.SaveAndReturn;
import org.involve.core.draft.ApplicationDraft;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.NotFound;
import org.involve.core.kit.Retention;
import org.involve.core.kit.Section;
import org.involve.core.paths.PublicPaths;
import org.involve.core.role.Role;
import org.involve.handlers.http.Routes;
import org.involve.handlers.http.WebRequest;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.views.PrivacyPages;
import org.involve.handlers.views.PublicPages;

/** The public site: open roles, role details, the application journey, the privacy notice, accessibility statement and cookies page. Turns requests into calls on the journey. */
public class PublicSiteHandler extends PublicHandler<PublicSiteHandler> {
    static final Routes<PublicSiteHandler, WebRequest> ROUTES =
            Routes.<PublicSiteHandler, WebRequest>table()
                    .get(
                            PublicPaths.HOME,
                            (h, req) -> WebResponse.seeOther(PublicPaths.ROLES.fill()))
                    .get(PublicPaths.ROLES, PublicSiteHandler::openRoles)
                    .get(PublicPaths.ROLE, PublicSiteHandler::showRole)
                    .post(PublicPaths.APPLY, PublicSiteHandler::start)
                    .get(PublicPaths.APPLY_SECTION, PublicSiteHandler::showSection)
                    .post(PublicPaths.APPLY_SECTION, PublicSiteHandler::saveSection)
                    .get(PublicPaths.CHECK_ANSWERS, (h, req) -> h.checkAnswers(req, null))
                    .post(PublicPaths.CHECK_ANSWERS, PublicSiteHandler::submit)
                    .get(PublicPaths.CONFIRMATION, PublicSiteHandler::confirmation)
                    .get(PublicPaths.TASK_LIST, PublicSiteHandler::taskList)
                    .get(PublicPaths.SAVE_LINK, (h, req) -> h.saveLinkPage(req, null))
                    .post(PublicPaths.SAVE_LINK, PublicSiteHandler::sendSaveLink)
                    .get(PublicPaths.CONTINUE_LINK, PublicSiteHandler::openFromLink)
                    .get(PublicPaths.CONTINUE, (h, req) -> h.continuePage(null, Map.of()))
                    .post(PublicPaths.CONTINUE, PublicSiteHandler::continueByCode)
                    .get(PublicPaths.PRIVACY, PublicSiteHandler::privacy)
                    .get(
                            PublicPaths.ACCESSIBILITY,
                            (h, req) -> WebResponse.html(200, PrivacyPages.accessibility()))
                    .get(
                            PublicPaths.COOKIES,
                            (h, req) ->
                                    WebResponse.html(
                                            200, PrivacyPages.cookies(h.retention.draftDays())))
                    // The catch-all, so unknown addresses get the site's own page rather than API
                    // Gateway's.
                    .any(PublicPaths.ANYTHING_ELSE, (h, req) -> WebErrors.notFound());
    private static final String DRAFT_COOKIE = "involve-draft";
    private static final org.involve.core.kit.Words APPLY = org.involve.core.kit.Words.of("apply");
    private final ApplicationJourney journey;
    private final SaveAndReturn returns;
    private final boolean secureCookies;
    private final Retention retention;

    public PublicSiteHandler() {
        this(
                Beans.get(ApplicationJourney.class),
                Beans.get(SaveAndReturn.class),
                Beans.get(InvolveSettings.class).siteUrl().startsWith("https:"),
                Beans.get(InvolveSettings.class).retention());
        Priming.register("PublicSiteFunction", this::prime);
    }

    /**
     * SnapStart priming (see {@link Priming}): the open roles and the first one's page (the SDK's query and read,
     * Jackson reading roles, the templates), a section page for a draft that is not there (the drafts table's read and
     * the error page). Reads only: nothing is written.
     */
    @Override
    public void prime() {
        handleRequest(
                Priming.get(route("GET", PublicPaths.ROLES), PublicPaths.ROLES.fill(), Map.of()),
                null);
        for (Role role : journey.openRoles().stream().limit(1).toList()) {
            handleRequest(
                    Priming.get(
                            route("GET", PublicPaths.ROLE),
                            PublicPaths.ROLE.fill(role.id()),
                            Map.of("roleId", role.id())),
                    null);
            var section =
                    Priming.get(
                            route("GET", PublicPaths.APPLY_SECTION),
                            PublicPaths.APPLY_SECTION.fill(role.id(), ApplicationForm.ABOUT_YOU),
                            Map.of("roleId", role.id(), "section", ApplicationForm.ABOUT_YOU));
            section.setCookies(List.of(DRAFT_COOKIE + "=primingNoSuchDraft0"));
            handleRequest(section, null);
        }
    }

    private static String route(String method, org.involve.core.kit.Path path) {
        return method + " " + path.template();
    }

    /** With the default periods for keeping records. */
    public PublicSiteHandler(ApplicationJourney journey, boolean secureCookies) {
        this(journey, secureCookies, Retention.DEFAULTS);
    }

    /** Without save and return (its pages answer "not found"): for tests of other pages. */
    public PublicSiteHandler(
            ApplicationJourney journey, boolean secureCookies, Retention retention) {
        this(journey, null, secureCookies, retention);
    }

    public PublicSiteHandler(
            ApplicationJourney journey,
            SaveAndReturn returns,
            boolean secureCookies,
            Retention retention) {
        super("public", ROUTES);
        this.journey = journey;
        this.returns = returns;
        this.secureCookies = secureCookies;
        this.retention = retention;
    }

    private SaveAndReturn returns() {
        if (returns == null) throw new NotFound("save and return");
        return returns;
    }

    /**
     * The task list: each section with its status, how long the answers are kept, and the ways to come back to them
     * (the e-mail, the reference and code); Check your answers once every section is done.
     */
    private APIGatewayV2HTTPResponse taskList(WebRequest req) {
        String roleId = roleId(req);
        Role role = journey.openRole(roleId);
        ApplicationDraft draft = currentDraft(req, roleId);
        if (draft.submitted()) return WebResponse.seeOther(confirmationPath(roleId));
        ApplicationForm form = new ApplicationForm(role);
        return WebResponse.html(
                200,
                PublicPages.taskList(
                        role,
                        form.sections(draft.answers()),
                        draft,
                        journey.firstIncomplete(form, draft),
                        details(draft),
                        journey.expiresSoon(draft)));
    }

    private Optional<SaveAndReturn.Details> details(ApplicationDraft draft) {
        return returns == null ? Optional.empty() : returns.details(draft);
    }

    private APIGatewayV2HTTPResponse saveLinkPage(WebRequest req, SaveAndReturn.LinkResult failed) {
        String roleId = roleId(req);
        Role role = journey.openRole(roleId);
        ApplicationDraft draft = currentDraft(req, roleId);
        if (draft.submitted()) return WebResponse.seeOther(confirmationPath(roleId));
        return saveLinkPage(role, draft, failed);
    }

    /** The save-link page for the role and draft this request has read (so a refused post reads neither again). */
    private APIGatewayV2HTTPResponse saveLinkPage(
            Role role, ApplicationDraft draft, SaveAndReturn.LinkResult failed) {
        returns();
        String email =
                failed instanceof SaveAndReturn.LinkResult.Invalid invalid
                        ? invalid.typed()
                        : draft.answers().getOrDefault(ApplicationForm.EMAIL, "");
        return WebResponse.html(
                failed == null ? 200 : 400,
                PublicPages.saveLink(
                        role,
                        draft,
                        SaveAndReturn.offered(draft),
                        email,
                        failed instanceof SaveAndReturn.LinkResult.Invalid invalid
                                ? invalid.errors()
                                : null,
                        details(draft)));
    }

    private APIGatewayV2HTTPResponse sendSaveLink(WebRequest req) {
        Map<String, String> posted = req.form();
        String roleId = roleId(req);
        Role role = journey.openRole(roleId);
        ApplicationDraft draft = currentDraft(req, roleId);
        if (draft.submitted()) return WebResponse.seeOther(confirmationPath(roleId));
        var result = returns().emailLink(draft, role, posted.get(SaveAndReturn.EMAIL));
        if (result instanceof SaveAndReturn.LinkResult.Sent sent)
            return WebResponse.html(200, PublicPages.saveLinkSent(role, sent.email()));
        if (result instanceof SaveAndReturn.LinkResult.TooMany)
            return WebResponse.html(
                    429, PublicPages.saveLinkTooMany(role, SaveAndReturn.EMAILS_PER_HOUR));
        return saveLinkPage(role, draft, result);
    }

    /** The e-mail's link: opens the draft in this browser (its cookie) and goes to the task list. */
    private APIGatewayV2HTTPResponse openFromLink(WebRequest req) {
        String roleId = roleId(req);
        var opened = returns().openLink(roleId, req.pathParameter("token"));
        if (opened instanceof SaveAndReturn.Opened.Draft d)
            return WebResponse.seeOther(
                    PublicPaths.TASK_LIST.fill(roleId), draftCookie(roleId, d.draft().id()));
        if (opened instanceof SaveAndReturn.Opened.NotRecognised unknown)
            return WebResponse.html(404, PublicPages.linkNotRecognised(unknown.role()));
        return WebResponse.html(
                410, PublicPages.linkGone(((SaveAndReturn.Opened.Gone) opened).role()));
    }

    private APIGatewayV2HTTPResponse continuePage(
            org.involve.core.kit.FieldErrors errors, Map<String, String> typed) {
        returns();
        return WebResponse.html(
                errors == null ? 200 : 400, PublicPages.continueApplication(typed, errors));
    }

    private APIGatewayV2HTTPResponse continueByCode(WebRequest req) {
        Map<String, String> posted = req.form();
        var result = returns().openByCode(posted, client(req));
        if (result instanceof SaveAndReturn.CodeResult.Draft d) {
            String roleId = d.draft().roleId();
            return WebResponse.seeOther(
                    PublicPaths.TASK_LIST.fill(roleId), draftCookie(roleId, d.draft().id()));
        }
        if (result instanceof SaveAndReturn.CodeResult.NoMatch none)
            return continuePage(none.errors(), none.typed());
        return WebResponse.html(429, PublicPages.continueTooMany());
    }

    /**
     * Who is asking, for counting their tries (kept only as a keyed hash): the address the request came from and,
     * behind CloudFront, the viewer's address it adds last to X-Forwarded-For.
     */
    private static String client(WebRequest req) {
        var ctx = req.event().getRequestContext();
        String source = ctx == null || ctx.getHttp() == null ? "" : ctx.getHttp().getSourceIp();
        String forwarded = req.header("x-forwarded-for").orElse("");
        String viewer = forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
        return source + "|" + viewer;
    }

    /** The privacy notice, naming the organisations of the roles open now and the periods records are kept. */
    private APIGatewayV2HTTPResponse privacy(WebRequest req) {
        return WebResponse.html(
                200,
                PrivacyPages.privacy(
                        journey.openRoles().stream().map(Role::organisation).toList(), retention));
    }

    private APIGatewayV2HTTPResponse openRoles(WebRequest req) {
        return WebResponse.html(200, PublicPages.openRoles(journey.openRoles()));
    }

    private APIGatewayV2HTTPResponse showRole(WebRequest req) {
        Role role = journey.publishedRole(roleId(req));
        return WebResponse.html(200, PublicPages.roleDetails(role, journey.acceptingNow(role)));
    }

    /**
     * Starting again on the same role carries on with the saved answers rather than losing them. Only a draft is kept
     * here, so the role may be this container's recent copy ({@link ApplicationJourney#openRoleForDraft}).
     */
    private APIGatewayV2HTTPResponse start(WebRequest req) {
        req.form();
        String roleId = roleId(req);
        Role role = journey.openRoleForDraft(roleId);
        ApplicationDraft draft;
        try {
            draft = journey.draft(req.cookie(DRAFT_COOKIE).orElse(null), roleId);
            if (draft.submitted()) draft = journey.start(role);
        } catch (DraftNotFound e) {
            draft = journey.start(role);
        }
        String next =
                journey.firstIncomplete(new ApplicationForm(role), draft)
                        .map(s -> sectionPath(roleId, s))
                        .orElse(checkPath(roleId));
        return WebResponse.seeOther(next, draftCookie(roleId, draft.id()));
    }

    private APIGatewayV2HTTPResponse showSection(WebRequest req) {
        String roleId = roleId(req), sectionId = req.pathParameter("section");
        Role role = journey.openRole(roleId);
        ApplicationDraft draft = currentDraft(req, roleId);
        if (draft.submitted()) return WebResponse.seeOther(confirmationPath(roleId));
        Section section = journey.section(role, draft, sectionId);
        return WebResponse.html(
                200, sectionPage(role, draft.answers(), section, draft.answers(), null, draft));
    }

    private APIGatewayV2HTTPResponse saveSection(WebRequest req) {
        Map<String, String> posted = req.form();
        String roleId = roleId(req), sectionId = req.pathParameter("section");
        String draftId = req.cookie(DRAFT_COOKIE).orElse(null);
        // Only a draft is kept here, so the role may be this container's recent copy; it is read
        // once for the request, the page for a missing draft included.
        Role role = journey.openRoleForDraft(roleId);
        SectionResult result;
        try {
            result = journey.saveSection(draftId, role, sectionId, posted);
        } catch (DraftNotFound e) {
            // No draft to keep them (it expired, or this is another browser): show what was typed,
            // so it is not lost.
            return WebResponse.html(
                    404,
                    PublicPages.notSaved(
                            role,
                            ApplicationJourney.sectionPosted(role, sectionId, posted),
                            posted));
        }
        if (result instanceof SectionResult.Invalid invalid) {
            return WebResponse.html(
                    400,
                    sectionPage(
                            invalid.role(),
                            invalid.answers(),
                            invalid.section(),
                            invalid.values(),
                            invalid.errors(),
                            invalid.draft()));
        }
        // Each save keeps the answers for the whole period again, and the cookie that finds them
        // with them.
        String renewed = draftCookie(roleId, draftId);
        // "Save and come back later": saved, then the ways to come back.
        if ("yes".equals(posted.get("later"))
                && (result instanceof SectionResult.Next
                        || result instanceof SectionResult.CheckAnswers))
            return WebResponse.seeOther(PublicPaths.SAVE_LINK.fill(roleId), renewed);
        if (result instanceof SectionResult.Next next)
            return WebResponse.seeOther(sectionPath(roleId, next.sectionId()), renewed);
        if (result instanceof SectionResult.CannotApply refused) {
            // The draft is kept (the answer that refused them was not saved): they may change their
            // answer.
            return WebResponse.html(
                    200, PublicPages.cannotApply(refused.role(), refused.reasons()));
        }
        return WebResponse.seeOther(checkPath(roleId), renewed);
    }

    /** Whether every section is answered, so the person came to this one from Check your answers (by Change). */
    private boolean complete(Role role, ApplicationDraft draft) {
        return journey.firstIncomplete(new ApplicationForm(role), draft).isEmpty();
    }

    /**
     * @param draft as saved: when every section is answered, Back leads to Check your answers (where Change came
     *     from); the page says until when the answers are kept
     */
    private String sectionPage(
            Role role,
            Map<String, String> answers,
            Section section,
            Map<String, String> values,
            FieldErrors errors,
            ApplicationDraft draft) {
        boolean complete = complete(role, draft);
        List<Section> all = new ApplicationForm(role).sections(answers);
        int index = all.stream().map(Section::id).toList().indexOf(section.id());
        String back =
                complete
                        ? checkPath(role.id())
                        : index <= 0
                                ? PublicPaths.ROLE.fill(role.id())
                                : sectionPath(role.id(), all.get(index - 1).id());
        return PublicPages.section(
                role,
                section,
                index + 1,
                all.size(),
                values,
                errors,
                back,
                draft.expiresAt(),
                journey.expiresSoon(draft),
                returns != null && SaveAndReturn.offered(draft));
    }

    private APIGatewayV2HTTPResponse checkAnswers(WebRequest req, String problem) {
        String roleId = roleId(req);
        Role role = journey.openRole(roleId);
        ApplicationDraft draft = currentDraft(req, roleId);
        return checkAnswers(role, draft, problem);
    }

    /** Check your answers for the role and draft this request has read (so a held-back send reads neither again). */
    private APIGatewayV2HTTPResponse checkAnswers(
            Role role, ApplicationDraft draft, String problem) {
        String roleId = role.id();
        if (draft.submitted()) return WebResponse.seeOther(confirmationPath(roleId));
        ApplicationForm form = new ApplicationForm(role);
        var missing = journey.firstIncomplete(form, draft);
        if (missing.isPresent()) return WebResponse.seeOther(sectionPath(roleId, missing.get()));
        return WebResponse.html(
                problem == null ? 200 : 400,
                PublicPages.checkAnswers(role, form.sections(draft.answers()), draft, problem));
    }

    private APIGatewayV2HTTPResponse submit(WebRequest req) {
        Map<String, String> posted = req.form();
        String roleId = roleId(req);
        SubmitResult result =
                journey.submit(
                        req.cookie(DRAFT_COOKIE).orElse(null), roleId, posted, req.sourceIp());
        if (result instanceof SubmitResult.Incomplete incomplete)
            return WebResponse.seeOther(sectionPath(roleId, incomplete.sectionId()));
        if (result instanceof SubmitResult.LooksAutomated held)
            return checkAnswers(held.role(), held.draft(), ApplicationJourney.automatedMessage());
        if (result instanceof SubmitResult.TooManyFromClient) {
            Telemetry.count("ApplicationRefusedTooManyFromClient");
            return WebResponse.html(
                    429,
                    PublicPages.message(
                            APPLY.get("error.tooManyApplications.title"),
                            APPLY.get("error.tooManyApplications.kept"),
                            APPLY.get("error.tooManyApplications.later")));
        }
        Telemetry.count(
                "ApplicationSent"); // a business metric: applications sent (no role or person in
        // it)
        if (result instanceof SubmitResult.Submitted sent
                && sent.application().acknowledgement()
                        == org.involve.core.application.Application.Acknowledgement.EMAIL_LIMITED)
            Telemetry.count("AcknowledgementNotSentTooManyToAddress");
        return WebResponse.seeOther(confirmationPath(roleId));
    }

    private APIGatewayV2HTTPResponse confirmation(WebRequest req) {
        String roleId = roleId(req);
        // Built from what this draft sent, never from the stored application: the same page whether
        // the application is new or these details had already applied (the reference and the equal
        // opportunities link go only to the applicant, in the e-mail).
        var sent = journey.sent(req.cookie(DRAFT_COOKIE).orElse(null), roleId);
        if (sent.isEmpty()) return WebResponse.seeOther(checkPath(roleId));
        return WebResponse.html(200, PublicPages.confirmation(sent.get()));
    }

    private static String roleId(WebRequest req) {
        return req.pathParameter("roleId");
    }

    private ApplicationDraft currentDraft(WebRequest req, String roleId) {
        return journey.draft(req.cookie(DRAFT_COOKIE).orElse(null), roleId);
    }

    private String draftCookie(String roleId, String draftId) {
        return WebResponse.cookie(
                DRAFT_COOKIE,
                draftId,
                PublicPaths.ROLE.fill(roleId),
                retention.draftDays() * 24L * 3600,
                secureCookies);
    }

    private static String sectionPath(String roleId, String sectionId) {
        return PublicPaths.APPLY_SECTION.fill(roleId, sectionId);
    }

    private static String checkPath(String roleId) {
        return PublicPaths.CHECK_ANSWERS.fill(roleId);
    }

    private static String confirmationPath(String roleId) {
        return PublicPaths.CONFIRMATION.fill(roleId);
    }
}

package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.involve.core.draft.ApplicationDraft;
import org.involve.core.application.ApplicationForm;
import org.involve.core.application.ApplicationJourney;
import org.involve.core.application.ApplicationJourney.DraftNotFound;
import org.involve.core.application.ApplicationJourney.SectionResult;
import org.involve.core.application.ApplicationJourney.SubmitResult;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Section;
import org.involve.core.role.Role;
import org.involve.handlers.http.WebRequest;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.views.PublicPages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The public site: open roles, role details and the application journey. Turns requests into calls on the journey. */
public class PublicSiteHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final String DRAFT_COOKIE = "involve-draft";
    private final ApplicationJourney journey;
    private final boolean secureCookies;

    public PublicSiteHandler() {
        this(Beans.get(ApplicationJourney.class), org.involve.adapters.Settings.optional("SITE_URL", "").startsWith("https:"));
    }

    public PublicSiteHandler(ApplicationJourney journey, boolean secureCookies) {
        this.journey = journey;
        this.secureCookies = secureCookies;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        WebRequest request = new WebRequest(event);
        return WebErrors.guard(request, "public", () -> route(request));
    }

    private APIGatewayV2HTTPResponse route(WebRequest req) {
        String roleId = req.pathParameter("roleId");
        return switch (req.routeKey()) {
            case "GET /" -> WebResponse.seeOther("/roles");
            case "GET /roles" -> WebResponse.html(200, PublicPages.openRoles(journey.openRoles()));
            case "GET /roles/{roleId}" -> showRole(roleId);
            case "POST /roles/{roleId}/apply" -> start(req, roleId);
            case "GET /roles/{roleId}/apply/{section}" -> showSection(req, roleId, req.pathParameter("section"));
            case "POST /roles/{roleId}/apply/{section}" -> saveSection(req, roleId, req.pathParameter("section"));
            case "GET /roles/{roleId}/check-answers" -> checkAnswers(req, roleId, null);
            case "POST /roles/{roleId}/check-answers" -> submit(req, roleId);
            case "GET /roles/{roleId}/confirmation" -> confirmation(req, roleId);
            default -> WebErrors.notFound(); // includes the catch-all route, so unknown addresses get the site's own page
        };
    }

    private APIGatewayV2HTTPResponse showRole(String roleId) {
        Role role = journey.publishedRole(roleId);
        return WebResponse.html(200, PublicPages.roleDetails(role, journey.acceptingNow(role)));
    }

    /** Starting again on the same role carries on with the saved answers rather than losing them. */
    private APIGatewayV2HTTPResponse start(WebRequest req, String roleId) {
        req.form();
        Role role = journey.openRole(roleId);
        ApplicationDraft draft;
        try {
            draft = journey.draft(req.cookie(DRAFT_COOKIE).orElse(null), roleId);
            if (draft.submitted()) draft = journey.start(roleId);
        } catch (DraftNotFound e) {
            draft = journey.start(roleId);
        }
        String next = journey.firstIncomplete(new ApplicationForm(role), draft).map(s -> sectionPath(roleId, s)).orElse(checkPath(roleId));
        return WebResponse.seeOther(next, draftCookie(roleId, draft.id()));
    }

    private APIGatewayV2HTTPResponse showSection(WebRequest req, String roleId, String sectionId) {
        Role role = journey.openRole(roleId);
        ApplicationDraft draft = currentDraft(req, roleId);
        if (draft.submitted()) return WebResponse.seeOther(confirmationPath(roleId));
        Section section = journey.section(role, draft, sectionId);
        return WebResponse.html(200, sectionPage(role, draft.answers(), section, draft.answers(), null));
    }

    private APIGatewayV2HTTPResponse saveSection(WebRequest req, String roleId, String sectionId) {
        Map<String, String> posted = req.form();
        String draftId = req.cookie(DRAFT_COOKIE).orElse(null);
        SectionResult result = journey.saveSection(draftId, roleId, sectionId, posted);
        if (result instanceof SectionResult.Invalid invalid) {
            return WebResponse.html(400, sectionPage(invalid.role(), invalid.answers(), invalid.section(), invalid.values(), invalid.errors()));
        }
        if (result instanceof SectionResult.Next next) return WebResponse.seeOther(sectionPath(roleId, next.sectionId()));
        if (result instanceof SectionResult.CannotApply refused) {
            return WebResponse.html(200, PublicPages.cannotApply(refused.role(), refused.reasons()), clearDraftCookie(roleId));
        }
        return WebResponse.seeOther(checkPath(roleId));
    }

    private String sectionPage(Role role, Map<String, String> answers, Section section, Map<String, String> values, FieldErrors errors) {
        List<Section> all = new ApplicationForm(role).sections(answers);
        int index = all.stream().map(Section::id).toList().indexOf(section.id());
        String back = index <= 0 ? "/roles/" + role.id() : sectionPath(role.id(), all.get(index - 1).id());
        return PublicPages.section(role, section, index + 1, all.size(), values, errors, back);
    }

    private APIGatewayV2HTTPResponse checkAnswers(WebRequest req, String roleId, String problem) {
        Role role = journey.openRole(roleId);
        ApplicationDraft draft = currentDraft(req, roleId);
        if (draft.submitted()) return WebResponse.seeOther(confirmationPath(roleId));
        ApplicationForm form = new ApplicationForm(role);
        var missing = journey.firstIncomplete(form, draft);
        if (missing.isPresent()) return WebResponse.seeOther(sectionPath(roleId, missing.get()));
        return WebResponse.html(problem == null ? 200 : 400, PublicPages.checkAnswers(role, form.sections(draft.answers()), draft, problem));
    }

    private APIGatewayV2HTTPResponse submit(WebRequest req, String roleId) {
        Map<String, String> posted = req.form();
        SubmitResult result = journey.submit(req.cookie(DRAFT_COOKIE).orElse(null), roleId, posted);
        if (result instanceof SubmitResult.Incomplete incomplete) return WebResponse.seeOther(sectionPath(roleId, incomplete.sectionId()));
        if (result instanceof SubmitResult.LooksAutomated) return checkAnswers(req, roleId, ApplicationJourney.automatedMessage());
        return WebResponse.seeOther(confirmationPath(roleId));
    }

    private APIGatewayV2HTTPResponse confirmation(WebRequest req, String roleId) {
        var submitted = journey.submitted(req.cookie(DRAFT_COOKIE).orElse(null), roleId);
        if (submitted.isEmpty()) return WebResponse.seeOther(checkPath(roleId));
        SubmitResult.Submitted done = submitted.get();
        String link = "/monitoring?role=" + enc(roleId) + "&token=" + enc(done.application().monitoringToken());
        return WebResponse.html(200, PublicPages.confirmation(done.role(), done.application(), link, done.earlierApplication()));
    }

    private ApplicationDraft currentDraft(WebRequest req, String roleId) {
        return journey.draft(req.cookie(DRAFT_COOKIE).orElse(null), roleId);
    }

    private String draftCookie(String roleId, String draftId) {
        return WebResponse.cookie(DRAFT_COOKIE, draftId, "/roles/" + roleId, 14L * 24 * 3600, secureCookies);
    }

    private String clearDraftCookie(String roleId) {
        return WebResponse.cookie(DRAFT_COOKIE, "", "/roles/" + roleId, 0, secureCookies);
    }

    private static String sectionPath(String roleId, String sectionId) {
        return "/roles/" + roleId + "/apply/" + sectionId;
    }

    private static String checkPath(String roleId) {
        return "/roles/" + roleId + "/check-answers";
    }

    private static String confirmationPath(String roleId) {
        return "/roles/" + roleId + "/confirmation";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

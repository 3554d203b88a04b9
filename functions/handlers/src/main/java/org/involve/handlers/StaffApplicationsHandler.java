package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.involve.core.application.StaffApplications;
import org.involve.core.application.StaffApplications.Acknowledging;
import org.involve.core.application.StaffApplications.Decision;
import org.involve.core.application.StaffApplications.Entry;
import org.involve.core.application.StaffApplications.Shown;
import org.involve.core.application.Application;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.staff.StaffErrors;
import org.involve.handlers.staff.StaffNotFound;
import org.involve.handlers.staff.StaffRequest;
import org.involve.handlers.views.StaffApplicationPages;
import org.involve.handlers.views.StaffPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * The staff application pages: each role's applications, one application, entering an application on the applicant's
 * behalf, the talk-to-us-first queue and applications not yet acknowledged. Staff group only (checked here and again
 * in core's {@link StaffApplications}); every change is stored with its audit entry.
 */
public class StaffApplicationsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(StaffApplicationsHandler.class);
    /** What a finished action says on the page it leads to; the query carries only the key, never text to show. */
    private static final Map<String, String> NOTICES = Map.of(
            "entered", "Application saved. If the applicant asked for email, their acknowledgement is on its way. If not, acknowledge it the way they asked, then mark it as acknowledged.",
            "already", "This applicant had already applied for this role, so nothing new was saved. This is their application.",
            "goes-ahead", "Saved: the application goes ahead and will be assessed with the others.",
            "does-not-go-ahead", "Saved: the application does not go ahead. The reason is kept with it.",
            "acknowledged", "Saved: the application is marked as acknowledged.");
    private final StaffApplications applications;

    public StaffApplicationsHandler() {
        this(Beans.get(StaffApplications.class));
    }

    public StaffApplicationsHandler(StaffApplications applications) {
        this.applications = applications;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return StaffErrors.guard(event, "staff-applications", this::route);
    }

    private APIGatewayV2HTTPResponse route(StaffRequest req) {
        StaffMember who = req.require(Permission.VIEW_APPLICANT_DETAILS);
        String ref = req.web().pathParameter("reference");
        String roleId = req.web().pathParameter("roleId");
        String notice = req.web().query("done").map(NOTICES::get).orElse(null);
        try {
            return switch (req.web().routeKey()) {
                case "GET /staff/applications" -> {
                    var roles = applications.overview(who);
                    yield ok(StaffApplicationPages.overview(who, roles, roles.stream().mapToInt(StaffApplications.RoleCounts::held).sum(),
                            roles.stream().mapToInt(StaffApplications.RoleCounts::unacknowledged).sum()));
                }
                case "GET /staff/roles/{roleId}/applications" -> ok(StaffApplicationPages.forRole(who, applications.forRole(who, roleId)));
                case "GET /staff/applications/{reference}" -> {
                    Shown shown = applications.application(who, ref);
                    yield ok(StaffApplicationPages.application(who, shown, notice, monitoringLinkToPassOn(shown)));
                }
                case "GET /staff/roles/{roleId}/applications/new" ->
                        ok(StaffApplicationPages.enterForm(who, applications.form(who, roleId, Map.of()), Map.of(), null));
                case "POST /staff/roles/{roleId}/applications" -> enter(who, roleId, req.web().form());
                case "GET /staff/applications/talk-first" -> ok(StaffApplicationPages.heldQueue(who, applications.held(who), notice));
                case "GET /staff/applications/{reference}/talk-first" ->
                        ok(StaffApplicationPages.talkFirstForm(who, applications.heldApplication(who, ref), Map.of(), null));
                case "POST /staff/applications/{reference}/talk-first" -> {
                    Map<String, String> posted = req.web().form();
                    Decision d = applications.recordConversation(who, ref, posted);
                    if (d instanceof Decision.Invalid invalid) {
                        yield WebResponse.html(400, StaffApplicationPages.talkFirstForm(who, applications.heldApplication(who, ref), invalid.values(), invalid.errors()));
                    }
                    if (d instanceof Decision.NotHeld notHeld) {
                        yield WebResponse.html(409, StaffPages.message(who, "This application is not held any more",
                                "Someone has already recorded the conversation. The application's status is now: " + notHeld.application().status().label() + "."));
                    }
                    yield WebResponse.seeOther("/staff/applications/talk-first?done="
                            + (((Decision.Recorded) d).to() == Application.Status.RECEIVED ? "goes-ahead" : "does-not-go-ahead"));
                }
                case "GET /staff/applications/unacknowledged" -> ok(StaffApplicationPages.unacknowledged(who, applications.unacknowledged(who), notice));
                case "GET /staff/applications/{reference}/acknowledge" ->
                        ok(StaffApplicationPages.acknowledgeForm(who, applications.waitingApplication(who, ref), Map.of(), null));
                case "POST /staff/applications/{reference}/acknowledge" -> {
                    Map<String, String> posted = req.web().form();
                    Acknowledging a = applications.markAcknowledged(who, ref, posted);
                    if (a instanceof Acknowledging.Invalid invalid) {
                        yield WebResponse.html(400, StaffApplicationPages.acknowledgeForm(who, applications.waitingApplication(who, ref), invalid.values(), invalid.errors()));
                    }
                    // Already acknowledged (its e-mail went, or a colleague recorded it): the application shows how.
                    if (a instanceof Acknowledging.AlreadyAcknowledged) yield WebResponse.seeOther("/staff/applications/" + ref);
                    yield WebResponse.seeOther("/staff/applications/unacknowledged?done=acknowledged");
                }
                default -> throw new StaffNotFound(req.web().routeKey());
            };
        } catch (StaffApplications.NotFound e) {
            throw new StaffNotFound(e.getMessage());
        }
    }

    private APIGatewayV2HTTPResponse enter(StaffMember who, String roleId, Map<String, String> posted) {
        Entry result = applications.enter(who, roleId, posted);
        if (result instanceof Entry.Invalid invalid) {
            return WebResponse.html(400, StaffApplicationPages.enterForm(who, invalid.form(), invalid.values(), invalid.errors()));
        }
        if (result instanceof Entry.CannotApply refused) return WebResponse.html(200, StaffApplicationPages.cannotApply(who, refused.role(), refused.reasons()));
        if (result instanceof Entry.Closed closed) return WebResponse.html(409, StaffApplicationPages.closed(who, closed.role()));
        Entry.Entered entered = (Entry.Entered) result;
        return WebResponse.seeOther("/staff/applications/" + entered.application().reference() + "?done=" + (entered.created() ? "entered" : "already"));
    }

    /** Only for an applicant who gets no e-mail, and only until they are acknowledged: staff pass it on in that contact. */
    private String monitoringLinkToPassOn(Shown shown) {
        Application a = shown.application();
        return a.acknowledgement() == Application.Acknowledgement.STAFF_TO_CONTACT && !shown.acknowledged() ? applications.monitoringLink(a) : null;
    }

    private static APIGatewayV2HTTPResponse ok(String html) {
        return WebResponse.html(200, html);
    }
}

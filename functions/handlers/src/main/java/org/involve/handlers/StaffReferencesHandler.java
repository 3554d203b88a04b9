package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.involve.core.application.Application;
import org.involve.core.references.ReferencesDesk;
import org.involve.core.references.ReferencesDesk.Recorded;
import org.involve.core.staff.StaffMember;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.staff.StaffErrors;
import org.involve.handlers.staff.StaffNotFound;
import org.involve.handlers.staff.StaffRequest;
import org.involve.handlers.views.StaffReferencePages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * The staff references pages: roles past closing, each role's applicants from interview on with their references'
 * states, and one applicant, where staff record the interview result (MANAGE_INTERVIEWS) and read the references
 * (MANAGE_REFERENCES). The rules are core's {@link ReferencesDesk}.
 */
public class StaffReferencesHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(StaffReferencesHandler.class);
    private static final Map<String, String> NOTICES = Map.of(
            "requested", "Interview result recorded. We have emailed each referee for a reference.",
            "not-appointed", "Interview result recorded: not successful.",
            "already", "The interview result had already been recorded, so nothing more was done.");
    private final ReferencesDesk desk;

    public StaffReferencesHandler() {
        this(Beans.get(ReferencesDesk.class));
    }

    public StaffReferencesHandler(ReferencesDesk desk) {
        this.desk = desk;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return StaffErrors.guard(event, "staff-references", this::route);
    }

    private APIGatewayV2HTTPResponse route(StaffRequest req) {
        StaffMember who = req.member();
        String roleId = req.web().pathParameter("roleId");
        String reference = req.web().pathParameter("reference");
        String notice = req.web().query("done").map(NOTICES::get).orElse(null);
        try {
            return switch (req.web().routeKey()) {
                case "GET /staff/references" -> WebResponse.html(200, StaffReferencePages.roles(who, desk.roles(who)));
                case "GET /staff/references/{roleId}" -> WebResponse.html(200, StaffReferencePages.role(who, desk.role(who, roleId), notice));
                case "GET /staff/references/{roleId}/{reference}" -> WebResponse.html(200,
                        StaffReferencePages.candidate(who, desk.roleOf(who, roleId), desk.candidate(who, roleId, reference), Map.of(), null, notice));
                case "POST /staff/references/{roleId}/{reference}" -> record(who, roleId, reference, req.web().form());
                default -> throw new StaffNotFound(req.web().routeKey());
            };
        } catch (ReferencesDesk.NotFound e) {
            throw new StaffNotFound("role or application");
        }
    }

    private APIGatewayV2HTTPResponse record(StaffMember who, String roleId, String reference, Map<String, String> posted) {
        Recorded result = desk.recordResult(who, roleId, reference, posted);
        if (result instanceof Recorded.Invalid invalid) {
            return WebResponse.html(400, StaffReferencePages.candidate(who, invalid.role(), invalid.candidate(), invalid.values(), invalid.errors(), null));
        }
        String done = "already";
        if (result instanceof Recorded.Done d) {
            done = d.status() == Application.Status.REFERENCES_REQUESTED ? "requested" : "not-appointed";
        }
        return WebResponse.seeOther(StaffReferencePages.AREA + "/" + roleId + "/" + reference + "?done=" + done);
    }
}

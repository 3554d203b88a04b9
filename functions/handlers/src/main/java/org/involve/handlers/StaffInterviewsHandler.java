package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.involve.core.interviews.Interviews;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.staff.StaffErrors;
import org.involve.handlers.staff.StaffNotFound;
import org.involve.handlers.staff.StaffRequest;
import org.involve.handlers.views.InterviewPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * The staff interview pages: the roles at interview stage, and for one role its times (add, remove), the invitations
 * (sent once), the team's telephone and post bookings, and who has booked. Staff group only (MANAGE_INTERVIEWS); the
 * rules are core's {@link Interviews}; every change is written with its audit entry.
 */
public class StaffInterviewsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(StaffInterviewsHandler.class);
    private static final Map<String, String> NOTICES = Map.of(
            "slot-added", "Interview time added.",
            "slot-removed", "Interview time removed.",
            "sent", "Invitations sent. Emails go out now; tasks for the team are listed below.",
            "booked", "Booking recorded.");
    private final Interviews interviews;

    public StaffInterviewsHandler() {
        this(Beans.get(Interviews.class));
    }

    public StaffInterviewsHandler(Interviews interviews) {
        this.interviews = interviews;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return StaffErrors.guard(event, "staff-interviews", this::route);
    }

    private APIGatewayV2HTTPResponse route(StaffRequest req) {
        StaffMember who = req.require(Permission.MANAGE_INTERVIEWS);
        String roleId = req.web().pathParameter("roleId");
        try {
            return switch (req.web().routeKey()) {
                case "GET /staff/interviews" -> WebResponse.html(200, InterviewPages.list(who, interviews.roles(who)));
                case "GET /staff/interviews/{roleId}" ->
                        board(who, roleId, req.web().query("done").map(NOTICES::get).orElse(null), null, InterviewPages.Forms.NONE, 200);
                case "POST /staff/interviews/{roleId}/slots" -> {
                    Map<String, String> posted = req.web().form();
                    if (interviews.addSlot(who, roleId, posted) instanceof Interviews.Invalid invalid) {
                        yield board(who, roleId, null, null, new InterviewPages.Forms(posted, invalid.errors(), Map.of(), null), 400);
                    }
                    yield done(roleId, "slot-added");
                }
                case "POST /staff/interviews/{roleId}/slots/{slotId}/remove" -> {
                    req.web().form();
                    interviews.removeSlot(who, roleId, req.web().pathParameter("slotId"));
                    yield done(roleId, "slot-removed");
                }
                case "POST /staff/interviews/{roleId}/invitations" -> {
                    req.web().form();
                    Interviews.Sent sent = interviews.sendInvitations(who, roleId);
                    yield done(roleId, "sent");
                }
                case "POST /staff/interviews/{roleId}/bookings" -> {
                    Map<String, String> posted = req.web().form();
                    if (interviews.bookForApplicant(who, roleId, posted) instanceof Interviews.BookingInvalid invalid) {
                        yield board(who, roleId, null, null, new InterviewPages.Forms(InterviewPages.Forms.NONE.slot(), null, posted, invalid.errors()), 400);
                    }
                    yield done(roleId, "booked");
                }
                default -> throw new StaffNotFound(req.web().routeKey());
            };
        } catch (Interviews.NoSuchRole e) {
            throw new StaffNotFound("role");
        } catch (Interviews.Refused e) {
            return board(who, roleId, null, e.getMessage(), InterviewPages.Forms.NONE, 409);
        }
    }

    private APIGatewayV2HTTPResponse board(StaffMember who, String roleId, String notice, String problem, InterviewPages.Forms forms, int status) {
        return WebResponse.html(status, InterviewPages.board(who, interviews.board(who, roleId), notice, problem, forms));
    }

    private static APIGatewayV2HTTPResponse done(String roleId, String notice) {
        return WebResponse.seeOther("/staff/interviews/" + roleId + "?done=" + notice);
    }
}

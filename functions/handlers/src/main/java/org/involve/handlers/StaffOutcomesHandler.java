package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.involve.core.outcomes.Outcomes;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.staff.StaffErrors;
import org.involve.handlers.staff.StaffNotFound;
import org.involve.handlers.staff.StaffRequest;
import org.involve.handlers.views.StaffOutcomePages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outcome pages: applicants of closed roles without an outcome, a role's outcomes, sending the unsuccessful ones
 * (asked for twice) and marking telephone and post tasks done. Staff only (Permission.SEND_OUTCOMES); the rules are
 * core's {@link Outcomes}.
 */
public class StaffOutcomesHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(StaffOutcomesHandler.class);
    private final Outcomes outcomes;

    public StaffOutcomesHandler() {
        this(Beans.get(Outcomes.class));
    }

    public StaffOutcomesHandler(Outcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return StaffErrors.guard(event, "staff-outcomes", this::route);
    }

    private APIGatewayV2HTTPResponse route(StaffRequest req) {
        StaffMember who = req.require(Permission.SEND_OUTCOMES);
        String roleId = req.web().pathParameter("roleId");
        try {
            return switch (req.web().routeKey()) {
                case "GET /staff/outcomes" -> WebResponse.html(200, StaffOutcomePages.withoutOutcome(who, outcomes.withoutOutcome(who)));
                case "GET /staff/outcomes/{roleId}" -> WebResponse.html(200, StaffOutcomePages.role(who, outcomes.forRole(who, roleId), notice(req)));
                case "GET /staff/outcomes/{roleId}/send" -> WebResponse.html(200, StaffOutcomePages.confirmSend(who, outcomes.forRole(who, roleId)));
                case "POST /staff/outcomes/{roleId}/send" -> {
                    req.web().form();
                    Outcomes.Sent sent = outcomes.sendUnsuccessful(who, roleId);
                    yield WebResponse.seeOther("/staff/outcomes/" + roleId + "?emails=" + sent.emails() + "&tasks=" + sent.tasks());
                }
                case "POST /staff/outcomes/{roleId}/tasks/{reference}" -> {
                    req.web().form();
                    outcomes.markTaskDone(who, roleId, req.web().pathParameter("reference"));
                    yield WebResponse.seeOther("/staff/outcomes/" + roleId + "?done=told");
                }
                default -> throw new StaffNotFound(req.web().routeKey());
            };
        } catch (Outcomes.NoSuchRole e) {
            throw new StaffNotFound("role");
        }
    }

    /** Built from numbers and a fixed key only: the query never carries text to show. */
    private static String notice(StaffRequest req) {
        if (req.web().query("done").filter("told"::equals).isPresent()) return "Marked as told. They have heard their outcome.";
        var emails = req.web().query("emails").filter(v -> v.matches("\\d{1,4}"));
        var tasks = req.web().query("tasks").filter(v -> v.matches("\\d{1,4}"));
        if (emails.isEmpty() || tasks.isEmpty()) return null;
        return "Outcomes sent: " + emails.get() + (emails.get().equals("1") ? " email" : " emails") + ", and " + tasks.get()
                + (tasks.get().equals("1") ? " task" : " tasks") + " for staff to telephone or write.";
    }
}

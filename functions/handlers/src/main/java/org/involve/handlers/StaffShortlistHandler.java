package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.involve.core.shortlisting.ShortlistRecording;
import org.involve.core.shortlisting.ShortlistingPanel;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.staff.StaffErrors;
import org.involve.handlers.staff.StaffNotFound;
import org.involve.handlers.staff.StaffRequest;
import org.involve.handlers.views.ShortlistingPages;
import org.involve.handlers.views.StaffPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * Staff's side of shortlisting (Permission.RECORD_SHORTLIST, staff group only): record who is invited to interview,
 * which moves the applications on, and prepare a role's panel papers again. This is the function that may read the
 * applications, to match the panel's anonymous ids back to them; the panel's own function cannot.
 */
public class StaffShortlistHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(StaffShortlistHandler.class);
    private final ShortlistRecording recording;

    public StaffShortlistHandler() {
        this(Beans.get(ShortlistRecording.class));
    }

    public StaffShortlistHandler(ShortlistRecording recording) {
        this.recording = recording;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return StaffErrors.guard(event, "staff-shortlist", this::route);
    }

    private APIGatewayV2HTTPResponse route(StaffRequest req) {
        StaffMember who = req.require(Permission.RECORD_SHORTLIST);
        String roleId = req.web().pathParameter("roleId");
        try {
            return switch (req.web().routeKey()) {
                case "GET /staff/shortlisting/{roleId}/shortlist" -> WebResponse.html(200, ShortlistingPages.shortlist(who, recording.proposal(who, roleId),
                        null, null, req.web().query("done").filter("recorded"::equals).map(d -> "The shortlist is recorded. The team has been e-mailed.").orElse(null)));
                case "POST /staff/shortlisting/{roleId}/shortlist" -> record(who, roleId, req.web().form());
                case "POST /staff/shortlisting/{roleId}/papers" -> {
                    req.web().form();
                    int added = recording.preparePapers(who, roleId);
                    yield WebResponse.seeOther(ShortlistingPages.base(roleId) + "?done=" + (added > 0 ? "papers-added" : "papers-none"));
                }
                default -> throw new StaffNotFound(req.web().routeKey());
            };
        } catch (ShortlistingPanel.NotFound e) {
            throw new StaffNotFound(e.getMessage());
        } catch (ShortlistingPanel.Refused e) {
            return WebResponse.html(409, StaffPages.message(who, "This cannot be done now", e.getMessage()));
        }
    }

    private APIGatewayV2HTTPResponse record(StaffMember who, String roleId, Map<String, String> posted) {
        List<String> invited = posted.entrySet().stream()
                .filter(e -> e.getKey().startsWith(ShortlistingPages.INVITE_PREFIX) && "yes".equals(e.getValue()))
                .map(e -> e.getKey().substring(ShortlistingPages.INVITE_PREFIX.length())).toList();
        ShortlistRecording.Outcome outcome = recording.record(who, roleId, invited, "yes".equals(posted.get(ShortlistingPages.HIGH_VOLUME)),
                posted.getOrDefault(ShortlistingPages.HIGH_VOLUME_REASON, ""));
        if (outcome instanceof ShortlistRecording.Outcome.Refused refused) {
            return WebResponse.html(400, ShortlistingPages.shortlist(who, recording.proposal(who, roleId), posted, refused.reasons(), null));
        }
        return WebResponse.seeOther(ShortlistingPages.base(roleId) + "/shortlist?done=recorded");
    }
}

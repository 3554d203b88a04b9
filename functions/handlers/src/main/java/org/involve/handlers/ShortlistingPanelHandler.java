package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.involve.core.shortlisting.ShortlistingPanel;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.staff.StaffErrors;
import org.involve.handlers.staff.StaffNotFound;
import org.involve.handlers.staff.StaffRequest;
import org.involve.handlers.views.ShortlistingPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * The panel's pages (staff and panel, Permission.SCORE_APPLICATIONS): the roles being shortlisted, a role's anonymised
 * applicants with how far the signed-in person has scored, one applicant's answers to score, and everyone's scores.
 * This function reads only the ShortlistingTable and the roles: it has no access to applications, so it cannot show a
 * name, contact detail or monitoring answer even by mistake.
 */
public class ShortlistingPanelHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(ShortlistingPanelHandler.class);
    /** What a finished action says on the page it leads to; the query carries only the key. */
    private static final Map<String, String> NOTICES = Map.of(
            "scored-all", "Your scores are saved. You have scored every applicant for this role: thank you.",
            "papers-added", "Papers prepared: the applications added can now be scored by the panel.",
            "papers-none", "Every application already had its papers, so nothing was added.");
    private final ShortlistingPanel panel;

    public ShortlistingPanelHandler() {
        this(Beans.get(ShortlistingPanel.class));
    }

    public ShortlistingPanelHandler(ShortlistingPanel panel) {
        this.panel = panel;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return StaffErrors.guard(event, "shortlisting-panel", this::route);
    }

    private APIGatewayV2HTTPResponse route(StaffRequest req) {
        StaffMember who = req.require(Permission.SCORE_APPLICATIONS);
        String roleId = req.web().pathParameter("roleId");
        String applicantId = req.web().pathParameter("applicantId");
        try {
            return switch (req.web().routeKey()) {
                case "GET /staff/shortlisting" -> WebResponse.html(200, ShortlistingPages.roles(who, panel.roles(who)));
                case "GET /staff/shortlisting/{roleId}" -> WebResponse.html(200, ShortlistingPages.papers(who, panel.papers(who, roleId), panel.scale(),
                        req.web().query("done").map(NOTICES::get).orElse(null), null));
                case "GET /staff/shortlisting/{roleId}/applicants/{applicantId}" ->
                        WebResponse.html(200, ShortlistingPages.sheet(who, panel.sheet(who, roleId, applicantId), panel.scale(), null, null));
                case "POST /staff/shortlisting/{roleId}/applicants/{applicantId}" -> save(who, roleId, applicantId, req.web().form());
                case "GET /staff/shortlisting/{roleId}/results" ->
                        WebResponse.html(200, ShortlistingPages.results(who, panel.results(who, roleId), panel.scale()));
                default -> throw new StaffNotFound(req.web().routeKey());
            };
        } catch (ShortlistingPanel.NotFound e) {
            throw new StaffNotFound(e.getMessage());
        } catch (ShortlistingPanel.Refused e) {
            return WebResponse.html(409, ShortlistingPages.papers(who, panel.papers(who, roleId), panel.scale(), null, e.getMessage()));
        }
    }

    private APIGatewayV2HTTPResponse save(StaffMember who, String roleId, String applicantId, Map<String, String> posted) {
        ShortlistingPanel.Saved saved = panel.save(who, roleId, applicantId, posted);
        if (saved instanceof ShortlistingPanel.Saved.Invalid invalid) {
            return WebResponse.html(400, ShortlistingPages.sheet(who, panel.sheet(who, roleId, applicantId), panel.scale(), invalid.posted(), invalid.errors()));
        }
        ShortlistingPanel.Saved.Done done = (ShortlistingPanel.Saved.Done) saved;
        String base = ShortlistingPages.base(roleId);
        return WebResponse.seeOther(done.next().map(next -> base + "/applicants/" + next).orElse(base + "?done=scored-all"));
    }
}

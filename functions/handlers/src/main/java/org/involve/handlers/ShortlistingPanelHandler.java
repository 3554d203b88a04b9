package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import org.involve.core.kit.Refused;
import org.involve.core.paths.StaffPaths;
import org.involve.core.shortlisting.PanelScoring;
import org.involve.core.shortlisting.ShortlistingPanel;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;
import org.involve.handlers.http.Routes;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.staff.Notices;
import org.involve.handlers.staff.StaffHandler;
import org.involve.handlers.staff.StaffRequest;
import org.involve.handlers.views.ShortlistingPages;

/**
 * The panel's pages (staff and panel, Permission.SCORE_APPLICATIONS; a role's papers only for its own panel): the roles
 * being shortlisted, a role's anonymised applicants with how far the signed-in person has scored, one applicant's answers
 * to score (or to declare a conflict of interest with), and everyone's scores. This function reads only the
 * ShortlistingTable and the roles: it has no access to applications, so it cannot show a name, contact detail or
 * monitoring answer even by mistake; it may append to the audit trail (a declared conflict), never read it.
 */
public class ShortlistingPanelHandler extends StaffHandler<ShortlistingPanelHandler> {
    static final Routes<ShortlistingPanelHandler, StaffRequest> ROUTES =
            Routes.<ShortlistingPanelHandler, StaffRequest>table()
                    .get(StaffPaths.SHORTLISTING, ShortlistingPanelHandler::roles)
                    .get(StaffPaths.SHORTLISTING_ROLE, ShortlistingPanelHandler::papers)
                    .get(StaffPaths.SHORTLISTING_APPLICANT, ShortlistingPanelHandler::sheet)
                    .post(StaffPaths.SHORTLISTING_APPLICANT, ShortlistingPanelHandler::save)
                    .post(StaffPaths.SHORTLISTING_CONFLICT, ShortlistingPanelHandler::declare)
                    .get(StaffPaths.SHORTLISTING_RESULTS, ShortlistingPanelHandler::results);

    /** The notices of the role's papers page, where the panel's and staff's shortlisting actions lead. */
    static final Notices NOTICES =
            Notices.of(
                    "shortlisting",
                    "scored-all",
                    "papers-added",
                    "papers-none",
                    "conflict-declared");

    private final ShortlistingPanel panel;
    private final PanelScoring scoring;

    public ShortlistingPanelHandler() {
        this(Beans.get(ShortlistingPanel.class), Beans.get(PanelScoring.class));
        Priming.register("StaffShortlistingFunction", this::prime);
    }

    public ShortlistingPanelHandler(ShortlistingPanel panel, PanelScoring scoring) {
        super("shortlisting-panel", Permission.SCORE_APPLICATIONS, ROUTES);
        this.panel = panel;
        this.scoring = scoring;
    }

    private APIGatewayV2HTTPResponse roles(StaffRequest req) {
        return WebResponse.html(
                200, ShortlistingPages.roles(req.member(), panel.roles(req.member())));
    }

    private APIGatewayV2HTTPResponse papers(StaffRequest req) {
        return WebResponse.html(
                200,
                ShortlistingPages.papers(
                        req.member(),
                        panel.papers(req.member(), roleId(req)),
                        panel.scale(),
                        NOTICES.on(req).orElse(null),
                        null));
    }

    private APIGatewayV2HTTPResponse sheet(StaffRequest req) {
        return WebResponse.html(
                200,
                ShortlistingPages.sheet(
                        req.member(),
                        panel.sheet(req.member(), roleId(req), applicantId(req)),
                        panel.scale(),
                        null,
                        null));
    }

    private APIGatewayV2HTTPResponse results(StaffRequest req) {
        return WebResponse.html(
                200,
                ShortlistingPages.results(
                        req.member(), panel.results(req.member(), roleId(req)), panel.scale()));
    }

    private APIGatewayV2HTTPResponse save(StaffRequest req) {
        Map<String, String> posted = req.web().form();
        StaffMember who = req.member();
        String roleId = roleId(req), applicantId = applicantId(req);
        PanelScoring.Saved saved = scoring.save(who, roleId, applicantId, posted);
        if (saved instanceof PanelScoring.Saved.Invalid invalid) {
            return WebResponse.html(
                    400,
                    ShortlistingPages.sheet(
                            who,
                            panel.sheet(who, roleId, applicantId),
                            panel.scale(),
                            invalid.posted(),
                            invalid.errors()));
        }
        PanelScoring.Saved.Done done = (PanelScoring.Saved.Done) saved;
        return WebResponse.seeOther(
                done.next()
                        .map(next -> StaffPaths.SHORTLISTING_APPLICANT.fill(roleId, next))
                        .orElse(
                                NOTICES.after(
                                        StaffPaths.SHORTLISTING_ROLE.fill(roleId), "scored-all")));
    }

    /** A conflict declared: back to the role's applicants (or on to the next to score), saying so. */
    private APIGatewayV2HTTPResponse declare(StaffRequest req) {
        Map<String, String> posted = req.web().form();
        StaffMember who = req.member();
        String roleId = roleId(req), applicantId = applicantId(req);
        PanelScoring.Saved saved = scoring.declareConflict(who, roleId, applicantId, posted);
        if (saved instanceof PanelScoring.Saved.Invalid invalid) {
            return WebResponse.html(
                    400,
                    ShortlistingPages.sheet(
                            who,
                            panel.sheet(who, roleId, applicantId),
                            panel.scale(),
                            invalid.posted(),
                            invalid.errors()));
        }
        return WebResponse.seeOther(
                NOTICES.after(StaffPaths.SHORTLISTING_ROLE.fill(roleId), "conflict-declared"));
    }

    /** A refused action shows the role's papers with the reason. */
    @Override
    protected APIGatewayV2HTTPResponse refused(StaffRequest req, Refused refusal) {
        StaffMember who = req.member();
        return WebResponse.html(
                409,
                ShortlistingPages.papers(
                        who,
                        panel.papers(who, roleId(req)),
                        panel.scale(),
                        null,
                        refusal.getMessage()));
    }

    private static String roleId(StaffRequest req) {
        return req.web().pathParameter("roleId");
    }

    private static String applicantId(StaffRequest req) {
        return req.web().pathParameter("applicantId");
    }
}

package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import org.involve.core.kit.Version;
import org.involve.core.paths.StaffPaths;
import org.involve.core.shortlisting.ShortlistDecision;
import org.involve.core.shortlisting.ShortlistRecording;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;
import org.involve.handlers.http.Routes;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.staff.Notices;
import org.involve.handlers.staff.StaffHandler;
import org.involve.handlers.staff.StaffRequest;
import org.involve.handlers.views.ShortlistingPages;

/**
 * Staff's side of shortlisting (Permission.RECORD_SHORTLIST, staff group only): record who is invited to interview,
 * which moves the applications on, and prepare a role's panel papers again. This is the function that may read the
 * applications, to match the panel's anonymous ids back to them; the panel's own function cannot.
 */
public class StaffShortlistHandler extends StaffHandler<StaffShortlistHandler> {
    static final Routes<StaffShortlistHandler, StaffRequest> ROUTES =
            Routes.<StaffShortlistHandler, StaffRequest>table()
                    .get(StaffPaths.SHORTLIST, StaffShortlistHandler::proposal)
                    .post(StaffPaths.SHORTLIST, StaffShortlistHandler::record)
                    .post(StaffPaths.SHORTLISTING_PAPERS, StaffShortlistHandler::preparePapers);
    private static final Notices NOTICES =
            Notices.of("shortlisting", "recorded", "papers-added", "papers-none");
    private final ShortlistRecording recording;

    public StaffShortlistHandler() {
        this(Beans.get(ShortlistRecording.class));
        Priming.register("StaffShortlistFunction", this::prime);
    }

    public StaffShortlistHandler(ShortlistRecording recording) {
        super("staff-shortlist", Permission.RECORD_SHORTLIST, ROUTES);
        this.recording = recording;
    }

    private APIGatewayV2HTTPResponse proposal(StaffRequest req) {
        return WebResponse.html(
                200,
                ShortlistingPages.shortlist(
                        req.member(),
                        recording.proposal(req.member(), roleId(req)),
                        null,
                        null,
                        NOTICES.on(req).orElse(null)));
    }

    private APIGatewayV2HTTPResponse record(StaffRequest req) {
        Map<String, String> posted = req.web().form();
        StaffMember who = req.member();
        List<String> invited =
                posted.entrySet().stream()
                        .filter(
                                e ->
                                        e.getKey().startsWith(ShortlistingPages.INVITE_PREFIX)
                                                && "yes".equals(e.getValue()))
                        .map(e -> e.getKey().substring(ShortlistingPages.INVITE_PREFIX.length()))
                        .toList();
        ShortlistRecording.Outcome outcome;
        try {
            outcome =
                    recording.record(
                            who,
                            roleId(req),
                            invited,
                            "yes".equals(posted.get(ShortlistingPages.HIGH_VOLUME)),
                            posted.getOrDefault(ShortlistingPages.HIGH_VOLUME_REASON, ""),
                            posted.get(Version.FIELD));
        } catch (ShortlistRecording.ScoresChangedMeanwhile changed) {
            // The scores changed after the page was read: nothing recorded. The page with the
            // scores as they are now, and the choices made still ticked.
            return WebResponse.html(
                    409,
                    ShortlistingPages.shortlist(
                            who,
                            recording.proposal(who, roleId(req)),
                            posted,
                            List.of(
                                    ShortlistDecision.Reason.of(
                                            ShortlistDecision.About.CHOICE, changed.getMessage())),
                            null));
        }
        if (outcome instanceof ShortlistRecording.Outcome.Refused refused) {
            return WebResponse.html(
                    400,
                    ShortlistingPages.shortlist(
                            who,
                            recording.proposal(who, roleId(req)),
                            posted,
                            refused.problems(),
                            null));
        }
        return WebResponse.seeOther(
                NOTICES.after(StaffPaths.SHORTLIST.fill(roleId(req)), "recorded"));
    }

    /** Leads back to the shortlist page (staff may not be on the panel, so may not see its papers), saying what happened. */
    private APIGatewayV2HTTPResponse preparePapers(StaffRequest req) {
        req.web().form();
        int added = recording.preparePapers(req.member(), roleId(req));
        return WebResponse.seeOther(
                NOTICES.after(
                        StaffPaths.SHORTLIST.fill(roleId(req)),
                        added > 0 ? "papers-added" : "papers-none"));
    }

    private static String roleId(StaffRequest req) {
        return req.web().pathParameter("roleId");
    }
}

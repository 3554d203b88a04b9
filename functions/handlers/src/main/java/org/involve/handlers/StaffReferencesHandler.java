package org.involve.handlers;

import static org.involve.handlers.views.StaffReferencePages.RefereeStep.REPLACE;
import static org.involve.handlers.views.StaffReferencePages.RefereeStep.TELEPHONE;
import static org.involve.handlers.views.StaffReferencePages.RefereeStep.UNSATISFACTORY;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.kit.Version;
import org.involve.core.paths.StaffPaths;
import org.involve.core.references.ReferencesDesk;
import org.involve.core.references.ReferencesDesk.Recorded;
import org.involve.core.staff.StaffMember;
import org.involve.handlers.http.Routes;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.staff.Notices;
import org.involve.handlers.staff.StaffHandler;
import org.involve.handlers.staff.StaffRequest;
import org.involve.handlers.views.StaffReferencePages;
import org.involve.handlers.views.StaffReferencePages.RefereeStep;

/**
 * The staff references pages: roles past closing, each role's applicants from interview on with their references'
 * states, and one applicant, where staff record the interview result (MANAGE_INTERVIEWS) and read the references
 * (MANAGE_REFERENCES), each checked by core's {@link ReferencesDesk}, which holds the rules.
 */
public class StaffReferencesHandler extends StaffHandler<StaffReferencesHandler> {
    static final Routes<StaffReferencesHandler, StaffRequest> ROUTES =
            Routes.<StaffReferencesHandler, StaffRequest>table()
                    .get(StaffPaths.REFERENCES, StaffReferencesHandler::roles)
                    .get(StaffPaths.REFERENCES_ROLE, StaffReferencesHandler::role)
                    .get(StaffPaths.REFERENCE_CANDIDATE, StaffReferencesHandler::candidate)
                    .post(StaffPaths.REFERENCE_CANDIDATE, StaffReferencesHandler::record)
                    .post(StaffPaths.REFERENCE_OFFER, StaffReferencesHandler::offer)
                    .get(REPLACE.path(), (h, req) -> h.refereeForm(req, REPLACE))
                    .post(REPLACE.path(), (h, req) -> h.refereeStep(req, REPLACE))
                    .get(TELEPHONE.path(), (h, req) -> h.refereeForm(req, TELEPHONE))
                    .post(TELEPHONE.path(), (h, req) -> h.refereeStep(req, TELEPHONE))
                    .get(UNSATISFACTORY.path(), (h, req) -> h.refereeForm(req, UNSATISFACTORY))
                    .post(UNSATISFACTORY.path(), (h, req) -> h.refereeStep(req, UNSATISFACTORY));
    private static final Notices NOTICES =
            Notices.of(
                    "references",
                    "requested",
                    "not-appointed",
                    "already",
                    "reserve",
                    "offered",
                    "replaced",
                    "unsatisfactory",
                    "telephone",
                    "changed");
    private final ReferencesDesk desk;

    public StaffReferencesHandler() {
        this(Beans.get(ReferencesDesk.class));
        Priming.register("StaffReferencesFunction", this::prime);
    }

    public StaffReferencesHandler(ReferencesDesk desk) {
        super("staff-references", ROUTES);
        this.desk = desk;
    }

    private APIGatewayV2HTTPResponse roles(StaffRequest req) {
        return WebResponse.html(
                200, StaffReferencePages.roles(req.member(), desk.roles(req.member())));
    }

    private APIGatewayV2HTTPResponse role(StaffRequest req) {
        return WebResponse.html(
                200,
                StaffReferencePages.role(
                        req.member(),
                        desk.role(req.member(), roleId(req)),
                        NOTICES.on(req).orElse(null)));
    }

    private APIGatewayV2HTTPResponse candidate(StaffRequest req) {
        StaffMember who = req.member();
        return WebResponse.html(
                200,
                StaffReferencePages.candidate(
                        who,
                        desk.roleOf(who, roleId(req)),
                        desk.candidate(who, roleId(req), reference(req)),
                        Map.of(),
                        null,
                        NOTICES.on(req).orElse(null)));
    }

    private APIGatewayV2HTTPResponse record(StaffRequest req) {
        Map<String, String> posted = req.web().form();
        Recorded result;
        try {
            result = desk.recordResult(req.member(), roleId(req), reference(req), posted);
        } catch (Application.ChangedMeanwhile changed) {
            // Someone else changed the application after this form was read: nothing was saved.
            // The page as it is now, with what this person chose still filled in if the form is.
            StaffMember who = req.member();
            return WebResponse.html(
                    409,
                    StaffReferencePages.candidate(
                            who,
                            desk.roleOf(who, roleId(req)),
                            desk.candidate(who, roleId(req), reference(req)),
                            posted,
                            null,
                            null,
                            changed.getMessage()));
        }
        if (result instanceof Recorded.Invalid invalid) {
            return WebResponse.html(
                    400,
                    StaffReferencePages.candidate(
                            req.member(),
                            invalid.role(),
                            invalid.candidate(),
                            invalid.values(),
                            invalid.errors(),
                            null));
        }
        String done = "already";
        if (result instanceof Recorded.Done d) {
            done =
                    switch (d.status()) {
                        case REFERENCES_REQUESTED -> "requested";
                        case RESERVE -> "reserve";
                        default -> "not-appointed";
                    };
        }
        return backToCandidate(req, done);
    }

    private APIGatewayV2HTTPResponse offer(StaffRequest req) {
        Map<String, String> posted = req.web().form();
        Recorded result;
        try {
            result =
                    desk.offerPlace(
                            req.member(), roleId(req), reference(req), posted.get(Version.FIELD));
        } catch (Application.ChangedMeanwhile changed) {
            return changedMeanwhile(req, changed);
        }
        if (result instanceof Recorded.Invalid invalid) return candidateAgain(req, invalid);
        return backToCandidate(req, result instanceof Recorded.Done ? "offered" : "changed");
    }

    private APIGatewayV2HTTPResponse refereeForm(StaffRequest req, RefereeStep step) {
        StaffMember who = req.member();
        return WebResponse.html(
                200,
                StaffReferencePages.refereeStep(
                        who,
                        desk.roleOf(who, roleId(req)),
                        desk.candidate(who, roleId(req), reference(req)),
                        number(req),
                        step,
                        Map.of(),
                        null,
                        null));
    }

    private APIGatewayV2HTTPResponse refereeStep(StaffRequest req, RefereeStep step) {
        StaffMember who = req.member();
        Map<String, String> posted = req.web().form();
        Recorded result;
        try {
            result =
                    switch (step) {
                        case REPLACE ->
                                desk.replaceReferee(
                                        who, roleId(req), reference(req), number(req), posted);
                        case TELEPHONE ->
                                desk.recordByTelephone(
                                        who, roleId(req), reference(req), number(req), posted);
                        case UNSATISFACTORY ->
                                desk.markUnsatisfactory(
                                        who, roleId(req), reference(req), number(req), posted);
                    };
        } catch (Application.ChangedMeanwhile changed) {
            // Someone else changed the application after this form was read: nothing was saved.
            // The same page drawn from the application as it is now, keeping what was entered.
            return WebResponse.html(
                    409,
                    StaffReferencePages.refereeStep(
                            who,
                            desk.roleOf(who, roleId(req)),
                            desk.candidate(who, roleId(req), reference(req)),
                            number(req),
                            step,
                            posted,
                            null,
                            changed.getMessage()));
        }
        if (result instanceof Recorded.Invalid invalid)
            return WebResponse.html(
                    400,
                    StaffReferencePages.refereeStep(
                            who,
                            invalid.role(),
                            invalid.candidate(),
                            number(req),
                            step,
                            invalid.values(),
                            invalid.errors(),
                            null));
        if (!(result instanceof Recorded.Done)) return backToCandidate(req, "changed");
        return backToCandidate(
                req,
                switch (step) {
                    case REPLACE -> "replaced";
                    case TELEPHONE -> "telephone";
                    case UNSATISFACTORY -> "unsatisfactory";
                });
    }

    /**
     * Someone else changed the application after the applicant's page was read: nothing was saved, and the page comes
     * back (409) as it is now with the reason at the top.
     */
    private APIGatewayV2HTTPResponse changedMeanwhile(
            StaffRequest req, Application.ChangedMeanwhile changed) {
        StaffMember who = req.member();
        return WebResponse.html(
                409,
                StaffReferencePages.candidate(
                        who,
                        desk.roleOf(who, roleId(req)),
                        desk.candidate(who, roleId(req), reference(req)),
                        Map.of(),
                        null,
                        null,
                        changed.getMessage()));
    }

    private APIGatewayV2HTTPResponse candidateAgain(StaffRequest req, Recorded.Invalid invalid) {
        return WebResponse.html(
                400,
                StaffReferencePages.candidate(
                        req.member(),
                        invalid.role(),
                        invalid.candidate(),
                        invalid.values(),
                        invalid.errors(),
                        null));
    }

    private static APIGatewayV2HTTPResponse backToCandidate(StaffRequest req, String notice) {
        return WebResponse.seeOther(
                NOTICES.after(
                        StaffPaths.REFERENCE_CANDIDATE.fill(roleId(req), reference(req)), notice));
    }

    /** The referee's number in the path: 1 to 9, else there is no such page. */
    private static int number(StaffRequest req) {
        String n = req.web().pathParameter("number");
        if (n == null || !n.matches("[1-9]")) throw new ReferencesDesk.NotFound();
        return Integer.parseInt(n);
    }

    private static String roleId(StaffRequest req) {
        return req.web().pathParameter("roleId");
    }

    private static String reference(StaffRequest req) {
        return req.web().pathParameter("reference");
    }
}

package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Refused;
import org.involve.core.kit.Version;
import org.involve.core.kit.Words;
import org.involve.core.paths.StaffPaths;
import org.involve.core.payments.ClaimDesk;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;
import org.involve.handlers.http.Routes;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.staff.Notices;
import org.involve.handlers.staff.StaffHandler;
import org.involve.handlers.staff.StaffRequest;
import org.involve.handlers.views.StaffClaimPages;

/**
 * Claims waiting for a decision, each with the payment it makes and the guideline's warnings, and approving or
 * rejecting one (with a reason) on the version staff read. Staff with Permission.APPROVE_CLAIMS only; the rules are
 * core's {@link ClaimDesk} (the partner is told either way; an approval goes to the payments queue).
 */
public class StaffClaimsHandler extends StaffHandler<StaffClaimsHandler> {
    static final Routes<StaffClaimsHandler, StaffRequest> ROUTES =
            Routes.<StaffClaimsHandler, StaffRequest>table()
                    .get(StaffPaths.CLAIMS, StaffClaimsHandler::waiting)
                    .get(StaffPaths.CLAIM, StaffClaimsHandler::claim)
                    .post(StaffPaths.CLAIM_APPROVE, StaffClaimsHandler::approve)
                    .post(StaffPaths.CLAIM_REJECT, StaffClaimsHandler::reject);
    private static final Notices NOTICES = Notices.of("payments", "approved", "rejected");
    private static final Words WORDS = Words.of("payments");
    private final ClaimDesk desk;

    public StaffClaimsHandler() {
        this(Beans.get(ClaimDesk.class));
    }

    public StaffClaimsHandler(ClaimDesk desk) {
        super("staff-claims", Permission.APPROVE_CLAIMS, ROUTES);
        this.desk = desk;
    }

    private APIGatewayV2HTTPResponse waiting(StaffRequest req) {
        StaffMember who = req.member();
        List<ClaimDesk.Waiting> waiting =
                desk.waiting(who).stream().map(c -> desk.review(who, c.id())).toList();
        return WebResponse.html(
                200, StaffClaimPages.waiting(who, waiting, NOTICES.on(req).orElse(null)));
    }

    private APIGatewayV2HTTPResponse claim(StaffRequest req) {
        return WebResponse.html(
                200,
                StaffClaimPages.claim(
                        req.member(),
                        desk.review(req.member(), claimId(req)),
                        Map.of(),
                        null,
                        null));
    }

    private APIGatewayV2HTTPResponse approve(StaffRequest req) {
        Map<String, String> posted = req.web().form();
        try {
            desk.approve(req.member(), claimId(req), version(posted));
        } catch (Refused r) {
            return again(req, posted, null, r.getMessage());
        }
        return WebResponse.seeOther(NOTICES.after(StaffPaths.CLAIMS.fill(), "approved"));
    }

    private APIGatewayV2HTTPResponse reject(StaffRequest req) {
        Map<String, String> posted = req.web().form();
        String reason = posted.getOrDefault(StaffClaimPages.REASON, "");
        if (reason.isBlank())
            return again(
                    req,
                    posted,
                    FieldErrors.of(StaffClaimPages.REASON, WORDS.get("error.rejectReason")),
                    null);
        try {
            desk.reject(req.member(), claimId(req), version(posted), reason);
        } catch (Refused r) {
            return again(req, posted, null, r.getMessage());
        }
        return WebResponse.seeOther(NOTICES.after(StaffPaths.CLAIMS.fill(), "rejected"));
    }

    /** The claim as it is now, with what was entered: 400 for a missing reason, 409 when it cannot be decided now. */
    private APIGatewayV2HTTPResponse again(
            StaffRequest req, Map<String, String> posted, FieldErrors errors, String problem) {
        return WebResponse.html(
                errors != null ? 400 : 409,
                StaffClaimPages.claim(
                        req.member(),
                        desk.review(req.member(), claimId(req)),
                        posted,
                        errors,
                        problem));
    }

    /** The version the form was read at; a form without one is never current (the claim's page again, 409). */
    private static long version(Map<String, String> posted) {
        try {
            return Long.parseLong(posted.getOrDefault(Version.FIELD, "").strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String claimId(StaffRequest req) {
        return req.web().pathParameter("claimId");
    }
}

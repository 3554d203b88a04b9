package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.NotFound;
import org.involve.core.kit.Paging;
import org.involve.core.kit.Read;
import org.involve.core.kit.Refused;
import org.involve.core.kit.Version;
import org.involve.core.kit.Words;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerRecords;
import org.involve.core.paths.StaffPaths;
import org.involve.core.payments.ClaimDesk;
import org.involve.core.payments.ClaimMaking;
import org.involve.core.payments.Receipts;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;
import org.involve.handlers.http.Routes;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.staff.Notices;
import org.involve.handlers.staff.StaffHandler;
import org.involve.handlers.staff.StaffRequest;
import org.involve.handlers.views.ClaimPages;
import org.involve.handlers.views.StaffClaimPages;
import org.involve.handlers.views.StaffLayout;

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
                    .post(StaffPaths.CLAIM_REJECT, StaffClaimsHandler::reject)
                    .get(StaffPaths.CLAIM_FOR, StaffClaimsHandler::claimForm)
                    .post(StaffPaths.CLAIM_FOR, StaffClaimsHandler::claimFor);
    private static final Notices NOTICES = Notices.of("payments", "approved", "rejected");
    private static final Words WORDS = Words.of("payments");
    private static final List<String> CLAIM_NOTICES =
            List.of("lineAdded", "lineRemoved", "claimSent");
    private final ClaimDesk desk;
    private final ClaimMaking making;
    private final PartnerRecords partners;
    private final RoleReader roles;
    private final Receipts receipts;

    public StaffClaimsHandler() {
        this(
                Beans.get(ClaimDesk.class),
                Beans.get(ClaimMaking.class).withoutReceipts(),
                Beans.get(PartnerRecords.class),
                Beans.get(RoleReader.class),
                Beans.get(Receipts.class));
        Priming.register("StaffClaimsFunction", this::prime);
    }

    /** Without receipts (tests of the other pages). */
    public StaffClaimsHandler(
            ClaimDesk desk, ClaimMaking making, PartnerRecords partners, RoleReader roles) {
        this(desk, making, partners, roles, null);
    }

    /** {@code receipts} may be null: no receipt links are shown. */
    public StaffClaimsHandler(
            ClaimDesk desk,
            ClaimMaking making,
            PartnerRecords partners,
            RoleReader roles,
            Receipts receipts) {
        super("staff-claims", Permission.APPROVE_CLAIMS, ROUTES);
        this.desk = desk;
        this.making = making;
        this.partners = partners;
        this.roles = roles;
        this.receipts = receipts;
    }

    /** A short-lived link to each receipt of the claim, by its key (links are made only for staff deciding it). */
    private Map<String, String> receiptLinks(ClaimDesk.Waiting w) {
        Map<String, String> links = new java.util.HashMap<>();
        if (receipts != null)
            for (String key : w.claim().receiptKeys()) links.put(key, receipts.viewLink(key));
        return links;
    }

    private String page(
            StaffRequest req, Map<String, String> posted, FieldErrors errors, String problem) {
        ClaimDesk.Waiting w = desk.review(req.member(), claimId(req));
        return StaffClaimPages.claim(
                req.member(), w, receiptLinks(w), posted, errors, problem, from(req, posted));
    }

    /** The page of the waiting list the query asks for (the first when its cursor is not one of the list's). */
    private static Paging.Asked asked(String after, String before) {
        return Paging.asked(after, before, ClaimDesk::isKey);
    }

    /**
     * The page of the waiting list a claim was opened from: the form's cursor on a decision, the query's when it is
     * shown; the first page when there is none or it is not one of the list's.
     */
    private static Paging.Cursor from(StaffRequest req, Map<String, String> posted) {
        Paging.Asked a =
                posted.isEmpty()
                        ? asked(
                                req.web().query(Paging.AFTER).orElse(null),
                                req.web().query(Paging.BEFORE).orElse(null))
                        : asked(posted.get(Paging.AFTER), posted.get(Paging.BEFORE));
        return a.cursor();
    }

    /** Back to the page of the list the claim was opened from, with the notice of what was done. */
    private static String backTo(Paging.Cursor from, String notice) {
        String to = NOTICES.after(StaffPaths.CLAIMS.fill(), notice);
        return from.isFirst() ? to : to + "&" + from.query();
    }

    /** A page of the claims waiting, oldest first, from the query's cursor. */
    private APIGatewayV2HTTPResponse waiting(StaffRequest req) {
        StaffMember who = req.member();
        Paging.Asked asked =
                asked(
                        req.web().query(Paging.AFTER).orElse(null),
                        req.web().query(Paging.BEFORE).orElse(null));
        Paging.Page<ClaimDesk.Waiting> page = desk.waiting(who, asked);
        Paging.Cursor here = page.startedOver() ? Paging.Cursor.first() : asked.cursor();
        return WebResponse.html(
                200, StaffClaimPages.waiting(who, page, here, NOTICES.on(req).orElse(null)));
    }

    private APIGatewayV2HTTPResponse claim(StaffRequest req) {
        return WebResponse.html(200, page(req, Map.of(), null, null));
    }

    private APIGatewayV2HTTPResponse approve(StaffRequest req) {
        Map<String, String> posted = req.web().form();
        try {
            desk.approve(req.member(), claimId(req), version(posted));
        } catch (Refused r) {
            return again(req, posted, null, r.getMessage());
        }
        return WebResponse.seeOther(backTo(from(req, posted), "approved"));
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
        return WebResponse.seeOther(backTo(from(req, posted), "rejected"));
    }

    /** The claim as it is now, with what was entered: 400 for a missing reason, 409 when it cannot be decided now. */
    private APIGatewayV2HTTPResponse again(
            StaffRequest req, Map<String, String> posted, FieldErrors errors, String problem) {
        return WebResponse.html(errors != null ? 400 : 409, page(req, posted, errors, problem));
    }

    /** A claim staff make for a partner who chose telephone or post: the claim page, or one line's form. */
    private APIGatewayV2HTTPResponse claimForm(StaffRequest req) {
        Partner p = partner(req);
        String step = req.web().pathParameter("step");
        if (ClaimMaking.OVERVIEW.equals(step)) {
            String notice =
                    req.web()
                            .query("done")
                            .filter(CLAIM_NOTICES::contains)
                            .map(k -> WORDS.get("notice." + k))
                            .orElse(null);
            return WebResponse.html(200, ClaimPages.overview(overview(req, p, notice, null)));
        }
        if (!LINES.contains(step)) throw new NotFound("step");
        return WebResponse.html(200, ClaimPages.line(lineForm(req, p, step, Map.of(), null)));
    }

    private APIGatewayV2HTTPResponse claimFor(StaffRequest req) {
        Partner p = partner(req);
        String step = req.web().pathParameter("step");
        String who = req.member().id();
        Map<String, String> posted = req.web().form();
        ClaimMaking.Result result;
        if (LINES.contains(step)) result = making.add(p, step, posted, who);
        else if (ClaimMaking.REMOVE.equals(step))
            result = making.remove(p, posted.get("line"), who);
        else if (ClaimMaking.SEND.equals(step)) result = making.submit(p, who);
        else throw new NotFound("step");
        if (result instanceof ClaimMaking.Result.Saved saved)
            return WebResponse.seeOther(
                    StaffPaths.CLAIM_FOR.fill(p.id(), ClaimMaking.OVERVIEW)
                            + "?done="
                            + saved.notice());
        if (result instanceof ClaimMaking.Result.Invalid invalid)
            return WebResponse.html(
                    400, ClaimPages.line(lineForm(req, p, step, posted, invalid.errors())));
        return WebResponse.html(
                409,
                ClaimPages.overview(
                        overview(req, p, null, ((ClaimMaking.Result.Refused) result).reason())));
    }

    private static final List<String> LINES =
            List.of(ClaimMaking.COST, ClaimMaking.JOURNEY, ClaimMaking.TIME);

    private Partner partner(StaffRequest req) {
        return partners.partner(req.web().pathParameter("appointmentId"))
                .flatMap(PartnerRecords.Stored::partner)
                .orElseThrow(() -> new NotFound("partner"));
    }

    private Role role(Partner p) {
        return roles.find(p.appointment().roleId(), Read.EVENTUAL)
                .orElseThrow(() -> new NotFound("role"));
    }

    private ClaimPages.Overview overview(
            StaffRequest req, Partner p, String notice, String problem) {
        String base = StaffPaths.CLAIM_FOR.fill(p.id(), ClaimMaking.OVERVIEW);
        return new ClaimPages.Overview(
                StaffLayout.chrome(req.member(), StaffClaimPages.AREA, false),
                base.substring(0, base.length() - ClaimMaking.OVERVIEW.length() - 1),
                StaffPaths.PARTNER_CANDIDATE.fill(
                        p.appointment().roleId(), p.appointment().applicationReference()),
                role(p),
                making.draft(p).orElse(null),
                notice,
                problem,
                WORDS.format("page.staffClaimFor.actingFor", "name", p.involvement().name()));
    }

    private ClaimPages.LineForm lineForm(
            StaffRequest req,
            Partner p,
            String step,
            Map<String, String> values,
            FieldErrors errors) {
        return new ClaimPages.LineForm(
                StaffLayout.chrome(req.member(), StaffClaimPages.AREA, false),
                step,
                StaffPaths.CLAIM_FOR.fill(p.id(), step),
                StaffPaths.CLAIM_FOR.fill(p.id(), ClaimMaking.OVERVIEW),
                role(p),
                values,
                errors,
                null,
                WORDS.format("page.staffClaimFor.actingFor", "name", p.involvement().name()));
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

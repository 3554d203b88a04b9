package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.NotFound;
import org.involve.core.kit.Words;
import org.involve.core.links.LinkRefusal;
import org.involve.core.meetings.PartnerMeetings;
import org.involve.core.partners.NewLinkRequests;
import org.involve.core.partners.PartnerChanges;
import org.involve.core.partners.YourInvolvement;
import org.involve.core.paths.PublicPaths;
import org.involve.core.payments.ClaimMaking;
import org.involve.core.tenure.CheckInDesk;
import org.involve.core.tenure.CheckInLetters;
import org.involve.core.tenure.TenureDesk;
import org.involve.handlers.http.Routes;
import org.involve.handlers.http.WebRequest;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.views.CheckInPages;
import org.involve.handlers.views.ClaimPages;
import org.involve.handlers.views.Layout;
import org.involve.handlers.views.PartnerPages;
import org.involve.handlers.views.TenurePages;

/**
 * A partner's "your involvement" pages, /your-involvement/{token}, from the signed, expiring link in every e-mail to
 * them: the page, and each thing they can do there (pause or return, retire, their details, agree a document, ask for
 * IT support). The link is not spent by using it. An expired link leads to /your-involvement, where they ask for a new
 * one with their e-mail address and get the same answer whether or not we know it. Logs never carry the token.
 */
public class YourInvolvementHandler extends PublicHandler<YourInvolvementHandler> {
    static final Routes<YourInvolvementHandler, WebRequest> ROUTES =
            Routes.<YourInvolvementHandler, WebRequest>table()
                    .get(PublicPaths.YOUR_INVOLVEMENT_NEW_LINK, YourInvolvementHandler::askForLink)
                    .post(PublicPaths.YOUR_INVOLVEMENT_NEW_LINK, YourInvolvementHandler::sendLink)
                    .get(PublicPaths.YOUR_INVOLVEMENT, YourInvolvementHandler::page)
                    .get(PublicPaths.YOUR_INVOLVEMENT_STEP, YourInvolvementHandler::stepForm)
                    .post(PublicPaths.YOUR_INVOLVEMENT_STEP, YourInvolvementHandler::act);
    private static final List<String> NOTICES =
            List.of("paused", "returned", "retired", "contact", "agreed", "itAsked");
    private static final List<String> TENURE_NOTICES = List.of("partnerYes", "partnerNo");
    private static final List<String> CLAIM_NOTICES =
            List.of("lineAdded", "lineRemoved", "claimSent", "receiptAdded");
    private final YourInvolvement involvement;
    private final NewLinkRequests newLinks;
    private static final String CHECK_IN_NOTICE = "answered";
    private final TenureDesk tenure;
    private final CheckInDesk checkIns;
    private final ClaimMaking claims;
    private final PartnerMeetings meetings;

    public YourInvolvementHandler() {
        this(
                Beans.get(YourInvolvement.class),
                Beans.get(NewLinkRequests.class),
                Beans.get(TenureDesk.class),
                Beans.get(CheckInDesk.class),
                Beans.get(ClaimMaking.class),
                Beans.get(PartnerMeetings.class));
        Priming.register("YourInvolvementFunction", this::prime);
    }

    /** Without tenure reviews: the review step is not found (tests of the other steps). */
    public YourInvolvementHandler(YourInvolvement involvement, NewLinkRequests newLinks) {
        this(involvement, newLinks, null);
    }

    /** Without annual check-ins or claims: their steps are not found (tests of the other steps). */
    public YourInvolvementHandler(
            YourInvolvement involvement, NewLinkRequests newLinks, TenureDesk tenure) {
        this(involvement, newLinks, tenure, (CheckInDesk) null, (ClaimMaking) null);
    }

    /** With annual check-ins, without claims (tests of check-ins). */
    public YourInvolvementHandler(
            YourInvolvement involvement,
            NewLinkRequests newLinks,
            TenureDesk tenure,
            CheckInDesk checkIns) {
        this(involvement, newLinks, tenure, checkIns, null);
    }

    /** With claims, without annual check-ins (tests of claims). */
    public YourInvolvementHandler(
            YourInvolvement involvement,
            NewLinkRequests newLinks,
            TenureDesk tenure,
            ClaimMaking claims) {
        this(involvement, newLinks, tenure, null, claims);
    }

    public YourInvolvementHandler(
            YourInvolvement involvement,
            NewLinkRequests newLinks,
            TenureDesk tenure,
            CheckInDesk checkIns,
            ClaimMaking claims) {
        this(involvement, newLinks, tenure, checkIns, claims, null);
    }

    /** With the partner's meetings listed on their page ({@code meetings} null: not listed, for tests of the rest). */
    public YourInvolvementHandler(
            YourInvolvement involvement,
            NewLinkRequests newLinks,
            TenureDesk tenure,
            CheckInDesk checkIns,
            ClaimMaking claims,
            PartnerMeetings meetings) {
        super("your-involvement", ROUTES);
        this.involvement = involvement;
        this.newLinks = newLinks;
        this.tenure = tenure;
        this.checkIns = checkIns;
        this.claims = claims;
        this.meetings = meetings;
    }

    private APIGatewayV2HTTPResponse askForLink(WebRequest req) {
        return WebResponse.html(200, PartnerPages.newLink(Map.of(), null));
    }

    private APIGatewayV2HTTPResponse sendLink(WebRequest req) {
        Map<String, String> posted = req.form();
        FieldErrors errors = newLinks.ask(posted.get(NewLinkRequests.EMAIL));
        if (!errors.isEmpty()) return WebResponse.html(400, PartnerPages.newLink(posted, errors));
        return WebResponse.html(200, PartnerPages.linkSent());
    }

    private APIGatewayV2HTTPResponse page(WebRequest req) {
        String token = req.pathParameter("token");
        return withPage(token, page -> involvementPage(req, token, page));
    }

    private APIGatewayV2HTTPResponse involvementPage(
            WebRequest req, String token, YourInvolvement.Opened.Page page) {
        String notice =
                req.query("done")
                        .map(
                                k ->
                                        NOTICES.contains(k)
                                                ? Words.of("partners").get("notice." + k)
                                                : TENURE_NOTICES.contains(k)
                                                        ? Words.of("tenure")
                                                                .get("notice.tenure." + k)
                                                        : CHECK_IN_NOTICE.equals(k)
                                                                ? Words.of("tenure")
                                                                        .get("notice.checkIn." + k)
                                                                : null)
                        .orElse(null);
        return WebResponse.html(
                200,
                PartnerPages.involvement(
                        PublicPaths.YOUR_INVOLVEMENT.fill(token),
                        page.partner(),
                        page.role(),
                        notice,
                        tenure != null
                                && tenure.review(page.partner())
                                        .filter(r -> r.open() && r.partnerAnswer() == null)
                                        .isPresent(),
                        checkIns != null
                                && checkIns.latest(page.partner())
                                        .filter(c -> !c.partnerAnswered() && !c.held())
                                        .isPresent(),
                        meetings != null && page.partner().current()
                                ? meetings.of(page.partner())
                                : null));
    }

    private APIGatewayV2HTTPResponse stepForm(WebRequest req) {
        String token = req.pathParameter("token"), step = req.pathParameter("step");
        if (tenure != null && TenurePages.REVIEW_STEP.equals(step))
            return withPage(token, page -> review(token, page));
        if (checkIns != null && CheckInLetters.STEP.equals(step))
            return withPage(token, page -> checkIn(token, page));
        if (claims != null && ClaimMaking.step(step))
            return withPage(token, page -> claimPage(req, token, step, page));
        if (!PartnerChanges.partnerStep(step)) throw new NotFound("step");
        return withPage(
                token,
                page ->
                        WebResponse.html(
                                200,
                                PartnerPages.step(
                                        step(
                                                token,
                                                step,
                                                page,
                                                PartnerChanges.values(page.partner(), step),
                                                null,
                                                null))));
    }

    private APIGatewayV2HTTPResponse act(WebRequest req) {
        String token = req.pathParameter("token"), step = req.pathParameter("step");
        if (tenure != null && TenurePages.REVIEW_STEP.equals(step))
            return withPage(token, page -> answer(req, token, page));
        if (checkIns != null && CheckInLetters.STEP.equals(step))
            return withPage(token, page -> answerCheckIn(req, token, page));
        if (claims != null && ClaimMaking.step(step))
            return withPage(token, page -> claimAct(req, token, step, page));
        if (!PartnerChanges.partnerStep(step)) throw new NotFound("step");
        Map<String, String> posted = req.form();
        PartnerChanges.Result result = involvement.act(token, step, posted);
        if (result == null)
            return refused(((YourInvolvement.Opened.Refused) involvement.open(token)).reason());
        if (result instanceof PartnerChanges.Result.Done done)
            return WebResponse.seeOther(
                    PublicPaths.YOUR_INVOLVEMENT.fill(token) + "?done=" + done.notice());
        var page = (YourInvolvement.Opened.Page) involvement.open(token);
        if (result instanceof PartnerChanges.Result.Invalid invalid)
            return WebResponse.html(
                    400,
                    PartnerPages.step(
                            step(token, step, page, invalid.values(), invalid.errors(), null)));
        var refused = (PartnerChanges.Result.Refused) result;
        return WebResponse.html(
                409, PartnerPages.step(step(token, step, page, posted, null, refused.reason())));
    }

    /** The claim being made, or the form for one line of it. */
    private APIGatewayV2HTTPResponse claimPage(
            WebRequest req, String token, String step, YourInvolvement.Opened.Page page) {
        String base = PublicPaths.YOUR_INVOLVEMENT.fill(token);
        return switch (step) {
            case ClaimMaking.OVERVIEW -> {
                String notice =
                        req.query("done")
                                .filter(CLAIM_NOTICES::contains)
                                .map(k -> Words.of("payments").get("notice." + k))
                                .orElse(null);
                yield WebResponse.html(
                        200,
                        ClaimPages.overview(
                                new ClaimPages.Overview(
                                        Layout.PUBLIC,
                                        base,
                                        base,
                                        page.role(),
                                        claims.draft(page.partner()).orElse(null),
                                        notice,
                                        null,
                                        null,
                                        claims.takesReceipts())));
            }
            case ClaimMaking.COST, ClaimMaking.JOURNEY, ClaimMaking.TIME ->
                    WebResponse.html(
                            200, ClaimPages.line(lineForm(token, step, page, Map.of(), null)));
            case ClaimMaking.RECEIPT ->
                    receiptForm(token, page, req.query("cost").orElse(""), null, 200);
            case ClaimMaking.RECEIPT_ADDED -> receiptAdded(req, token, page);
            default -> throw new NotFound("step");
        };
    }

    /** The form that sends a cost's receipt straight to the receipts store; the store sends the browser back here. */
    private APIGatewayV2HTTPResponse receiptForm(
            String token,
            YourInvolvement.Opened.Page page,
            String cost,
            FieldErrors errors,
            int status) {
        ClaimPages.Line line =
                claims.draft(page.partner()).map(d -> ClaimPages.cost(d, index(cost))).orElse(null);
        var form =
                line == null
                        ? java.util.Optional.<org.involve.core.payments.Receipts.UploadForm>empty()
                        : claims.receiptForm(
                                page.partner(),
                                cost,
                                PublicPaths.YOUR_INVOLVEMENT_STEP.fill(
                                                token, ClaimMaking.RECEIPT_ADDED)
                                        + "?cost="
                                        + line.cost());
        if (form.isEmpty()) throw new NotFound("cost");
        String back = PublicPaths.YOUR_INVOLVEMENT_STEP.fill(token, ClaimMaking.OVERVIEW);
        return WebResponse.htmlWithFormTo(
                status,
                ClaimPages.receipt(
                        new ClaimPages.ReceiptForm(
                                Layout.PUBLIC, back, page.role(), line, form.get(), errors)),
                form.get().action());
    }

    /** Where the store sends the browser after an upload: the file is checked and kept, or deleted and said why. */
    private APIGatewayV2HTTPResponse receiptAdded(
            WebRequest req, String token, YourInvolvement.Opened.Page page) {
        String cost = req.query("cost").orElse("");
        ClaimMaking.Result result =
                claims.attachReceipt(page.partner(), cost, req.query("key").orElse(null), null);
        if (result instanceof ClaimMaking.Result.Saved saved)
            return WebResponse.seeOther(
                    PublicPaths.YOUR_INVOLVEMENT_STEP.fill(token, ClaimMaking.OVERVIEW)
                            + "?done="
                            + saved.notice());
        if (result instanceof ClaimMaking.Result.Invalid invalid)
            return receiptForm(token, page, cost, invalid.errors(), 400);
        String base = PublicPaths.YOUR_INVOLVEMENT.fill(token);
        return WebResponse.html(
                409,
                ClaimPages.overview(
                        new ClaimPages.Overview(
                                Layout.PUBLIC,
                                base,
                                base,
                                page.role(),
                                claims.draft(page.partner()).orElse(null),
                                null,
                                ((ClaimMaking.Result.Refused) result).reason(),
                                null,
                                claims.takesReceipts())));
    }

    private static int index(String cost) {
        try {
            return Integer.parseInt(cost.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private APIGatewayV2HTTPResponse claimAct(
            WebRequest req, String token, String step, YourInvolvement.Opened.Page page) {
        Map<String, String> posted = req.form();
        String base = PublicPaths.YOUR_INVOLVEMENT.fill(token);
        ClaimMaking.Result result =
                switch (step) {
                    case ClaimMaking.COST, ClaimMaking.JOURNEY, ClaimMaking.TIME ->
                            claims.add(page.partner(), step, posted, null);
                    case ClaimMaking.REMOVE ->
                            claims.remove(page.partner(), posted.get("line"), null);
                    case ClaimMaking.SEND -> claims.submit(page.partner(), null);
                    default -> throw new NotFound("step");
                };
        if (result instanceof ClaimMaking.Result.Saved saved
                && ClaimMaking.COST.equals(step)
                && claims.takesReceipts())
            return WebResponse.seeOther(
                    PublicPaths.YOUR_INVOLVEMENT_STEP.fill(token, ClaimMaking.RECEIPT)
                            + "?cost="
                            + (saved.claim().expenses().size() - 1));
        if (result instanceof ClaimMaking.Result.Saved saved)
            return WebResponse.seeOther(
                    PublicPaths.YOUR_INVOLVEMENT_STEP.fill(token, ClaimMaking.OVERVIEW)
                            + "?done="
                            + saved.notice());
        if (result instanceof ClaimMaking.Result.Invalid invalid)
            return WebResponse.html(
                    400, ClaimPages.line(lineForm(token, step, page, posted, invalid.errors())));
        String reason = ((ClaimMaking.Result.Refused) result).reason();
        return WebResponse.html(
                409,
                ClaimPages.overview(
                        new ClaimPages.Overview(
                                Layout.PUBLIC,
                                base,
                                base,
                                page.role(),
                                claims.draft(page.partner()).orElse(null),
                                null,
                                reason,
                                null,
                                claims.takesReceipts())));
    }

    private static ClaimPages.LineForm lineForm(
            String token,
            String step,
            YourInvolvement.Opened.Page page,
            Map<String, String> values,
            FieldErrors errors) {
        return new ClaimPages.LineForm(
                Layout.PUBLIC,
                step,
                PublicPaths.YOUR_INVOLVEMENT_STEP.fill(token, step),
                PublicPaths.YOUR_INVOLVEMENT_STEP.fill(token, ClaimMaking.OVERVIEW),
                page.role(),
                values,
                errors,
                null,
                null);
    }

    /** The annual check-in's short form, when they have been asked. */
    private APIGatewayV2HTTPResponse checkIn(String token, YourInvolvement.Opened.Page page) {
        return WebResponse.html(
                200, CheckInPages.checkIn(checkInPage(token, page, Map.of(), null, null)));
    }

    private APIGatewayV2HTTPResponse answerCheckIn(
            WebRequest req, String token, YourInvolvement.Opened.Page page) {
        Map<String, String> posted = req.form();
        CheckInDesk.Result result =
                checkIns.partnerAnswers(
                        page.partner().id(),
                        posted.get(CheckInDesk.HOW_GOING),
                        posted.get(CheckInDesk.SUPPORT));
        if (result instanceof CheckInDesk.Result.Done done)
            return WebResponse.seeOther(
                    PublicPaths.YOUR_INVOLVEMENT.fill(token) + "?done=" + done.notice());
        if (result instanceof CheckInDesk.Result.Invalid invalid)
            return WebResponse.html(
                    400,
                    CheckInPages.checkIn(checkInPage(token, page, posted, invalid.errors(), null)));
        return WebResponse.html(
                409,
                CheckInPages.checkIn(
                        checkInPage(
                                token,
                                page,
                                posted,
                                null,
                                ((CheckInDesk.Result.Refused) result).reason())));
    }

    private CheckInPages.Page checkInPage(
            String token,
            YourInvolvement.Opened.Page page,
            Map<String, String> values,
            FieldErrors errors,
            String problem) {
        return new CheckInPages.Page(
                Layout.PUBLIC,
                false,
                PublicPaths.YOUR_INVOLVEMENT_STEP.fill(token, CheckInLetters.STEP),
                PublicPaths.YOUR_INVOLVEMENT.fill(token),
                page.partner(),
                page.role(),
                checkIns.latest(page.partner()).orElse(null),
                values,
                errors,
                problem,
                null);
    }

    /** The tenure review's question, when they have been asked. */
    private APIGatewayV2HTTPResponse review(String token, YourInvolvement.Opened.Page page) {
        return WebResponse.html(
                200, TenurePages.review(reviewPage(token, page, Map.of(), null, null)));
    }

    private APIGatewayV2HTTPResponse answer(
            WebRequest req, String token, YourInvolvement.Opened.Page page) {
        Map<String, String> posted = req.form();
        TenureDesk.Result result =
                tenure.partnerAnswers(page.partner().id(), posted.get(TenureDesk.ANSWER));
        if (result instanceof TenureDesk.Result.Done done)
            return WebResponse.seeOther(
                    PublicPaths.YOUR_INVOLVEMENT.fill(token) + "?done=" + done.notice());
        if (result instanceof TenureDesk.Result.Invalid invalid)
            return WebResponse.html(
                    400,
                    TenurePages.review(reviewPage(token, page, posted, invalid.errors(), null)));
        return WebResponse.html(
                409,
                TenurePages.review(
                        reviewPage(
                                token,
                                page,
                                posted,
                                null,
                                ((TenureDesk.Result.Refused) result).reason())));
    }

    private TenurePages.Page reviewPage(
            String token,
            YourInvolvement.Opened.Page page,
            Map<String, String> values,
            FieldErrors errors,
            String problem) {
        return new TenurePages.Page(
                Layout.PUBLIC,
                PublicPaths.YOUR_INVOLVEMENT_STEP.fill(token, TenurePages.REVIEW_STEP),
                null,
                PublicPaths.YOUR_INVOLVEMENT.fill(token),
                page.partner(),
                page.role(),
                tenure.review(page.partner()).orElse(null),
                values,
                errors,
                problem,
                null);
    }

    private static PartnerPages.Step step(
            String token,
            String step,
            YourInvolvement.Opened.Page page,
            Map<String, String> values,
            FieldErrors errors,
            String problem) {
        String base = PublicPaths.YOUR_INVOLVEMENT.fill(token);
        return new PartnerPages.Step(
                Layout.PUBLIC,
                step,
                PublicPaths.YOUR_INVOLVEMENT_STEP.fill(token, step),
                base,
                page.partner(),
                page.role(),
                values,
                errors,
                problem,
                null);
    }

    /** Opens the partner's link: {@code then} answers with their page, or the link's refusal is shown. */
    private APIGatewayV2HTTPResponse withPage(
            String token, Function<YourInvolvement.Opened.Page, APIGatewayV2HTTPResponse> then) {
        YourInvolvement.Opened opened = involvement.open(token);
        if (opened instanceof YourInvolvement.Opened.Refused r) return refused(r.reason());
        return then.apply((YourInvolvement.Opened.Page) opened);
    }

    private static APIGatewayV2HTTPResponse refused(LinkRefusal reason) {
        return WebResponse.html(
                reason == LinkRefusal.EXPIRED ? 410 : 404, PartnerPages.refused(reason));
    }
}

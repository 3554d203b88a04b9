package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.involve.core.links.LinkRefusal;
import org.involve.core.paths.PublicPaths;
import org.involve.core.references.RefereeResponses;
import org.involve.core.references.RefereeResponses.Opened;
import org.involve.core.references.RefereeResponses.Sent;
import org.involve.handlers.http.Routes;
import org.involve.handlers.http.WebRequest;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.views.ReferencePages;

/**
 * A referee's one-use link, /reference/{token}: showing the form only checks the link; sending it spends the link in
 * the transaction that stores the reference. Refused links get a page that says why and whom to contact (410 for a
 * used or expired link, 404 for one we do not recognise). Logs never carry the token.
 */
public class RefereeFormHandler extends PublicHandler<RefereeFormHandler> {
    static final Routes<RefereeFormHandler, WebRequest> ROUTES =
            Routes.<RefereeFormHandler, WebRequest>table()
                    .get(PublicPaths.REFERENCE_FORM, RefereeFormHandler::open)
                    .post(PublicPaths.REFERENCE_FORM, RefereeFormHandler::send);
    private final RefereeResponses responses;

    public RefereeFormHandler() {
        this(Beans.get(RefereeResponses.class));
        Priming.register("RefereeFormFunction", this::prime);
    }

    public RefereeFormHandler(RefereeResponses responses) {
        super("referee-form", ROUTES);
        this.responses = responses;
    }

    private APIGatewayV2HTTPResponse open(WebRequest req) {
        String token = req.pathParameter("token");
        Opened opened = responses.open(token);
        if (opened instanceof Opened.Refused refused)
            return refused(refused.reason(), refused.role());
        return WebResponse.html(
                200,
                ReferencePages.form(
                        token, ((Opened.Form) opened).request(), java.util.Map.of(), null));
    }

    private APIGatewayV2HTTPResponse send(WebRequest req) {
        String token = req.pathParameter("token");
        Sent sent = responses.send(token, req.form());
        if (sent instanceof Sent.Invalid invalid)
            return WebResponse.html(
                    400,
                    ReferencePages.form(
                            token, invalid.request(), invalid.values(), invalid.errors()));
        if (sent instanceof Sent.Refused refused) return refused(refused.reason(), refused.role());
        Sent.Thanks thanks = (Sent.Thanks) sent;
        return WebResponse.html(200, ReferencePages.thanks(thanks.request()));
    }

    private static APIGatewayV2HTTPResponse refused(
            LinkRefusal reason, org.involve.core.role.Role role) {
        int status =
                reason == LinkRefusal.ALREADY_USED
                                || reason == LinkRefusal.EXPIRED
                                || reason == LinkRefusal.REPLACED
                        ? 410
                        : 404;
        return WebResponse.html(status, ReferencePages.refused(reason, role));
    }
}

package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.involve.core.references.RefereeResponses;
import org.involve.core.references.RefereeResponses.Opened;
import org.involve.core.references.RefereeResponses.Sent;
import org.involve.core.links.LinkRefusal;
import org.involve.handlers.http.WebRequest;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.views.ReferencePages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A referee's one-use link, /reference/{token}: showing the form only checks the link; sending it spends the link in
 * the transaction that stores the reference. Refused links get a page that says why and whom to contact (410 for a
 * used or expired link, 404 for one we do not recognise). Logs never carry the token.
 */
public class RefereeFormHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(RefereeFormHandler.class);
    private final RefereeResponses responses;

    public RefereeFormHandler() {
        this(Beans.get(RefereeResponses.class));
    }

    public RefereeFormHandler(RefereeResponses responses) {
        this.responses = responses;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        WebRequest request = new WebRequest(event);
        return WebErrors.guard(request, "referee-form", () -> route(request));
    }

    private APIGatewayV2HTTPResponse route(WebRequest req) {
        String token = req.pathParameter("token");
        return switch (req.routeKey()) {
            case "GET /reference/{token}" -> {
                Opened opened = responses.open(token);
                if (opened instanceof Opened.Refused refused) yield refused(refused.reason(), refused.role());
                yield WebResponse.html(200, ReferencePages.form(token, ((Opened.Form) opened).request(), java.util.Map.of(), null));
            }
            case "POST /reference/{token}" -> {
                Sent sent = responses.send(token, req.form());
                if (sent instanceof Sent.Invalid invalid) yield WebResponse.html(400, ReferencePages.form(token, invalid.request(), invalid.values(), invalid.errors()));
                if (sent instanceof Sent.Refused refused) yield refused(refused.reason(), refused.role());
                Sent.Thanks thanks = (Sent.Thanks) sent;
                yield WebResponse.html(200, ReferencePages.thanks(thanks.request()));
            }
            default -> WebErrors.notFound();
        };
    }

    private static APIGatewayV2HTTPResponse refused(LinkRefusal reason, org.involve.core.role.Role role) {
        int status = reason == LinkRefusal.ALREADY_USED || reason == LinkRefusal.EXPIRED ? 410 : 404;
        return WebResponse.html(status, ReferencePages.refused(reason, role));
    }
}

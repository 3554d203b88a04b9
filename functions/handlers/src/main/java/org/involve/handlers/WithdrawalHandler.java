package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.involve.core.outcomes.OutcomeFacts;
import org.involve.core.paths.PublicPaths;
import org.involve.core.withdrawal.Withdrawal;
import org.involve.handlers.http.Routes;
import org.involve.handlers.http.WebRequest;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.views.InterviewBookingPages;
import org.involve.handlers.views.WithdrawalPages;

/**
 * The applicant's withdrawal page at /withdraw/{token}, from the link in any e-mail they got: GET asks them to confirm
 * (it changes nothing), POST withdraws and then shows the page again, which now says it is withdrawn. A public route of
 * its own, more specific than the site's catch-all. Logs never carry the token.
 */
public class WithdrawalHandler extends PublicHandler<WithdrawalHandler> {
    static final Routes<WithdrawalHandler, WebRequest> ROUTES =
            Routes.<WithdrawalHandler, WebRequest>table()
                    .get(PublicPaths.WITHDRAW, WithdrawalHandler::open)
                    .post(PublicPaths.WITHDRAW, WithdrawalHandler::withdraw);
    private final Withdrawal withdrawal;

    public WithdrawalHandler() {
        this(Beans.get(Withdrawal.class));
        Priming.register("WithdrawalFunction", this::prime);
    }

    public WithdrawalHandler(Withdrawal withdrawal) {
        super("withdrawal", ROUTES);
        this.withdrawal = withdrawal;
    }

    private APIGatewayV2HTTPResponse open(WebRequest req) {
        String token = req.pathParameter("token");
        return show(withdrawal.open(token), token);
    }

    private APIGatewayV2HTTPResponse withdraw(WebRequest req) {
        String token = req.pathParameter("token");
        Withdrawal.Page page = withdrawal.withdraw(token);
        // Withdrawn (now or before): back to the link's page, which says so; a refresh sends
        // nothing again.
        if (page instanceof Withdrawal.Withdrawn)
            return WebResponse.seeOther(PublicPaths.WITHDRAW.fill(token));
        return show(page, token);
    }

    private static APIGatewayV2HTTPResponse show(Withdrawal.Page page, String token) {
        if (page instanceof Withdrawal.Confirm c)
            return WebResponse.html(
                    200, WithdrawalPages.confirm(c, PublicPaths.WITHDRAW.fill(token)));
        if (page instanceof Withdrawal.Withdrawn w)
            return WebResponse.html(
                    200, WithdrawalPages.withdrawn(w, OutcomeFacts.byEmail(w.app())));
        if (page instanceof Withdrawal.TooLate t)
            return WebResponse.html(200, WithdrawalPages.tooLate(t));
        Withdrawal.Refused r = (Withdrawal.Refused) page;
        return WebResponse.html(
                InterviewBookingPages.status(r.reason()), WithdrawalPages.refused(r));
    }
}

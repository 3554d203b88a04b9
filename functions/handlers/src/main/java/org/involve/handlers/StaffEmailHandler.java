package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.involve.core.outbox.MailOperations;
import org.involve.core.paths.StaffPaths;
import org.involve.core.staff.Permission;
import org.involve.handlers.http.Routes;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.staff.Notices;
import org.involve.handlers.staff.StaffHandler;
import org.involve.handlers.staff.StaffRequest;
import org.involve.handlers.views.StaffEmailPages;

/**
 * The e-mail problems page (operations): e-mails that were not sent or may have been, with "Send again" and, for an
 * unsure one, "Mark as sent"; one whose text the retention job deleted says so and can only be taken off the list.
 * Staff only (Permission.MANAGE_EMAIL_DELIVERY); the rules are core's {@link MailOperations}.
 */
public class StaffEmailHandler extends StaffHandler<StaffEmailHandler> {
    static final Routes<StaffEmailHandler, StaffRequest> ROUTES =
            Routes.<StaffEmailHandler, StaffRequest>table()
                    .get(StaffPaths.EMAIL_PROBLEMS, StaffEmailHandler::problems)
                    .post(StaffPaths.EMAIL_SEND_AGAIN, StaffEmailHandler::sendAgain)
                    .get(StaffPaths.EMAIL_MESSAGE, StaffEmailHandler::message)
                    .post(StaffPaths.EMAIL_MARK_SENT, StaffEmailHandler::markSent)
                    .post(StaffPaths.EMAIL_TOLD_ANOTHER_WAY, StaffEmailHandler::toldAnotherWay)
                    .post(StaffPaths.EMAIL_REMOVE, StaffEmailHandler::remove);
    private static final Notices NOTICES =
            Notices.of("mail", "sentAgain", "markedSent", "toldAnotherWay", "removed");
    private final MailOperations operations;

    public StaffEmailHandler() {
        this(Beans.get(MailOperations.class));
        Priming.register("StaffEmailFunction", this::prime);
    }

    public StaffEmailHandler(MailOperations operations) {
        super("staff-email", Permission.MANAGE_EMAIL_DELIVERY, ROUTES);
        this.operations = operations;
    }

    private APIGatewayV2HTTPResponse problems(StaffRequest req) {
        return WebResponse.html(
                200,
                StaffEmailPages.problems(
                        req.member(),
                        operations.problems(req.member()),
                        operations.textKeptFor(),
                        NOTICES.on(req).orElse(null)));
    }

    private APIGatewayV2HTTPResponse sendAgain(StaffRequest req) {
        req.web().form();
        operations.sendAgain(req.member(), messageId(req));
        return WebResponse.seeOther(NOTICES.after(StaffPaths.EMAIL_PROBLEMS.fill(), "sentAgain"));
    }

    private APIGatewayV2HTTPResponse markSent(StaffRequest req) {
        req.web().form();
        operations.markSent(req.member(), messageId(req));
        return WebResponse.seeOther(NOTICES.after(StaffPaths.EMAIL_PROBLEMS.fill(), "markedSent"));
    }

    private APIGatewayV2HTTPResponse message(StaffRequest req) {
        return WebResponse.html(
                200,
                StaffEmailPages.message(
                        req.member(), operations.show(req.member(), messageId(req))));
    }

    private APIGatewayV2HTTPResponse toldAnotherWay(StaffRequest req) {
        req.web().form();
        operations.toldAnotherWay(req.member(), messageId(req));
        return WebResponse.seeOther(
                NOTICES.after(StaffPaths.EMAIL_PROBLEMS.fill(), "toldAnotherWay"));
    }

    private APIGatewayV2HTTPResponse remove(StaffRequest req) {
        req.web().form();
        operations.removeFromList(req.member(), messageId(req));
        return WebResponse.seeOther(NOTICES.after(StaffPaths.EMAIL_PROBLEMS.fill(), "removed"));
    }

    private static String messageId(StaffRequest req) {
        return req.web().pathParameter("messageId");
    }
}

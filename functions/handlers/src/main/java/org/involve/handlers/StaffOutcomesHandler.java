package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.involve.core.application.Application;
import org.involve.core.kit.Refused;
import org.involve.core.kit.Version;
import org.involve.core.kit.Words;
import org.involve.core.outcomes.Outcomes;
import org.involve.core.paths.StaffPaths;
import org.involve.core.staff.Permission;
import org.involve.handlers.http.Routes;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.staff.Notices;
import org.involve.handlers.staff.StaffHandler;
import org.involve.handlers.staff.StaffRequest;
import org.involve.handlers.views.StaffOutcomePages;

/**
 * The outcome pages: applicants of closed (or withdrawn) roles without an outcome, a role's outcomes, sending the
 * unsuccessful ones (asked for twice), closing the reserve list and marking telephone and post tasks done. Staff only (Permission.SEND_OUTCOMES); the rules are
 * core's {@link Outcomes}.
 */
public class StaffOutcomesHandler extends StaffHandler<StaffOutcomesHandler> {
    static final Routes<StaffOutcomesHandler, StaffRequest> ROUTES =
            Routes.<StaffOutcomesHandler, StaffRequest>table()
                    .get(StaffPaths.OUTCOMES, StaffOutcomesHandler::withoutOutcome)
                    .get(StaffPaths.OUTCOMES_ROLE, StaffOutcomesHandler::role)
                    .get(StaffPaths.OUTCOMES_SEND, StaffOutcomesHandler::confirmSend)
                    .post(StaffPaths.OUTCOMES_SEND, StaffOutcomesHandler::send)
                    .post(StaffPaths.OUTCOME_TASK, StaffOutcomesHandler::taskDone)
                    .post(StaffPaths.OUTCOMES_CLOSE_RESERVE, StaffOutcomesHandler::closeReserve);
    private static final Notices NOTICES = Notices.of("outcomes", "told");
    private static final Words WORDS = Words.of("outcomes");
    private final Outcomes outcomes;

    public StaffOutcomesHandler() {
        this(Beans.get(Outcomes.class));
        Priming.register("StaffOutcomesFunction", this::prime);
    }

    public StaffOutcomesHandler(Outcomes outcomes) {
        super("staff-outcomes", Permission.SEND_OUTCOMES, ROUTES);
        this.outcomes = outcomes;
    }

    private APIGatewayV2HTTPResponse withoutOutcome(StaffRequest req) {
        return WebResponse.html(
                200,
                StaffOutcomePages.withoutOutcome(
                        req.member(), outcomes.withoutOutcome(req.member())));
    }

    private APIGatewayV2HTTPResponse role(StaffRequest req) {
        return WebResponse.html(
                200,
                StaffOutcomePages.role(
                        req.member(), outcomes.forRole(req.member(), roleId(req)), notice(req)));
    }

    private APIGatewayV2HTTPResponse confirmSend(StaffRequest req) {
        return WebResponse.html(
                200,
                StaffOutcomePages.confirmSend(
                        req.member(), outcomes.forRole(req.member(), roleId(req))));
    }

    private APIGatewayV2HTTPResponse send(StaffRequest req) {
        String version = req.web().form().get(Version.FIELD);
        Outcomes.Sent sent;
        try {
            sent = outcomes.sendUnsuccessful(req.member(), roleId(req), version);
        } catch (Application.ChangedMeanwhile changed) {
            // The list to send changed after the page was read: nothing was sent. The page again,
            // listing who would be sent an outcome now.
            return WebResponse.html(
                    409,
                    StaffOutcomePages.confirmSend(
                            req.member(),
                            outcomes.forRole(req.member(), roleId(req)),
                            changed.getMessage()));
        }
        return WebResponse.seeOther(
                StaffPaths.OUTCOMES_ROLE.fill(roleId(req))
                        + "?emails="
                        + sent.emails()
                        + "&tasks="
                        + sent.tasks());
    }

    private APIGatewayV2HTTPResponse closeReserve(StaffRequest req) {
        // From a page read before the reserve list changed, Application.ChangedMeanwhile (a
        // Refused):
        // nobody is told, and the role's outcomes come back as they are now (refused, below).
        String version = req.web().form().get(Version.FIELD);
        Outcomes.Sent sent = outcomes.closeReserveList(req.member(), roleId(req), version);
        return WebResponse.seeOther(
                StaffPaths.OUTCOMES_ROLE.fill(roleId(req))
                        + "?emails="
                        + sent.emails()
                        + "&tasks="
                        + sent.tasks()
                        + "&reserve=closed");
    }

    private APIGatewayV2HTTPResponse taskDone(StaffRequest req) {
        String version = req.web().form().get(Version.FIELD);
        outcomes.markTaskDone(
                req.member(), roleId(req), req.web().pathParameter("reference"), version);
        return WebResponse.seeOther(
                NOTICES.after(StaffPaths.OUTCOMES_ROLE.fill(roleId(req)), "told"));
    }

    /**
     * A refusal (the application changed after the page was read) shows the role's outcomes as they are now with the
     * reason, 409.
     */
    @Override
    protected APIGatewayV2HTTPResponse refused(StaffRequest req, Refused refusal) {
        return WebResponse.html(
                409,
                StaffOutcomePages.role(
                        req.member(),
                        outcomes.forRole(req.member(), roleId(req)),
                        null,
                        refusal.getMessage()));
    }

    /** Built from numbers and a fixed key only: the query never carries text to show. */
    private static String notice(StaffRequest req) {
        var told = NOTICES.on(req);
        if (told.isPresent()) return told.get();
        var emails = req.web().query("emails").filter(v -> v.matches("\\d{1,4}"));
        var tasks = req.web().query("tasks").filter(v -> v.matches("\\d{1,4}"));
        if (emails.isEmpty() || tasks.isEmpty()) return null;
        boolean reserve = req.web().query("reserve").filter("closed"::equals).isPresent();
        return WORDS.format(
                reserve ? "notice.reserveClosed" : "notice.sent",
                "emails",
                emails.get(),
                "emailWord",
                WORDS.get(
                        emails.get().equals("1")
                                ? "notice.sent.email.one"
                                : "notice.sent.email.many"),
                "tasks",
                tasks.get(),
                "taskWord",
                WORDS.get(
                        tasks.get().equals("1")
                                ? "notice.sent.task.one"
                                : "notice.sent.task.many"));
    }

    private static String roleId(StaffRequest req) {
        return req.web().pathParameter("roleId");
    }
}

package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.interviews.FollowingUp;
import org.involve.core.interviews.InterviewInvitations;
import org.involve.core.interviews.InterviewTimes;
import org.involve.core.interviews.Interviews;
import org.involve.core.interviews.TeamBooking;
import org.involve.core.kit.Refused;
import org.involve.core.kit.Version;
import org.involve.core.paths.StaffPaths;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;
import org.involve.handlers.http.Routes;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.staff.Notices;
import org.involve.handlers.staff.StaffHandler;
import org.involve.handlers.staff.StaffRequest;
import org.involve.handlers.views.InterviewPages;

/**
 * The staff interview pages: the roles at interview stage, and for one role its times (add, remove), the invitations
 * (sent once), the team's telephone and post bookings, and who has booked. Staff group only (MANAGE_INTERVIEWS); the
 * rules are core's {@link Interviews}, {@link InterviewTimes}, {@link InterviewInvitations} and
 * {@link TeamBooking}; every change is written with its audit entry.
 */
public class StaffInterviewsHandler extends StaffHandler<StaffInterviewsHandler> {
    static final Routes<StaffInterviewsHandler, StaffRequest> ROUTES =
            Routes.<StaffInterviewsHandler, StaffRequest>table()
                    .get(StaffPaths.INTERVIEWS, StaffInterviewsHandler::roles)
                    .get(StaffPaths.INTERVIEWS_ROLE, StaffInterviewsHandler::board)
                    .post(StaffPaths.INTERVIEW_SLOTS, StaffInterviewsHandler::addSlot)
                    .post(StaffPaths.INTERVIEW_SLOT_REMOVE, StaffInterviewsHandler::removeSlot)
                    .post(StaffPaths.INTERVIEW_INVITATIONS, StaffInterviewsHandler::invite)
                    .post(StaffPaths.INTERVIEW_BOOKINGS, StaffInterviewsHandler::book)
                    .post(StaffPaths.INTERVIEW_NEW_LINK, StaffInterviewsHandler::newLink)
                    .post(
                            StaffPaths.INTERVIEW_DID_NOT_ATTEND,
                            StaffInterviewsHandler::didNotAttend);
    private static final Notices NOTICES =
            Notices.of(
                    "interviews",
                    "slot-added",
                    "slot-removed",
                    "sent",
                    "booked",
                    "new-link",
                    "did-not-attend",
                    "did-not-attend-no-email");
    private final Interviews interviews;
    private final InterviewTimes times;
    private final InterviewInvitations invitations;
    private final TeamBooking teamBooking;
    private final FollowingUp followingUp;

    public StaffInterviewsHandler() {
        this(
                Beans.get(Interviews.class),
                Beans.get(InterviewTimes.class),
                Beans.get(InterviewInvitations.class),
                Beans.get(TeamBooking.class),
                Beans.get(FollowingUp.class));
        Priming.register("StaffInterviewsFunction", this::prime);
    }

    public StaffInterviewsHandler(
            Interviews interviews,
            InterviewTimes times,
            InterviewInvitations invitations,
            TeamBooking teamBooking,
            FollowingUp followingUp) {
        super("staff-interviews", Permission.MANAGE_INTERVIEWS, ROUTES);
        this.interviews = interviews;
        this.times = times;
        this.invitations = invitations;
        this.teamBooking = teamBooking;
        this.followingUp = followingUp;
    }

    private APIGatewayV2HTTPResponse roles(StaffRequest req) {
        return WebResponse.html(
                200, InterviewPages.list(req.member(), interviews.roles(req.member())));
    }

    private APIGatewayV2HTTPResponse board(StaffRequest req) {
        return boardPage(
                req.member(),
                roleId(req),
                NOTICES.on(req).orElse(null),
                null,
                InterviewPages.Forms.NONE,
                200);
    }

    private APIGatewayV2HTTPResponse addSlot(StaffRequest req) {
        Map<String, String> posted = req.web().form();
        if (times.addSlot(req.member(), roleId(req), posted)
                instanceof InterviewTimes.Invalid invalid) {
            return boardPage(
                    req.member(),
                    roleId(req),
                    null,
                    null,
                    new InterviewPages.Forms(posted, invalid.errors(), Map.of(), null),
                    400);
        }
        return done(req, "slot-added");
    }

    private APIGatewayV2HTTPResponse removeSlot(StaffRequest req) {
        req.web().form();
        times.removeSlot(req.member(), roleId(req), req.web().pathParameter("slotId"));
        return done(req, "slot-removed");
    }

    private APIGatewayV2HTTPResponse invite(StaffRequest req) {
        String version = req.web().form().get(Version.FIELD);
        invitations.sendInvitations(req.member(), roleId(req), version);
        return done(req, "sent");
    }

    private APIGatewayV2HTTPResponse book(StaffRequest req) {
        Map<String, String> posted = req.web().form();
        TeamBooking.BookingResult result;
        try {
            result = teamBooking.bookForApplicant(req.member(), roleId(req), posted);
        } catch (Application.ChangedMeanwhile changed) {
            // The applicant changed after the board was read: nothing booked. The board as it is
            // now, with the booking form still holding what was entered.
            return boardPage(
                    req.member(),
                    roleId(req),
                    null,
                    changed.getMessage(),
                    new InterviewPages.Forms(InterviewPages.Forms.NONE.slot(), null, posted, null),
                    409);
        }
        if (result instanceof TeamBooking.BookingInvalid invalid) {
            return boardPage(
                    req.member(),
                    roleId(req),
                    null,
                    null,
                    new InterviewPages.Forms(
                            InterviewPages.Forms.NONE.slot(), null, posted, invalid.errors()),
                    400);
        }
        return done(req, "booked");
    }

    private APIGatewayV2HTTPResponse newLink(StaffRequest req) {
        // From a board read before someone else changed the application,
        // Application.ChangedMeanwhile
        // (a Refused): nothing is sent and the board comes back as it is now (refused, below).
        String version = req.web().form().get(Version.FIELD);
        followingUp.sendNewLink(
                req.member(), roleId(req), req.web().pathParameter("reference"), version);
        return done(req, "new-link");
    }

    private APIGatewayV2HTTPResponse didNotAttend(StaffRequest req) {
        String version = req.web().form().get(Version.FIELD);
        FollowingUp.Done done =
                followingUp.didNotAttend(
                        req.member(), roleId(req), req.web().pathParameter("reference"), version);
        return done(req, done.emailed() ? "did-not-attend" : "did-not-attend-no-email");
    }

    /** A refused change shows the role's board with the reason. */
    @Override
    protected APIGatewayV2HTTPResponse refused(StaffRequest req, Refused refusal) {
        return boardPage(
                req.member(),
                roleId(req),
                null,
                refusal.getMessage(),
                InterviewPages.Forms.NONE,
                409);
    }

    private APIGatewayV2HTTPResponse boardPage(
            StaffMember who,
            String roleId,
            String notice,
            String problem,
            InterviewPages.Forms forms,
            int status) {
        return WebResponse.html(
                status,
                InterviewPages.board(who, interviews.board(who, roleId), notice, problem, forms));
    }

    private static APIGatewayV2HTTPResponse done(StaffRequest req, String notice) {
        return WebResponse.seeOther(
                NOTICES.after(StaffPaths.INTERVIEWS_ROLE.fill(roleId(req)), notice));
    }

    private static String roleId(StaffRequest req) {
        return req.web().pathParameter("roleId");
    }
}

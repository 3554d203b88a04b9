package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.core.meetings.AttendanceFlag;
import org.involve.core.meetings.Meeting;
import org.involve.core.meetings.MeetingPlans;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerChanges;
import org.involve.core.paths.StaffPaths;
import org.involve.core.payments.AttendanceClaims;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;
import org.involve.handlers.http.Routes;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.staff.Notices;
import org.involve.handlers.staff.StaffHandler;
import org.involve.handlers.staff.StaffRequest;
import org.involve.handlers.views.MeetingPages;

/**
 * The meetings pages: the groups; one group's meetings with each partner's attendance over the last 12 months against
 * the role's minimum (and any flag raised); planning a meeting (which invites the active partners); one meeting with
 * who came; and recording one partner's attendance. Staff only (Permission.MANAGE_MEETINGS); the rules are core's
 * {@link MeetingPlans}.
 */
public class StaffMeetingsHandler extends StaffHandler<StaffMeetingsHandler> {
    static final Routes<StaffMeetingsHandler, StaffRequest> ROUTES =
            Routes.<StaffMeetingsHandler, StaffRequest>table()
                    .get(StaffPaths.MEETINGS, StaffMeetingsHandler::roles)
                    .get(StaffPaths.MEETINGS_ROLE, StaffMeetingsHandler::role)
                    .get(StaffPaths.MEETINGS_PLAN, StaffMeetingsHandler::planForm)
                    .post(StaffPaths.MEETINGS_PLAN, StaffMeetingsHandler::plan)
                    .get(StaffPaths.MEETING, StaffMeetingsHandler::meeting)
                    .get(StaffPaths.MEETING_ATTENDANCE, StaffMeetingsHandler::recordForm)
                    .post(StaffPaths.MEETING_ATTENDANCE, StaffMeetingsHandler::record)
                    .get(StaffPaths.MEETING_CHANGE, StaffMeetingsHandler::changeForm)
                    .post(StaffPaths.MEETING_CHANGE, StaffMeetingsHandler::change)
                    .get(StaffPaths.MEETING_CANCEL, StaffMeetingsHandler::cancelForm)
                    .post(StaffPaths.MEETING_CANCEL, StaffMeetingsHandler::cancel);
    private static final Notices NOTICES =
            Notices.of(
                    "meetings",
                    "planned",
                    "recorded",
                    "recordedClaimMade",
                    "recordedClaimDecided",
                    "changed",
                    "cancelled");
    private final MeetingPlans plans;
    private final RoleReader roles;
    private final PartnerChanges partners;
    private final int papersDays;
    private final Clock clock;
    private final AttendanceClaims attendanceClaims;

    public StaffMeetingsHandler() {
        this(
                Beans.get(MeetingPlans.class),
                Beans.get(RoleReader.class),
                Beans.get(PartnerChanges.class),
                Beans.get(InvolveSettings.class).meetingPapersDays(),
                Beans.get(Clock.class),
                Beans.get(AttendanceClaims.class));
        Priming.register("StaffMeetingsFunction", this::prime);
    }

    public StaffMeetingsHandler(
            MeetingPlans plans,
            RoleReader roles,
            PartnerChanges partners,
            int papersDays,
            Clock clock,
            AttendanceClaims attendanceClaims) {
        super("staff-meetings", Permission.MANAGE_MEETINGS, ROUTES);
        this.attendanceClaims = attendanceClaims;
        this.plans = plans;
        this.roles = roles;
        this.partners = partners;
        this.papersDays = papersDays;
        this.clock = clock;
    }

    private APIGatewayV2HTTPResponse roles(StaffRequest req) {
        return WebResponse.html(200, MeetingPages.roles(req.member(), roles.all()));
    }

    private APIGatewayV2HTTPResponse role(StaffRequest req) {
        StaffMember who = req.member();
        Role role = plans.role(who, roleId(req));
        List<Partner> ps = plans.partners(role.id());
        Map<String, Optional<AttendanceFlag>> flags = new HashMap<>();
        for (Partner p : ps) flags.put(p.id(), plans.latestFlag(role.id(), p.id()));
        return WebResponse.html(
                200,
                MeetingPages.role(
                        who,
                        role,
                        plans.forRole(role.id()),
                        ps,
                        plans.standings(role, ps),
                        flags,
                        NOTICES.on(req).orElse(null)));
    }

    private APIGatewayV2HTTPResponse planForm(StaffRequest req) {
        Role role = plans.role(req.member(), roleId(req));
        return WebResponse.html(
                200, MeetingPages.plan(req.member(), role, papersDays, Map.of(), null));
    }

    private APIGatewayV2HTTPResponse plan(StaffRequest req) {
        Map<String, String> posted = req.web().form();
        MeetingPlans.Result result = plans.plan(req.member(), roleId(req), posted);
        if (result instanceof MeetingPlans.Result.Done done)
            return WebResponse.seeOther(
                    NOTICES.after(
                            StaffPaths.MEETING.fill(roleId(req), done.meeting().id()), "planned"));
        MeetingPlans.Result.Invalid bad = (MeetingPlans.Result.Invalid) result;
        Role role = plans.role(req.member(), roleId(req));
        return WebResponse.html(
                400, MeetingPages.plan(req.member(), role, papersDays, posted, bad.errors()));
    }

    private APIGatewayV2HTTPResponse meeting(StaffRequest req) {
        StaffMember who = req.member();
        Role role = plans.role(who, roleId(req));
        Meeting m = plans.meeting(who, role.id(), req.web().pathParameter("meetingId"));
        List<Partner> invited = m.invited().stream().map(partners::partner).toList();
        return WebResponse.html(
                200,
                MeetingPages.meeting(
                        who,
                        role,
                        m,
                        invited,
                        plans.recorded(m.id()),
                        !m.startsAt().isAfter(clock.instant()),
                        NOTICES.on(req).orElse(null)));
    }

    private APIGatewayV2HTTPResponse recordForm(StaffRequest req) {
        StaffMember who = req.member();
        Role role = plans.role(who, roleId(req));
        Meeting m = plans.meeting(who, role.id(), req.web().pathParameter("meetingId"));
        Partner p = invited(req, m);
        return WebResponse.html(
                200,
                MeetingPages.record(
                        who,
                        role,
                        m,
                        p,
                        MeetingPages.values(plans.recorded(m.id()).get(p.id())),
                        null,
                        null));
    }

    private APIGatewayV2HTTPResponse record(StaffRequest req) {
        StaffMember who = req.member();
        Role role = plans.role(who, roleId(req));
        Meeting m = plans.meeting(who, role.id(), req.web().pathParameter("meetingId"));
        Partner p = invited(req, m);
        Map<String, String> posted = req.web().form();
        MeetingPlans.Result.Done done;
        try {
            MeetingPlans.Result result = plans.record(who, role.id(), m.id(), p.id(), posted);
            if (result instanceof MeetingPlans.Result.Invalid bad)
                return WebResponse.html(
                        400, MeetingPages.record(who, role, m, p, posted, bad.errors(), null));
            done = (MeetingPlans.Result.Done) result;
        } catch (org.involve.core.kit.Refused refused) {
            return WebResponse.html(
                    409, MeetingPages.record(who, role, m, p, posted, null, refused.getMessage()));
        }
        // The attendance is stored; its involvement claim follows (payments sits above meetings).
        // Recording again
        // makes it again if this step failed, as the claim's id is fixed by the meeting and the
        // partner.
        AttendanceClaims.Outcome claim =
                attendanceClaims.recorded(who, done.attendance(), p.appointment().payment());
        String notice =
                switch (claim) {
                    case CREATED, UPDATED -> "recordedClaimMade";
                    case DECIDED -> "recordedClaimDecided";
                    case NONE, UNCHANGED -> "recorded";
                };
        return WebResponse.seeOther(
                NOTICES.after(StaffPaths.MEETING.fill(role.id(), m.id()), notice));
    }

    /** The change form, filled with the meeting as it is; a meeting held or cancelled is refused (a plain page). */
    private APIGatewayV2HTTPResponse changeForm(StaffRequest req) {
        StaffMember who = req.member();
        Role role = plans.role(who, roleId(req));
        Meeting m = plans.changeable(who, role.id(), meetingId(req));
        return WebResponse.html(
                200, MeetingPages.change(who, role, m, MeetingPages.values(m), null, false));
    }

    private APIGatewayV2HTTPResponse change(StaffRequest req) {
        StaffMember who = req.member();
        Role role = plans.role(who, roleId(req));
        Map<String, String> posted = req.web().form();
        MeetingPlans.Result result = plans.change(who, role.id(), meetingId(req), posted);
        if (result instanceof MeetingPlans.Result.Done done)
            return WebResponse.seeOther(
                    NOTICES.after(
                            StaffPaths.MEETING.fill(role.id(), done.meeting().id()), "changed"));
        if (result instanceof MeetingPlans.Result.Stale stale)
            return WebResponse.html(
                    409, MeetingPages.change(who, role, stale.current(), posted, null, true));
        MeetingPlans.Result.Invalid bad = (MeetingPlans.Result.Invalid) result;
        Meeting m = plans.changeable(who, role.id(), meetingId(req));
        return WebResponse.html(
                400, MeetingPages.change(who, role, m, posted, bad.errors(), false));
    }

    private APIGatewayV2HTTPResponse cancelForm(StaffRequest req) {
        StaffMember who = req.member();
        Role role = plans.role(who, roleId(req));
        Meeting m = plans.changeable(who, role.id(), meetingId(req));
        return WebResponse.html(200, MeetingPages.cancel(who, role, m, false));
    }

    private APIGatewayV2HTTPResponse cancel(StaffRequest req) {
        StaffMember who = req.member();
        Role role = plans.role(who, roleId(req));
        MeetingPlans.Result result = plans.cancel(who, role.id(), meetingId(req), req.web().form());
        if (result instanceof MeetingPlans.Result.Stale stale)
            return WebResponse.html(409, MeetingPages.cancel(who, role, stale.current(), true));
        return WebResponse.seeOther(
                NOTICES.after(StaffPaths.MEETING.fill(role.id(), meetingId(req)), "cancelled"));
    }

    private static String meetingId(StaffRequest req) {
        return req.web().pathParameter("meetingId");
    }

    private Partner invited(StaffRequest req, Meeting m) {
        String appointmentId = req.web().pathParameter("appointmentId");
        if (!m.isInvited(appointmentId)) throw new PartnerChanges.NoSuchPartner();
        return partners.partner(appointmentId);
    }

    private static String roleId(StaffRequest req) {
        return req.web().pathParameter("roleId");
    }
}

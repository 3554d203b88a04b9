package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditHistory;
import org.involve.core.kit.NotFound;
import org.involve.core.kit.Paging;
import org.involve.core.kit.Version;
import org.involve.core.meetings.MeetingPlans;
import org.involve.core.outcomes.Appointing;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerChanges;
import org.involve.core.partners.PartnerDirectory;
import org.involve.core.paths.StaffPaths;
import org.involve.core.role.Role;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;
import org.involve.core.tenure.CheckInDesk;
import org.involve.core.tenure.CheckInLetters;
import org.involve.core.tenure.TenureDesk;
import org.involve.handlers.http.Routes;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.staff.Notices;
import org.involve.handlers.staff.StaffHandler;
import org.involve.handlers.staff.StaffRequest;
import org.involve.handlers.views.CheckInPages;
import org.involve.handlers.views.MeetingPages;
import org.involve.handlers.views.PartnerPages;
import org.involve.handlers.views.StaffLayout;
import org.involve.handlers.views.StaffPartnerPages;
import org.involve.handlers.views.TenurePages;

/**
 * The partner pages: roles with people to appoint and every partner by programme, role and status; a role's applicants
 * and partners; appointing one (the start date, payment accepted or declined, stepping down at the paid-role limit);
 * the partner record with their involvement and history (every change with its audit entry); and what staff record
 * for a partner (induction, IT support given) or do on their behalf (pause, return, retire, details, documents). Staff
 * only (Permission.APPOINT_PARTNERS); the rules are core's {@link Appointing}, {@link Appointment} and
 * {@link PartnerChanges}.
 */
public class StaffPartnersHandler extends StaffHandler<StaffPartnersHandler> {
    static final Routes<StaffPartnersHandler, StaffRequest> ROUTES =
            Routes.<StaffPartnersHandler, StaffRequest>table()
                    .get(StaffPaths.PARTNERS, StaffPartnersHandler::roles)
                    .get(StaffPaths.PARTNERS_ROLE, StaffPartnersHandler::role)
                    .get(StaffPaths.PARTNER_CANDIDATE, StaffPartnersHandler::show)
                    .post(StaffPaths.PARTNER_CANDIDATE, StaffPartnersHandler::appoint)
                    .get(StaffPaths.PARTNER_STEP, StaffPartnersHandler::stepForm)
                    .post(StaffPaths.PARTNER_STEP, StaffPartnersHandler::act);
    private static final Notices NOTICES =
            Notices.of(
                    "partners",
                    "appointed",
                    "staff.paused",
                    "staff.returned",
                    "staff.retired",
                    "staff.contact",
                    "staff.agreed",
                    "staff.itAsked",
                    "staff.induction",
                    "staff.itGiven");
    private static final Notices TENURE_NOTICES =
            Notices.of(
                    "tenure",
                    "tenure.staffYes",
                    "tenure.staffNo",
                    "tenure.extended",
                    "tenure.carriedOn");
    private static final Notices CHECK_IN_NOTICES = Notices.of("tenure", "checkIn.recorded");
    private static final List<String> TENURE_STEPS =
            List.of(TenurePages.REVIEW_STEP, TenurePages.EXTEND_STEP);
    private final Appointing appointing;
    private final PartnerChanges changes;
    private final PartnerDirectory directory;
    private final AuditHistory history;

    private final BiFunction<StaffMember, Partner, String> attendance;
    private final TenureDesk tenure;
    private final CheckInDesk checkIns;

    public StaffPartnersHandler() {
        this(
                Beans.get(Appointing.class),
                Beans.get(PartnerChanges.class),
                Beans.get(PartnerDirectory.class),
                Beans.get(AuditHistory.class),
                attendanceFrom(Beans.get(MeetingPlans.class)),
                Beans.get(TenureDesk.class),
                Beans.get(CheckInDesk.class));
        Priming.register("StaffPartnersFunction", this::prime);
    }

    /** Without meetings: the record shows no attendance row (tests of the other routes). */
    public StaffPartnersHandler(
            Appointing appointing,
            PartnerChanges changes,
            PartnerDirectory directory,
            AuditHistory history) {
        this(appointing, changes, directory, history, (who, p) -> "");
    }

    public StaffPartnersHandler(
            Appointing appointing,
            PartnerChanges changes,
            PartnerDirectory directory,
            AuditHistory history,
            BiFunction<StaffMember, Partner, String> attendance) {
        this(appointing, changes, directory, history, attendance, null);
    }

    /** With the tenure review ({@code tenure} null: its steps are not found, for tests of the other routes). */
    public StaffPartnersHandler(
            Appointing appointing,
            PartnerChanges changes,
            PartnerDirectory directory,
            AuditHistory history,
            BiFunction<StaffMember, Partner, String> attendance,
            TenureDesk tenure) {
        this(appointing, changes, directory, history, attendance, tenure, null);
    }

    /** With the annual check-in ({@code checkIns} null: its step is not found). */
    public StaffPartnersHandler(
            Appointing appointing,
            PartnerChanges changes,
            PartnerDirectory directory,
            AuditHistory history,
            BiFunction<StaffMember, Partner, String> attendance,
            TenureDesk tenure,
            CheckInDesk checkIns) {
        super("staff-partners", Permission.APPOINT_PARTNERS, ROUTES);
        this.appointing = appointing;
        this.changes = changes;
        this.directory = directory;
        this.history = history;
        this.attendance = attendance;
        this.tenure = tenure;
        this.checkIns = checkIns;
    }

    /** A partner's attendance over the last 12 months against the role's minimum, in a sentence. */
    public static BiFunction<StaffMember, Partner, String> attendanceFrom(MeetingPlans plans) {
        return (who, p) -> {
            MeetingPlans.PartnerStanding s = plans.standing(who, p);
            return MeetingPages.summary(s.role(), s.standing(), s.flag());
        };
    }

    /**
     * Roles with people to appoint, then a page of the partners, filtered by programme, role and status; the page
     * from the query's {@code after} or {@code before} cursor (the first page when it is not one of the directory's).
     */
    private APIGatewayV2HTTPResponse roles(StaffRequest req) {
        StaffMember who = req.member();
        PartnerDirectory.Filter filter =
                PartnerDirectory.Filter.of(
                        req.web().query("programme").orElse(null),
                        req.web().query("role").orElse(null),
                        req.web().query("status").orElse(null));
        PartnerDirectory.Listing listing =
                directory.list(
                        who,
                        filter,
                        Paging.asked(
                                req.web().query(Paging.AFTER).orElse(null),
                                req.web().query(Paging.BEFORE).orElse(null),
                                PartnerDirectory::isKey));
        return WebResponse.html(
                200,
                StaffPartnerPages.list(
                        who, appointing.roles(who), listing.choices(), filter, listing.page()));
    }

    private APIGatewayV2HTTPResponse role(StaffRequest req) {
        Role role = appointing.role(req.member(), roleId(req));
        return WebResponse.html(
                200,
                StaffPartnerPages.role(
                        req.member(),
                        role,
                        appointing.candidates(req.member(), roleId(req)),
                        null));
    }

    /** The partner record once appointed; the appointment form before. */
    private APIGatewayV2HTTPResponse show(StaffRequest req) {
        StaffMember who = req.member();
        Role role = appointing.role(who, roleId(req));
        Application a = appointing.application(who, roleId(req), reference(req));
        Optional<Appointment> p = appointing.appointment(who, reference(req));
        if (p.isPresent()) {
            Partner partner = changes.partner(p.get().id());
            return WebResponse.html(
                    200,
                    StaffPartnerPages.record(
                            who,
                            role,
                            a,
                            partner,
                            history.trailOf(partner.auditRecord()),
                            NOTICES.on(req).orElse(null),
                            attendance.apply(who, partner)));
        }
        if (a.status() != Application.Status.REFERENCES_RECEIVED)
            throw new NotFound("application not ready to appoint");
        return WebResponse.html(
                200,
                StaffPartnerPages.form(
                        who, appointing.form(who, roleId(req), reference(req), null), null, null));
    }

    private APIGatewayV2HTTPResponse appoint(StaffRequest req) {
        Map<String, String> posted = req.web().form();
        StaffMember who = req.member();
        Appointing.Result result;
        try {
            result = appointing.appoint(who, roleId(req), reference(req), posted);
        } catch (Application.ChangedMeanwhile changed) {
            // Someone else changed the application after this form was read: nothing was saved.
            // The form again, drawn from the application as it is now, with what was entered.
            Map<String, String> now = new HashMap<>(posted);
            now.put(Version.FIELD, changed.current().version());
            return WebResponse.html(
                    409,
                    StaffPartnerPages.form(
                            who,
                            appointing.form(who, roleId(req), reference(req), now),
                            null,
                            changed.getMessage()));
        }
        if (result instanceof Appointing.Result.Appointed done) {
            return WebResponse.seeOther(
                    NOTICES.after(
                            StaffPaths.PARTNER_CANDIDATE.fill(roleId(req), reference(req)),
                            "appointed"));
        }
        if (result instanceof Appointing.Result.Invalid invalid) {
            return WebResponse.html(
                    400,
                    StaffPartnerPages.form(
                            who,
                            appointing.form(who, roleId(req), reference(req), posted),
                            invalid.errors(),
                            null));
        }
        return WebResponse.html(
                409,
                StaffPartnerPages.form(
                        who,
                        appointing.form(who, roleId(req), reference(req), posted),
                        null,
                        ((Appointing.Result.Refused) result).reason()));
    }

    /** A step staff take for a partner (or record for them): the form. */
    private APIGatewayV2HTTPResponse stepForm(StaffRequest req) {
        String step = req.web().pathParameter("step");
        if (tenure != null && TENURE_STEPS.contains(step))
            return WebResponse.html(
                    200, TenurePages.review(reviewPage(req, partner(req), Map.of(), null, null)));
        if (checkIns != null && CheckInLetters.STEP.equals(step))
            return WebResponse.html(
                    200,
                    CheckInPages.checkIn(checkInPage(req, partner(req), Map.of(), null, null)));
        if (!PartnerChanges.staffStep(step)) throw new NotFound("step");
        Partner p = partner(req);
        return WebResponse.html(
                200,
                PartnerPages.step(step(req, p, step, PartnerChanges.values(p, step), null, null)));
    }

    private APIGatewayV2HTTPResponse act(StaffRequest req) {
        String step = req.web().pathParameter("step");
        if (tenure != null && TENURE_STEPS.contains(step)) return tenureAct(req, step);
        if (checkIns != null && CheckInLetters.STEP.equals(step)) return recordCheckIn(req);
        if (!PartnerChanges.staffStep(step)) throw new NotFound("step");
        Partner p = partner(req);
        Map<String, String> posted = req.web().form();
        PartnerChanges.Result result;
        try {
            result = changes.act(PartnerChanges.Actor.staff(req.member()), p.id(), step, posted);
        } catch (PartnerChanges.ChangedMeanwhile changed) {
            // Someone else changed the record after this form was read: nothing was saved. The
            // form drawn from the record as it is now, with the reason at the top.
            Partner now = changed.current();
            return WebResponse.html(
                    409,
                    PartnerPages.step(
                            step(
                                    req,
                                    now,
                                    step,
                                    PartnerChanges.values(now, step),
                                    null,
                                    changed.getMessage())));
        }
        if (result instanceof PartnerChanges.Result.Done done)
            return WebResponse.seeOther(
                    NOTICES.after(
                            StaffPaths.PARTNER_CANDIDATE.fill(roleId(req), reference(req)),
                            "staff." + done.notice()));
        if (result instanceof PartnerChanges.Result.Invalid invalid)
            return WebResponse.html(
                    400,
                    PartnerPages.step(
                            step(req, p, step, invalid.values(), invalid.errors(), null)));
        return WebResponse.html(
                409,
                PartnerPages.step(
                        step(
                                req,
                                p,
                                step,
                                posted,
                                null,
                                ((PartnerChanges.Result.Refused) result).reason())));
    }

    /** The team's record of the annual check-in's conversation. */
    private APIGatewayV2HTTPResponse recordCheckIn(StaffRequest req) {
        Partner p = partner(req);
        Map<String, String> posted = req.web().form();
        CheckInDesk.Result result =
                checkIns.staffRecords(
                        req.member(),
                        p.id(),
                        posted.get(CheckInDesk.NOTES),
                        posted.get(Version.FIELD));
        if (result instanceof CheckInDesk.Result.Done)
            return WebResponse.seeOther(
                    CHECK_IN_NOTICES.after(
                            StaffPaths.PARTNER_STEP.fill(
                                    roleId(req), reference(req), CheckInLetters.STEP),
                            "checkIn.recorded"));
        if (result instanceof CheckInDesk.Result.Invalid invalid)
            return WebResponse.html(
                    400, CheckInPages.checkIn(checkInPage(req, p, posted, invalid.errors(), null)));
        return WebResponse.html(
                409,
                CheckInPages.checkIn(
                        checkInPage(
                                req,
                                p,
                                posted,
                                null,
                                ((CheckInDesk.Result.Refused) result).reason())));
    }

    private CheckInPages.Page checkInPage(
            StaffRequest req,
            Partner p,
            Map<String, String> values,
            org.involve.core.kit.FieldErrors errors,
            String problem) {
        return new CheckInPages.Page(
                StaffLayout.chrome(req.member(), StaffPartnerPages.AREA, false),
                true,
                StaffPaths.PARTNER_STEP.fill(roleId(req), reference(req), CheckInLetters.STEP),
                StaffPaths.PARTNER_CANDIDATE.fill(roleId(req), reference(req)),
                p,
                changes.role(p),
                checkIns.latest(p).orElse(null),
                values,
                errors,
                problem,
                problem == null && errors == null ? CHECK_IN_NOTICES.on(req).orElse(null) : null);
    }

    /** The team's answer to the tenure review, or the extension. */
    private APIGatewayV2HTTPResponse tenureAct(StaffRequest req, String step) {
        Partner p = partner(req);
        Map<String, String> posted = req.web().form();
        TenureDesk.Result result;
        try {
            result =
                    TenurePages.EXTEND_STEP.equals(step)
                            ? tenure.extend(req.member(), p.id(), posted.get(Version.FIELD))
                            : tenure.staffAnswers(
                                    req.member(),
                                    p.id(),
                                    posted.get(TenureDesk.ANSWER),
                                    posted.get(Version.FIELD));
        } catch (org.involve.core.kit.Refused changed) {
            // Someone else changed the record after this page was read: nothing was saved.
            Partner now = changes.partner(p.id());
            return WebResponse.html(
                    409,
                    TenurePages.review(reviewPage(req, now, posted, null, changed.getMessage())));
        }
        if (result instanceof TenureDesk.Result.Done done)
            return WebResponse.seeOther(
                    TENURE_NOTICES.after(
                            StaffPaths.PARTNER_STEP.fill(
                                    roleId(req), reference(req), TenurePages.REVIEW_STEP),
                            "tenure." + done.notice()));
        Partner now = changes.partner(p.id());
        if (result instanceof TenureDesk.Result.Invalid invalid)
            return WebResponse.html(
                    400, TenurePages.review(reviewPage(req, now, posted, invalid.errors(), null)));
        return WebResponse.html(
                409,
                TenurePages.review(
                        reviewPage(
                                req,
                                now,
                                posted,
                                null,
                                ((TenureDesk.Result.Refused) result).reason())));
    }

    private TenurePages.Page reviewPage(
            StaffRequest req,
            Partner p,
            Map<String, String> values,
            org.involve.core.kit.FieldErrors errors,
            String problem) {
        return new TenurePages.Page(
                StaffLayout.chrome(req.member(), StaffPartnerPages.AREA, false),
                StaffPaths.PARTNER_STEP.fill(roleId(req), reference(req), TenurePages.REVIEW_STEP),
                StaffPaths.PARTNER_STEP.fill(roleId(req), reference(req), TenurePages.EXTEND_STEP),
                StaffPaths.PARTNER_CANDIDATE.fill(roleId(req), reference(req)),
                p,
                changes.role(p),
                tenure.review(p).orElse(null),
                values,
                errors,
                problem,
                problem == null && errors == null ? TENURE_NOTICES.on(req).orElse(null) : null);
    }

    /** The partner of this role and application (the application must be this role's). */
    private Partner partner(StaffRequest req) {
        appointing.application(req.member(), roleId(req), reference(req));
        Appointment a =
                appointing
                        .appointment(req.member(), reference(req))
                        .orElseThrow(() -> new NotFound("not appointed"));
        return changes.partner(a.id());
    }

    private PartnerPages.Step step(
            StaffRequest req,
            Partner p,
            String step,
            Map<String, String> values,
            org.involve.core.kit.FieldErrors errors,
            String problem) {
        return new PartnerPages.Step(
                StaffLayout.chrome(req.member(), StaffPartnerPages.AREA, false),
                step,
                StaffPaths.PARTNER_STEP.fill(roleId(req), reference(req), step),
                StaffPaths.PARTNER_CANDIDATE.fill(roleId(req), reference(req)),
                p,
                changes.role(p),
                values,
                errors,
                problem,
                p.involvement().name());
    }

    private static String roleId(StaffRequest req) {
        return req.web().pathParameter("roleId");
    }

    private static String reference(StaffRequest req) {
        return req.web().pathParameter("reference");
    }
}

package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import org.involve.core.impact.ImpactEntry;
import org.involve.core.impact.ImpactLog;
import org.involve.core.impact.ImpactReports;
import org.involve.core.impact.YearReport;
import org.involve.core.paths.StaffPaths;
import org.involve.core.role.Role;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;
import org.involve.handlers.http.Routes;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.staff.Notices;
import org.involve.handlers.staff.StaffHandler;
import org.involve.handlers.staff.StaffRequest;
import org.involve.handlers.views.ImpactPages;

/**
 * The impact pages of a group: its log ("you said, we did"), recording and changing an entry, sending the new entries
 * to its partners, and its end-of-year report as a printable page and a CSV. Staff who plan meetings only
 * (Permission.MANAGE_MEETINGS); the rules are core's {@link ImpactLog} and {@link ImpactReports}.
 */
public class StaffImpactHandler extends StaffHandler<StaffImpactHandler> {
    static final Routes<StaffImpactHandler, StaffRequest> ROUTES =
            Routes.<StaffImpactHandler, StaffRequest>table()
                    .get(StaffPaths.IMPACT, StaffImpactHandler::log)
                    .get(StaffPaths.IMPACT_NEW, StaffImpactHandler::newForm)
                    .post(StaffPaths.IMPACT_NEW, StaffImpactHandler::record)
                    .get(StaffPaths.IMPACT_ENTRY, StaffImpactHandler::changeForm)
                    .post(StaffPaths.IMPACT_ENTRY, StaffImpactHandler::change)
                    .post(StaffPaths.IMPACT_SEND, StaffImpactHandler::send)
                    .get(StaffPaths.IMPACT_REPORT, StaffImpactHandler::report)
                    .get(StaffPaths.IMPACT_REPORT_CSV, StaffImpactHandler::csv);
    private static final Notices NOTICES =
            Notices.of("impact", "recorded", "changed", "sent", "nothingNew");
    private final ImpactLog log;
    private final ImpactReports reports;

    public StaffImpactHandler() {
        this(Beans.get(ImpactLog.class), Beans.get(ImpactReports.class));
        Priming.register("StaffImpactFunction", this::prime);
    }

    public StaffImpactHandler(ImpactLog log, ImpactReports reports) {
        super("staff-impact", Permission.MANAGE_MEETINGS, ROUTES);
        this.log = log;
        this.reports = reports;
    }

    private APIGatewayV2HTTPResponse log(StaffRequest req) {
        StaffMember who = req.member();
        ImpactLog.LogPage page = log.page(who, roleId(req));
        return WebResponse.html(
                200,
                ImpactPages.log(
                        who,
                        page.role(),
                        page.entries(),
                        page.meetingsById(),
                        page.unsent(),
                        page.byEmail(),
                        page.notByEmail(),
                        reports.thisYear(),
                        NOTICES.on(req).orElse(null)));
    }

    private APIGatewayV2HTTPResponse newForm(StaffRequest req) {
        Role role = log.role(req.member(), roleId(req));
        return WebResponse.html(
                200,
                ImpactPages.entry(
                        req.member(),
                        role,
                        null,
                        log.meetingsHeld(role.id()),
                        Map.of(),
                        null,
                        null));
    }

    private APIGatewayV2HTTPResponse record(StaffRequest req) {
        Map<String, String> posted = req.web().form();
        ImpactLog.Result result = log.record(req.member(), roleId(req), posted);
        if (result instanceof ImpactLog.Result.Invalid bad) {
            Role role = log.role(req.member(), roleId(req));
            return WebResponse.html(
                    400,
                    ImpactPages.entry(
                            req.member(),
                            role,
                            null,
                            log.meetingsHeld(role.id()),
                            posted,
                            bad.errors(),
                            null));
        }
        return WebResponse.seeOther(NOTICES.after(StaffPaths.IMPACT.fill(roleId(req)), "recorded"));
    }

    private APIGatewayV2HTTPResponse changeForm(StaffRequest req) {
        StaffMember who = req.member();
        Role role = log.role(who, roleId(req));
        ImpactEntry e = log.entry(who, role.id(), entryId(req));
        return WebResponse.html(
                200,
                ImpactPages.entry(
                        who,
                        role,
                        e,
                        log.meetingsHeld(role.id()),
                        ImpactPages.values(e),
                        null,
                        null));
    }

    private APIGatewayV2HTTPResponse change(StaffRequest req) {
        StaffMember who = req.member();
        Role role = log.role(who, roleId(req));
        Map<String, String> posted = req.web().form();
        try {
            ImpactLog.Result result = log.change(who, role.id(), entryId(req), posted);
            if (result instanceof ImpactLog.Result.Invalid bad)
                return WebResponse.html(
                        400,
                        ImpactPages.entry(
                                who,
                                role,
                                log.entry(who, role.id(), entryId(req)),
                                log.meetingsHeld(role.id()),
                                posted,
                                bad.errors(),
                                null));
        } catch (ImpactLog.ChangedMeanwhile stale) {
            // the entry as it is now (its version, so saving again is from what they now see), with
            // what they typed
            ImpactEntry now = log.entry(who, role.id(), entryId(req));
            return WebResponse.html(
                    409,
                    ImpactPages.entry(
                            who,
                            role,
                            now,
                            log.meetingsHeld(role.id()),
                            posted,
                            null,
                            stale.getMessage()));
        }
        return WebResponse.seeOther(NOTICES.after(StaffPaths.IMPACT.fill(role.id()), "changed"));
    }

    private APIGatewayV2HTTPResponse send(StaffRequest req) {
        ImpactLog.Sent sent = log.send(req.member(), roleId(req));
        return WebResponse.seeOther(
                NOTICES.after(
                        StaffPaths.IMPACT.fill(roleId(req)),
                        sent.entries() == 0 ? "nothingNew" : "sent"));
    }

    private APIGatewayV2HTTPResponse report(StaffRequest req) {
        YearReport r = reports.report(req.member(), roleId(req), req.web().pathParameter("year"));
        return WebResponse.html(200, ImpactPages.report(req.member(), r.role(), r));
    }

    private APIGatewayV2HTTPResponse csv(StaffRequest req) {
        YearReport r = reports.report(req.member(), roleId(req), req.web().pathParameter("year"));
        return WebResponse.csv("impact-report-" + r.year().slug() + ".csv", r.csv());
    }

    private static String roleId(StaffRequest req) {
        return req.web().pathParameter("roleId");
    }

    private static String entryId(StaffRequest req) {
        return req.web().pathParameter("entryId");
    }
}

package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import org.involve.core.monitoring.MonitoringByCode;
import org.involve.core.paths.StaffPaths;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;
import org.involve.handlers.http.Routes;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.staff.StaffHandler;
import org.involve.handlers.staff.StaffRequest;
import org.involve.handlers.views.MonitoringPages;

/**
 * Staff enter equal opportunities answers an applicant gave by telephone or on paper, with the applicant's short
 * code: Permission.ENTER_MONITORING_ANSWERS, never for a role whose panel they are on. Its function can add answers
 * and spend codes, but read no answers and no application.
 */
public class StaffMonitoringEntryHandler extends StaffHandler<StaffMonitoringEntryHandler> {
    static final Routes<StaffMonitoringEntryHandler, StaffRequest> ROUTES =
            Routes.<StaffMonitoringEntryHandler, StaffRequest>table()
                    .get(StaffPaths.MONITORING_ENTRY, StaffMonitoringEntryHandler::start)
                    .post(StaffPaths.MONITORING_ENTRY, StaffMonitoringEntryHandler::open)
                    .post(StaffPaths.MONITORING_ENTRY_ANSWERS, StaffMonitoringEntryHandler::save);
    private final MonitoringByCode byCode;

    public StaffMonitoringEntryHandler() {
        this(Beans.get(MonitoringByCode.class));
        Priming.register("StaffMonitoringEntryFunction", this::prime);
    }

    public StaffMonitoringEntryHandler(MonitoringByCode byCode) {
        super("staff-monitoring-entry", Permission.ENTER_MONITORING_ANSWERS, ROUTES);
        this.byCode = byCode;
    }

    private APIGatewayV2HTTPResponse start(StaffRequest req) {
        return WebResponse.html(200, MonitoringPages.staffCode(req.member(), null, null));
    }

    private APIGatewayV2HTTPResponse open(StaffRequest req) {
        String typed = req.web().form().getOrDefault("code", "").strip();
        if (typed.isEmpty())
            return WebResponse.html(400, MonitoringPages.staffCode(req.member(), "", "missing"));
        return answer(req.member(), byCode.openForStaff(req.member(), typed), typed);
    }

    private APIGatewayV2HTTPResponse save(StaffRequest req) {
        Map<String, String> posted = req.web().form();
        String typed = posted.getOrDefault("code", "");
        return answer(req.member(), byCode.submitForStaff(req.member(), typed, posted), typed);
    }

    private static APIGatewayV2HTTPResponse answer(
            StaffMember member, MonitoringByCode.Result result, String typed) {
        if (result instanceof MonitoringByCode.Result.Open open)
            return WebResponse.html(
                    200, MonitoringPages.staffForm(member, open.code(), Map.of(), null));
        if (result instanceof MonitoringByCode.Result.Invalid invalid)
            return WebResponse.html(
                    400,
                    MonitoringPages.staffForm(
                            member, invalid.code(), invalid.values(), invalid.errors()));
        if (result instanceof MonitoringByCode.Result.Recorded)
            return WebResponse.html(200, MonitoringPages.staffSaved(member));
        if (result instanceof MonitoringByCode.Result.TooManyTries)
            return WebResponse.html(429, MonitoringPages.staffCode(member, typed, "tooMany"));
        if (result instanceof MonitoringByCode.Result.OnPanel)
            return WebResponse.html(403, MonitoringPages.staffCode(member, typed, "onPanel"));
        if (result instanceof MonitoringByCode.Result.Closed)
            return WebResponse.html(410, MonitoringPages.staffCode(member, typed, "closed"));
        // Unknown, mistyped, expired and used codes all get the same page.
        return WebResponse.html(400, MonitoringPages.staffCode(member, typed, "notUsable"));
    }
}

package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.involve.core.equality.EqualityReport;
import org.involve.core.paths.StaffPaths;
import org.involve.core.staff.Permission;
import org.involve.handlers.http.Routes;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.staff.StaffHandler;
import org.involve.handlers.staff.StaffRequest;
import org.involve.handlers.views.EqualityCsv;
import org.involve.handlers.views.StaffEqualityPages;

/**
 * The equality report (read only): for a role or its programme, how people answered each equal-opportunities question
 * at each stage, as tables, charts and a CSV file, small numbers suppressed. Staff with
 * Permission.VIEW_MONITORING_REPORTS only; its function is the only one that may read the monitoring table.
 */
public class StaffEqualityHandler extends StaffHandler<StaffEqualityHandler> {
    static final Routes<StaffEqualityHandler, StaffRequest> ROUTES =
            Routes.<StaffEqualityHandler, StaffRequest>table()
                    .get(StaffPaths.EQUALITY, StaffEqualityHandler::index)
                    .get(StaffPaths.EQUALITY_ROLE, StaffEqualityHandler::role)
                    .get(StaffPaths.EQUALITY_ROLE_CSV, StaffEqualityHandler::roleCsv)
                    .get(StaffPaths.EQUALITY_PROGRAMME, StaffEqualityHandler::programme)
                    .get(StaffPaths.EQUALITY_PROGRAMME_CSV, StaffEqualityHandler::programmeCsv);
    private final EqualityReport report;

    public StaffEqualityHandler() {
        this(Beans.get(EqualityReport.class));
        Priming.register("StaffEqualityFunction", this::prime);
    }

    public StaffEqualityHandler(EqualityReport report) {
        super("staff-equality", Permission.VIEW_MONITORING_REPORTS, ROUTES);
        this.report = report;
    }

    private APIGatewayV2HTTPResponse index(StaffRequest req) {
        return WebResponse.html(
                200,
                StaffEqualityPages.index(
                        req.member(), report.programmes(req.member()), report.threshold()));
    }

    private APIGatewayV2HTTPResponse role(StaffRequest req) {
        String roleId = roleId(req);
        return WebResponse.html(
                200,
                StaffEqualityPages.report(
                        req.member(),
                        report.forRole(req.member(), roleId),
                        StaffPaths.EQUALITY_ROLE_CSV.fill(roleId)));
    }

    private APIGatewayV2HTTPResponse programme(StaffRequest req) {
        String roleId = roleId(req);
        return WebResponse.html(
                200,
                StaffEqualityPages.report(
                        req.member(),
                        report.forProgramme(req.member(), roleId),
                        StaffPaths.EQUALITY_PROGRAMME_CSV.fill(roleId)));
    }

    private APIGatewayV2HTTPResponse roleCsv(StaffRequest req) {
        return WebResponse.csv(
                "equality-report-role.csv",
                EqualityCsv.of(report.forRole(req.member(), roleId(req))));
    }

    private APIGatewayV2HTTPResponse programmeCsv(StaffRequest req) {
        return WebResponse.csv(
                "equality-report-programme.csv",
                EqualityCsv.of(report.forProgramme(req.member(), roleId(req))));
    }

    private static String roleId(StaffRequest req) {
        return req.web().pathParameter("roleId");
    }
}

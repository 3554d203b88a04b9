package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.involve.core.kit.NotFound;
import org.involve.core.kit.Refused;
import org.involve.core.kit.Version;
import org.involve.core.paths.StaffPaths;
import org.involve.core.payroll.FinanceDesk;
import org.involve.core.staff.Permission;
import org.involve.handlers.http.Routes;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.staff.Notices;
import org.involve.handlers.staff.StaffHandler;
import org.involve.handlers.staff.StaffRequest;
import org.involve.handlers.views.FinancePages;

/**
 * The finance pages (Permission.RECEIVE_PAYMENTS): the payroll exports, one export with its payments, its CSV for
 * payroll (read from the private bucket through this function), and marking it paid on the version read. The rules
 * are core's {@link FinanceDesk}.
 */
public class StaffFinanceHandler extends StaffHandler<StaffFinanceHandler> {
    static final Routes<StaffFinanceHandler, StaffRequest> ROUTES =
            Routes.<StaffFinanceHandler, StaffRequest>table()
                    .get(StaffPaths.FINANCE, StaffFinanceHandler::exports)
                    .get(StaffPaths.FINANCE_EXPORT, StaffFinanceHandler::export)
                    .get(StaffPaths.FINANCE_EXPORT_CSV, StaffFinanceHandler::csv)
                    .post(StaffPaths.FINANCE_EXPORT_PAID, StaffFinanceHandler::markPaid);
    private static final Notices NOTICES = Notices.of("payroll", "paid");
    private final FinanceDesk desk;

    public StaffFinanceHandler() {
        this(Beans.get(FinanceDesk.class));
    }

    public StaffFinanceHandler(FinanceDesk desk) {
        super("staff-finance", Permission.RECEIVE_PAYMENTS, ROUTES);
        this.desk = desk;
    }

    private APIGatewayV2HTTPResponse exports(StaffRequest req) {
        return WebResponse.html(
                200, FinancePages.exports(req.member(), desk.exports(req.member())));
    }

    private APIGatewayV2HTTPResponse export(StaffRequest req) {
        return WebResponse.html(
                200,
                FinancePages.export(
                        req.member(),
                        desk.export(req.member(), exportId(req)),
                        NOTICES.on(req).orElse(null),
                        null));
    }

    private APIGatewayV2HTTPResponse csv(StaffRequest req) {
        String id = exportId(req);
        return WebResponse.csv("payroll-" + id + ".csv", desk.csv(req.member(), id));
    }

    private APIGatewayV2HTTPResponse markPaid(StaffRequest req) {
        String id = exportId(req);
        try {
            desk.markPaid(req.member(), id, version(req.web().form().get(Version.FIELD)));
        } catch (Refused r) {
            return WebResponse.html(
                    409,
                    FinancePages.export(
                            req.member(), desk.export(req.member(), id), null, r.getMessage()));
        }
        return WebResponse.seeOther(NOTICES.after(StaffPaths.FINANCE_EXPORT.fill(id), "paid"));
    }

    private static String exportId(StaffRequest req) {
        String id = req.web().pathParameter("exportId");
        if (id == null || !id.matches("\\d{4}-\\d{2}")) throw new NotFound("export");
        return id;
    }

    /** A version that is not a number matches no export, so the change is refused as stale. */
    private static long version(String posted) {
        try {
            return posted == null ? -1 : Long.parseLong(posted.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

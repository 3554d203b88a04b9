package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.involve.core.audit.AuditViewer;
import org.involve.core.paths.StaffPaths;
import org.involve.core.staff.Permission;
import org.involve.handlers.http.Routes;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.staff.StaffHandler;
import org.involve.handlers.staff.StaffRequest;
import org.involve.handlers.views.StaffAuditPages;

/**
 * The audit trail viewer (read only): everything recorded about a role, an application or a partner, newest first, a
 * page at a time. A GET form, so a look-up can be bookmarked and changes nothing. Staff with
 * Permission.VIEW_AUDIT_TRAIL only; its function may only Query the audit table.
 */
public class StaffAuditHandler extends StaffHandler<StaffAuditHandler> {
    static final Routes<StaffAuditHandler, StaffRequest> ROUTES =
            Routes.<StaffAuditHandler, StaffRequest>table()
                    .get(StaffPaths.AUDIT, StaffAuditHandler::trail);
    private final AuditViewer viewer;

    public StaffAuditHandler() {
        this(Beans.get(AuditViewer.class));
        Priming.register("StaffAuditFunction", this::prime);
    }

    public StaffAuditHandler(AuditViewer viewer) {
        super("staff-audit", Permission.VIEW_AUDIT_TRAIL, ROUTES);
        this.viewer = viewer;
    }

    private APIGatewayV2HTTPResponse trail(StaffRequest req) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String name : new String[] {"kind", "id", "after"})
            req.web().query(name).ifPresent(v -> query.put(name, v));
        AuditViewer.Result result = viewer.look(req.member(), query);
        int status =
                result instanceof AuditViewer.Result.Asking a && a.errors() != null ? 400 : 200;
        return WebResponse.html(status, StaffAuditPages.trail(req.member(), result));
    }
}

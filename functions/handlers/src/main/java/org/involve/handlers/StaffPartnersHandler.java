package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.involve.core.application.Application;
import org.involve.core.outcomes.Appointing;
import org.involve.core.partners.Appointment;
import org.involve.core.role.Role;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.staff.StaffErrors;
import org.involve.handlers.staff.StaffNotFound;
import org.involve.handlers.staff.StaffRequest;
import org.involve.handlers.views.StaffPartnerPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;

/**
 * The partner pages: roles with people to appoint, a role's applicants and partners, appointing one (the start date,
 * payment accepted or declined, stepping down at the paid-role limit) and the partner record. Staff only
 * (Permission.APPOINT_PARTNERS); the rules are core's {@link Appointing} and {@link Appointment}.
 */
public class StaffPartnersHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(StaffPartnersHandler.class);
    private final Appointing appointing;

    public StaffPartnersHandler() {
        this(Beans.get(Appointing.class));
    }

    public StaffPartnersHandler(Appointing appointing) {
        this.appointing = appointing;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return StaffErrors.guard(event, "staff-partners", this::route);
    }

    private APIGatewayV2HTTPResponse route(StaffRequest req) {
        StaffMember who = req.require(Permission.APPOINT_PARTNERS);
        String roleId = req.web().pathParameter("roleId");
        String reference = req.web().pathParameter("reference");
        try {
            return switch (req.web().routeKey()) {
                case "GET /staff/partners" -> WebResponse.html(200, StaffPartnerPages.list(who, appointing.roles(who)));
                case "GET /staff/partners/{roleId}" -> {
                    Role role = appointing.role(who, roleId);
                    yield WebResponse.html(200, StaffPartnerPages.role(who, role, appointing.candidates(who, roleId), null));
                }
                case "GET /staff/partners/{roleId}/{reference}" -> show(who, roleId, reference, req.web().query("done").isPresent());
                case "POST /staff/partners/{roleId}/{reference}" -> {
                    Map<String, String> posted = req.web().form();
                    Appointing.Result result = appointing.appoint(who, roleId, reference, posted);
                    if (result instanceof Appointing.Result.Appointed done) {
                        yield WebResponse.seeOther("/staff/partners/" + roleId + "/" + reference + "?done=appointed");
                    }
                    if (result instanceof Appointing.Result.Invalid invalid) {
                        yield WebResponse.html(400, StaffPartnerPages.form(who, appointing.form(who, roleId, reference, posted), invalid.errors(), null));
                    }
                    yield WebResponse.html(409, StaffPartnerPages.form(who, appointing.form(who, roleId, reference, posted), null,
                            ((Appointing.Result.Refused) result).reason()));
                }
                default -> throw new StaffNotFound(req.web().routeKey());
            };
        } catch (Appointing.NotFound e) {
            throw new StaffNotFound("role or application");
        }
    }

    /** The partner record once appointed; the appointment form before. */
    private APIGatewayV2HTTPResponse show(StaffMember who, String roleId, String reference, boolean justAppointed) {
        Role role = appointing.role(who, roleId);
        Application a = appointing.application(who, roleId, reference);
        Optional<Appointment> p = appointing.appointment(who, reference);
        if (p.isPresent()) {
            return WebResponse.html(200, StaffPartnerPages.record(who, role, a, p.get(), justAppointed ? "Appointed. Their partner record is below." : null));
        }
        if (a.status() != Application.Status.REFERENCES_RECEIVED) {
            throw new StaffNotFound("not ready to appoint");
        }
        return WebResponse.html(200, StaffPartnerPages.form(who, appointing.form(who, roleId, reference, null), null, null));
    }
}

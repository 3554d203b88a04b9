package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.involve.core.application.Application;
import org.involve.core.kit.NotFound;
import org.involve.core.kit.Version;
import org.involve.core.outcomes.Appointing;
import org.involve.core.partners.Appointment;
import org.involve.core.paths.StaffPaths;
import org.involve.core.role.Role;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;
import org.involve.handlers.http.Routes;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.staff.Notices;
import org.involve.handlers.staff.StaffHandler;
import org.involve.handlers.staff.StaffRequest;
import org.involve.handlers.views.StaffPartnerPages;

/**
 * The partner pages: roles with people to appoint, a role's applicants and partners, appointing one (the start date,
 * payment accepted or declined, stepping down at the paid-role limit) and the partner record. Staff only
 * (Permission.APPOINT_PARTNERS); the rules are core's {@link Appointing} and {@link Appointment}.
 */
public class StaffPartnersHandler extends StaffHandler<StaffPartnersHandler> {
    static final Routes<StaffPartnersHandler, StaffRequest> ROUTES =
            Routes.<StaffPartnersHandler, StaffRequest>table()
                    .get(StaffPaths.PARTNERS, StaffPartnersHandler::roles)
                    .get(StaffPaths.PARTNERS_ROLE, StaffPartnersHandler::role)
                    .get(StaffPaths.PARTNER_CANDIDATE, StaffPartnersHandler::show)
                    .post(StaffPaths.PARTNER_CANDIDATE, StaffPartnersHandler::appoint);
    private static final Notices NOTICES = Notices.of("partners", "appointed");
    private final Appointing appointing;

    public StaffPartnersHandler() {
        this(Beans.get(Appointing.class));
    }

    public StaffPartnersHandler(Appointing appointing) {
        super("staff-partners", Permission.APPOINT_PARTNERS, ROUTES);
        this.appointing = appointing;
    }

    private APIGatewayV2HTTPResponse roles(StaffRequest req) {
        return WebResponse.html(
                200, StaffPartnerPages.list(req.member(), appointing.roles(req.member())));
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
            boolean justAppointed = req.web().query("done").isPresent();
            return WebResponse.html(
                    200,
                    StaffPartnerPages.record(
                            who,
                            role,
                            a,
                            p.get(),
                            justAppointed ? NOTICES.text("appointed") : null));
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

    private static String roleId(StaffRequest req) {
        return req.web().pathParameter("roleId");
    }

    private static String reference(StaffRequest req) {
        return req.web().pathParameter("reference");
    }
}

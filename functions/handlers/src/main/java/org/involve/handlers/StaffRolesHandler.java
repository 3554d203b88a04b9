package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.HashMap;
import java.util.Map;
import org.involve.core.kit.Refused;
import org.involve.core.kit.Words;
import org.involve.core.paths.StaffPaths;
import org.involve.core.role.Role;
import org.involve.core.role.RoleForm;
import org.involve.core.role.RoleManagement;
import org.involve.core.role.RoleManagement.ChangedMeanwhile;
import org.involve.core.role.RoleManagement.Done;
import org.involve.core.role.RoleManagement.Invalid;
import org.involve.core.role.RoleManagement.Saved;
import org.involve.core.role.RoleReadingAge;
import org.involve.core.role.RoleStatus;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;
import org.involve.handlers.http.Routes;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.staff.Notices;
import org.involve.handlers.staff.StaffHandler;
import org.involve.handlers.staff.StaffRequest;
import org.involve.handlers.views.StaffPages;
import org.involve.handlers.views.StaffRolePages;

/**
 * The staff role pages: list every role with its applications, create and change a role, publish, withdraw and extend
 * its closing date. Only the staff group may (Permission.MANAGE_ROLES, checked here and again in core); the rules are
 * core's {@link RoleManagement}; every change is written with its audit entry.
 */
public class StaffRolesHandler extends StaffHandler<StaffRolesHandler> {
    static final Routes<StaffRolesHandler, StaffRequest> ROUTES =
            Routes.<StaffRolesHandler, StaffRequest>table()
                    .get(StaffPaths.ROLES, StaffRolesHandler::list)
                    .get(StaffPaths.ROLE_NEW, StaffRolesHandler::newForm)
                    .post(StaffPaths.ROLES, StaffRolesHandler::create)
                    .get(StaffPaths.ROLE, StaffRolesHandler::show)
                    .get(StaffPaths.ROLE_EDIT, StaffRolesHandler::editForm)
                    .post(StaffPaths.ROLE_EDIT, StaffRolesHandler::edit)
                    .post(StaffPaths.ROLE_PUBLISH, StaffRolesHandler::publish)
                    .get(StaffPaths.ROLE_WITHDRAW, StaffRolesHandler::confirmWithdraw)
                    .post(StaffPaths.ROLE_WITHDRAW, StaffRolesHandler::withdraw)
                    .get(StaffPaths.ROLE_EXTEND, StaffRolesHandler::extendForm)
                    .post(StaffPaths.ROLE_EXTEND, StaffRolesHandler::extend);
    private static final Notices NOTICES =
            Notices.of("roles", "created", "changed", "published", "withdrawn", "extended");
    private final RoleManagement roles;

    public StaffRolesHandler() {
        this(Beans.get(RoleManagement.class));
    }

    public StaffRolesHandler(RoleManagement roles) {
        super("staff-roles", Permission.MANAGE_ROLES, ROUTES);
        this.roles = roles;
    }

    private APIGatewayV2HTTPResponse list(StaffRequest req) {
        return WebResponse.html(
                200, StaffRolePages.list(req.member(), roles.list(req.member()), null));
    }

    private APIGatewayV2HTTPResponse newForm(StaffRequest req) {
        return WebResponse.html(
                200, StaffRolePages.form(req.member(), null, RoleForm.defaults(), null));
    }

    private APIGatewayV2HTTPResponse create(StaffRequest req) {
        Map<String, String> posted = req.web().form();
        if (posted.containsKey(RoleReadingAge.CHECK))
            return WebResponse.html(200, StaffRolePages.form(req.member(), null, posted, null));
        return saved(req.member(), null, posted, roles.create(req.member(), posted), "created");
    }

    private APIGatewayV2HTTPResponse show(StaffRequest req) {
        return page(req.member(), roleId(req), NOTICES.on(req).orElse(null), null, 200);
    }

    private APIGatewayV2HTTPResponse editForm(StaffRequest req) {
        Role r = roles.role(req.member(), roleId(req));
        return WebResponse.html(
                200, StaffRolePages.form(req.member(), r, StaffRolePages.valuesOf(r), null));
    }

    /**
     * Saves the form if the role is still the version it was read at. If someone else changed it meanwhile, nothing is
     * saved and the form comes back (409) holding the role as it is now, with what this person entered listed above it.
     * A form with mistakes comes back with what was entered and the version it was read at, never a newer one.
     */
    private APIGatewayV2HTTPResponse edit(StaffRequest req) {
        Map<String, String> posted = req.web().form();
        StaffMember who = req.member();
        if (posted.containsKey(RoleReadingAge.CHECK))
            return WebResponse.html(
                    200, StaffRolePages.form(who, roles.role(who, roleId(req)), posted, null));
        Saved result;
        try {
            result = roles.update(who, roleId(req), posted);
        } catch (ChangedMeanwhile changed) {
            Role now = changed.current();
            if (now.status() != RoleStatus.DRAFT && now.status() != RoleStatus.OPEN) throw changed;
            return WebResponse.html(409, StaffRolePages.changedMeanwhile(who, now, posted));
        }
        return saved(who, roles.role(who, roleId(req)), posted, result, "changed");
    }

    private APIGatewayV2HTTPResponse publish(StaffRequest req) {
        String version = req.web().form().get(RoleManagement.VERSION);
        return done(roles.publish(req.member(), roleId(req), version), "published");
    }

    private APIGatewayV2HTTPResponse confirmWithdraw(StaffRequest req) {
        Role r = roles.role(req.member(), roleId(req));
        return WebResponse.html(
                200,
                StaffRolePages.confirmWithdraw(
                        req.member(), r, roles.applications(req.member(), roleId(req))));
    }

    private APIGatewayV2HTTPResponse withdraw(StaffRequest req) {
        String version = req.web().form().get(RoleManagement.VERSION);
        return done(roles.withdraw(req.member(), roleId(req), version), "withdrawn");
    }

    private APIGatewayV2HTTPResponse extendForm(StaffRequest req) {
        StaffMember who = req.require(Permission.EXTEND_CLOSING_DATE);
        Role r = roles.role(who, roleId(req));
        return WebResponse.html(
                200,
                StaffRolePages.extend(who, r, Map.of(RoleManagement.VERSION, r.version()), null));
    }

    /**
     * Extends the closing date if the role is still the version the form was read at. If someone else changed it
     * meanwhile, the form comes back (409) with the closing date as it is now and the date this person typed.
     */
    private APIGatewayV2HTTPResponse extend(StaffRequest req) {
        Map<String, String> posted = req.web().form();
        StaffMember who = req.member();
        Saved result;
        try {
            result = roles.extend(who, roleId(req), posted);
        } catch (ChangedMeanwhile changed) {
            Role now = changed.current();
            if (now.status() != RoleStatus.OPEN) throw changed;
            Map<String, String> values = new HashMap<>(posted);
            values.put(RoleManagement.VERSION, now.version());
            return WebResponse.html(
                    409, StaffRolePages.extend(who, now, values, null, changed.getMessage()));
        }
        if (result instanceof Invalid invalid) {
            return WebResponse.html(
                    400,
                    StaffRolePages.extend(
                            who, roles.role(who, roleId(req)), posted, invalid.errors()));
        }
        return done(((Done) result).role(), "extended");
    }

    /** A refused change shows the role with the reason (or, for a role not yet saved, the reason alone). */
    @Override
    protected APIGatewayV2HTTPResponse refused(StaffRequest req, Refused refusal) {
        return page(req.member(), roleId(req), null, refusal.getMessage(), 409);
    }

    private static String roleId(StaffRequest req) {
        return req.web().pathParameter("roleId");
    }

    private APIGatewayV2HTTPResponse saved(
            StaffMember who,
            Role editing,
            Map<String, String> posted,
            Saved result,
            String notice) {
        if (result instanceof Invalid invalid)
            return WebResponse.html(
                    400, StaffRolePages.form(who, editing, posted, invalid.errors()));
        return done(((Done) result).role(), notice);
    }

    private static APIGatewayV2HTTPResponse done(Role role, String notice) {
        return WebResponse.seeOther(NOTICES.after(StaffPaths.ROLE.fill(role.id()), notice));
    }

    private APIGatewayV2HTTPResponse page(
            StaffMember who, String roleId, String notice, String problem, int status) {
        if (roleId == null)
            return WebResponse.html(
                    status,
                    StaffPages.message(
                            who, Words.of("roles").get("error.not-saved.title"), problem));
        Role r = roles.role(who, roleId);
        return WebResponse.html(
                status,
                StaffRolePages.role(who, r, roles.applications(who, roleId), notice, problem));
    }
}

package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.involve.core.role.Role;
import org.involve.core.role.RoleForm;
import org.involve.core.role.RoleManagement;
import org.involve.core.role.RoleManagement.Done;
import org.involve.core.role.RoleManagement.Invalid;
import org.involve.core.role.RoleManagement.Saved;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.staff.StaffErrors;
import org.involve.handlers.staff.StaffNotFound;
import org.involve.handlers.staff.StaffRequest;
import org.involve.handlers.views.StaffPages;
import org.involve.handlers.views.StaffRolePages;

import java.util.Map;

/**
 * The staff role pages: list every role with its applications, create and change a role, publish, withdraw and extend
 * its closing date. Only the staff group may (Permission.MANAGE_ROLES, checked here and again in core); the rules are
 * core's {@link RoleManagement}; every change is written with its audit entry.
 */
public class StaffRolesHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    /** What a finished action says on the page it leads to; the query carries only the key, never text to show. */
    private static final Map<String, String> NOTICES = Map.of(
            "created", "Role saved as a draft. Check it, then publish it.",
            "changed", "Your changes are saved.",
            "published", "Role published. It is now open for applications on the public site.",
            "withdrawn", "Role withdrawn. It is no longer on the public site.",
            "extended", "Closing date extended.");
    private final RoleManagement roles;

    public StaffRolesHandler() {
        this(Beans.get(RoleManagement.class));
    }

    public StaffRolesHandler(RoleManagement roles) {
        this.roles = roles;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return StaffErrors.guard(event, "staff-roles", this::route);
    }

    private APIGatewayV2HTTPResponse route(StaffRequest req) {
        StaffMember who = req.require(Permission.MANAGE_ROLES);
        String roleId = req.web().pathParameter("roleId");
        try {
            return switch (req.web().routeKey()) {
                case "GET /staff/roles" -> WebResponse.html(200, StaffRolePages.list(who, roles.list(who), null));
                case "GET /staff/roles/new" -> WebResponse.html(200, StaffRolePages.form(who, null, RoleForm.defaults(), null));
                case "POST /staff/roles" -> saved(who, null, req.web().form(), roles.create(who, req.web().form()), "created");
                case "GET /staff/roles/{roleId}" -> show(who, roleId, req.web().query("done").map(NOTICES::get).orElse(null), null, 200);
                case "GET /staff/roles/{roleId}/edit" -> {
                    Role r = roles.role(who, roleId);
                    yield WebResponse.html(200, StaffRolePages.form(who, r, RoleForm.valuesOf(r), null));
                }
                case "POST /staff/roles/{roleId}/edit" -> {
                    Map<String, String> posted = req.web().form();
                    yield saved(who, roles.role(who, roleId), posted, roles.update(who, roleId, posted), "changed");
                }
                case "POST /staff/roles/{roleId}/publish" -> {
                    req.web().form();
                    yield done(roles.publish(who, roleId), "published");
                }
                case "GET /staff/roles/{roleId}/withdraw" -> {
                    Role r = roles.role(who, roleId);
                    yield WebResponse.html(200, StaffRolePages.confirmWithdraw(who, r, roles.applications(who, roleId)));
                }
                case "POST /staff/roles/{roleId}/withdraw" -> {
                    req.web().form();
                    yield done(roles.withdraw(who, roleId), "withdrawn");
                }
                case "GET /staff/roles/{roleId}/extend" -> {
                    who.require(Permission.EXTEND_CLOSING_DATE);
                    Role r = roles.role(who, roleId);
                    yield WebResponse.html(200, StaffRolePages.extend(who, r, Map.of(), null));
                }
                case "POST /staff/roles/{roleId}/extend" -> {
                    Map<String, String> posted = req.web().form();
                    Saved result = roles.extend(who, roleId, posted);
                    if (result instanceof Invalid invalid) {
                        yield WebResponse.html(400, StaffRolePages.extend(who, roles.role(who, roleId), posted, invalid.errors()));
                    }
                    yield done(((Done) result).role(), "extended");
                }
                default -> throw new StaffNotFound(req.web().routeKey());
            };
        } catch (RoleManagement.NoSuchRole e) {
            throw new StaffNotFound("role");
        } catch (RoleManagement.Refused e) {
            return show(who, roleId, null, e.getMessage(), 409);
        }
    }

    private APIGatewayV2HTTPResponse saved(StaffMember who, Role editing, Map<String, String> posted, Saved result, String notice) {
        if (result instanceof Invalid invalid) return WebResponse.html(400, StaffRolePages.form(who, editing, posted, invalid.errors()));
        return done(((Done) result).role(), notice);
    }

    private APIGatewayV2HTTPResponse done(Role role, String notice) {
        return WebResponse.seeOther("/staff/roles/" + role.id() + "?done=" + notice);
    }

    private APIGatewayV2HTTPResponse show(StaffMember who, String roleId, String notice, String problem, int status) {
        if (roleId == null) return WebResponse.html(status, StaffPages.message(who, "The role was not saved", problem));
        Role r = roles.role(who, roleId);
        return WebResponse.html(status, StaffRolePages.role(who, r, roles.applications(who, roleId), notice, problem));
    }
}

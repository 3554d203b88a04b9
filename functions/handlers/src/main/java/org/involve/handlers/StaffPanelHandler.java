package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import org.involve.core.kit.Version;
import org.involve.core.paths.StaffPaths;
import org.involve.core.shortlisting.PanelChoice;
import org.involve.core.staff.Permission;
import org.involve.handlers.http.Routes;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.staff.Notices;
import org.involve.handlers.staff.StaffHandler;
import org.involve.handlers.staff.StaffRequest;
import org.involve.handlers.views.PanelPages;

/**
 * Choosing a role's shortlisting panel (Permission.CHOOSE_PANEL, staff group only): the people in the panel group, ticked
 * if they are on the panel now; saving keeps the panel with the role (audited) and, for a role already being
 * shortlisted, e-mails each new member. The rules are core's {@link PanelChoice}.
 */
public class StaffPanelHandler extends StaffHandler<StaffPanelHandler> {
    static final Routes<StaffPanelHandler, StaffRequest> ROUTES =
            Routes.<StaffPanelHandler, StaffRequest>table()
                    .get(StaffPaths.ROLE_PANEL, StaffPanelHandler::form)
                    .post(StaffPaths.ROLE_PANEL, StaffPanelHandler::choose);
    private static final Notices NOTICES =
            Notices.of("shortlisting", "panel-chosen", "panel-chosen-told");
    private final PanelChoice choice;

    public StaffPanelHandler() {
        this(Beans.get(PanelChoice.class));
        Priming.register("StaffPanelFunction", this::prime);
    }

    public StaffPanelHandler(PanelChoice choice) {
        super("staff-panel", Permission.CHOOSE_PANEL, ROUTES);
        this.choice = choice;
    }

    private APIGatewayV2HTTPResponse form(StaffRequest req) {
        return WebResponse.html(
                200,
                PanelPages.choose(
                        req.member(),
                        choice.form(req.member(), roleId(req)),
                        null,
                        null,
                        NOTICES.on(req).orElse(null)));
    }

    private APIGatewayV2HTTPResponse choose(StaffRequest req) {
        Map<String, String> posted = req.web().form();
        List<String> chosen =
                posted.entrySet().stream()
                        .filter(
                                e ->
                                        e.getKey().startsWith(PanelPages.MEMBER_PREFIX)
                                                && "yes".equals(e.getValue()))
                        .map(e -> e.getKey().substring(PanelPages.MEMBER_PREFIX.length()))
                        .toList();
        PanelChoice.Outcome outcome;
        try {
            outcome = choice.choose(req.member(), roleId(req), chosen, posted.get(Version.FIELD));
        } catch (PanelChoice.ChangedMeanwhile changed) {
            // Someone else changed the panel after this form was read: nothing was saved. The
            // panel as it is now, ticked, with whom this person chose listed above it.
            return WebResponse.html(
                    409,
                    PanelPages.changedMeanwhile(
                            req.member(),
                            changed.current(),
                            changed.chosen(),
                            changed.getMessage()));
        }
        if (outcome instanceof PanelChoice.Outcome.Invalid invalid) {
            return WebResponse.html(
                    400,
                    PanelPages.choose(
                            req.member(),
                            choice.form(req.member(), roleId(req)),
                            invalid.chosen(),
                            invalid.error(),
                            null));
        }
        PanelChoice.Outcome.Chosen done = (PanelChoice.Outcome.Chosen) outcome;
        return WebResponse.seeOther(
                NOTICES.after(
                        StaffPaths.ROLE_PANEL.fill(roleId(req)),
                        done.messageIds().isEmpty() ? "panel-chosen" : "panel-chosen-told"));
    }

    private static String roleId(StaffRequest req) {
        return req.web().pathParameter("roleId");
    }
}

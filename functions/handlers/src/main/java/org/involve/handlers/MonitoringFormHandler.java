package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import org.involve.core.monitoring.MonitoringForm;
import org.involve.core.paths.PublicPaths;
import org.involve.handlers.http.Routes;
import org.involve.handlers.http.WebRequest;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.views.MonitoringPages;

/** The equal-opportunities form. Its function can only add answers to the monitoring table. */
public class MonitoringFormHandler extends PublicHandler<MonitoringFormHandler> {
    static final Routes<MonitoringFormHandler, WebRequest> ROUTES =
            Routes.<MonitoringFormHandler, WebRequest>table()
                    .get(PublicPaths.MONITORING, MonitoringFormHandler::show)
                    .post(PublicPaths.MONITORING, MonitoringFormHandler::save);
    private final MonitoringForm form;

    public MonitoringFormHandler() {
        this(Beans.get(MonitoringForm.class));
    }

    public MonitoringFormHandler(MonitoringForm form) {
        super("monitoring", ROUTES);
        this.form = form;
    }

    private APIGatewayV2HTTPResponse show(WebRequest req) {
        String token = req.query("token").orElse(""), roleId = req.query("role").orElse("");
        if (!form.validLink(token, roleId))
            return WebResponse.html(404, MonitoringPages.unknownLink());
        return WebResponse.html(200, MonitoringPages.form(roleId, token, Map.of(), null));
    }

    private APIGatewayV2HTTPResponse save(WebRequest req) {
        Map<String, String> posted = req.form();
        String token = posted.getOrDefault("token", "");
        String roleId = posted.getOrDefault("role", "");
        MonitoringForm.Result result = form.submit(token, roleId, posted);
        if (result instanceof MonitoringForm.Result.Invalid invalid) {
            return WebResponse.html(
                    400, MonitoringPages.form(roleId, token, invalid.values(), invalid.errors()));
        }
        if (result instanceof MonitoringForm.Result.UnknownLink)
            return WebResponse.html(404, MonitoringPages.unknownLink());
        return WebResponse.html(
                200,
                MonitoringPages.thanks(result instanceof MonitoringForm.Result.AlreadyRecorded));
    }
}

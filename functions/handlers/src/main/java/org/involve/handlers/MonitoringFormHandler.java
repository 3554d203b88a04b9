package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.involve.core.monitoring.MonitoringForm;
import org.involve.handlers.http.WebRequest;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.views.MonitoringPages;

import java.util.Map;

/** The equal-opportunities form. Its function can only add answers to the monitoring table. */
public class MonitoringFormHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final MonitoringForm form;

    public MonitoringFormHandler() {
        this(Beans.get(MonitoringForm.class));
    }

    public MonitoringFormHandler(MonitoringForm form) {
        this.form = form;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        WebRequest req = new WebRequest(event);
        return WebErrors.guard(req, "monitoring", () -> switch (req.routeKey()) {
            case "GET /monitoring" -> show(req.query("token").orElse(""), req.query("role").orElse(""));
            case "POST /monitoring" -> save(req.form());
            default -> WebErrors.notFound();
        });
    }

    private APIGatewayV2HTTPResponse show(String token, String roleId) {
        if (!form.validLink(token, roleId)) return WebResponse.html(404, MonitoringPages.unknownLink());
        return WebResponse.html(200, MonitoringPages.form(roleId, token, Map.of(), null));
    }

    private APIGatewayV2HTTPResponse save(Map<String, String> posted) {
        String token = posted.getOrDefault("token", "");
        String roleId = posted.getOrDefault("role", "");
        MonitoringForm.Result result = form.submit(token, roleId, posted);
        if (result instanceof MonitoringForm.Result.Invalid invalid) {
            return WebResponse.html(400, MonitoringPages.form(roleId, token, invalid.values(), invalid.errors()));
        }
        if (result instanceof MonitoringForm.Result.UnknownLink) return WebResponse.html(404, MonitoringPages.unknownLink());
        return WebResponse.html(200, MonitoringPages.thanks(result instanceof MonitoringForm.Result.AlreadyRecorded));
    }
}

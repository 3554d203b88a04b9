package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.Optional;
import org.involve.core.monitoring.MonitoringByCode;
import org.involve.core.monitoring.MonitoringForm;
import org.involve.core.paths.PublicPaths;
import org.involve.handlers.http.Routes;
import org.involve.handlers.http.WebRequest;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.views.MonitoringPages;

/**
 * The equal-opportunities form, reached by the applicant's link or by their short code on the start page. Its
 * function can only add answers to the monitoring table (and find and spend codes). Once the role's round is over
 * (filled or withdrawn) the form has closed for it: 410 Gone, with a page that says so.
 */
public class MonitoringFormHandler extends PublicHandler<MonitoringFormHandler> {
    static final Routes<MonitoringFormHandler, WebRequest> ROUTES =
            Routes.<MonitoringFormHandler, WebRequest>table()
                    .get(PublicPaths.MONITORING, MonitoringFormHandler::show)
                    .post(PublicPaths.MONITORING, MonitoringFormHandler::save)
                    .get(PublicPaths.MONITORING_BY_CODE, MonitoringFormHandler::start)
                    .post(PublicPaths.MONITORING_BY_CODE, MonitoringFormHandler::openByCode)
                    .post(
                            PublicPaths.MONITORING_BY_CODE_ANSWERS,
                            MonitoringFormHandler::saveByCode);
    private final MonitoringForm form;
    private final MonitoringByCode byCode;

    public MonitoringFormHandler() {
        this(Beans.get(MonitoringForm.class), Beans.get(MonitoringByCode.class));
        Priming.register("MonitoringFormFunction", this::prime);
    }

    public MonitoringFormHandler(MonitoringForm form, MonitoringByCode byCode) {
        super("monitoring", ROUTES);
        this.form = form;
        this.byCode = byCode;
    }

    private APIGatewayV2HTTPResponse show(WebRequest req) {
        String token = req.query("token").orElse(""), roleId = req.query("role").orElse("");
        if (!form.validLink(token, roleId))
            return WebResponse.html(404, MonitoringPages.unknownLink());
        if (!form.open(roleId)) return WebResponse.html(410, MonitoringPages.closed());
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
        if (result instanceof MonitoringForm.Result.Closed)
            return WebResponse.html(410, MonitoringPages.closed());
        return WebResponse.html(
                200,
                MonitoringPages.thanks(result instanceof MonitoringForm.Result.AlreadyRecorded));
    }

    private APIGatewayV2HTTPResponse start(WebRequest req) {
        return WebResponse.html(200, MonitoringPages.codeStart(null, null));
    }

    private APIGatewayV2HTTPResponse openByCode(WebRequest req) {
        String typed = req.form().getOrDefault("code", "").strip();
        if (typed.isEmpty()) return WebResponse.html(400, MonitoringPages.codeStart("", "missing"));
        return answer(byCode.open(typed, sourceOf(req)), typed);
    }

    private APIGatewayV2HTTPResponse saveByCode(WebRequest req) {
        Map<String, String> posted = req.form();
        String typed = posted.getOrDefault("code", "");
        return answer(byCode.submit(typed, sourceOf(req), posted), typed);
    }

    private static APIGatewayV2HTTPResponse answer(MonitoringByCode.Result result, String typed) {
        if (result instanceof MonitoringByCode.Result.Open open)
            return WebResponse.html(200, MonitoringPages.formByCode(open.code(), Map.of(), null));
        if (result instanceof MonitoringByCode.Result.Invalid invalid)
            return WebResponse.html(
                    400,
                    MonitoringPages.formByCode(invalid.code(), invalid.values(), invalid.errors()));
        if (result instanceof MonitoringByCode.Result.Recorded)
            return WebResponse.html(200, MonitoringPages.thanks(false));
        if (result instanceof MonitoringByCode.Result.TooManyTries)
            return WebResponse.html(429, MonitoringPages.codeStart(typed, "tooMany"));
        if (result instanceof MonitoringByCode.Result.Closed)
            return WebResponse.html(410, MonitoringPages.closed());
        // Unknown, mistyped, expired and used codes all get the same page.
        return WebResponse.html(400, MonitoringPages.codeStart(typed, "notUsable"));
    }

    /** Where the request came from, only to count tries (it is kept as an HMAC for 15 minutes, never logged). */
    static String sourceOf(WebRequest req) {
        return Optional.ofNullable(req.event())
                .map(APIGatewayV2HTTPEvent::getRequestContext)
                .map(APIGatewayV2HTTPEvent.RequestContext::getHttp)
                .map(APIGatewayV2HTTPEvent.RequestContext.Http::getSourceIp)
                .orElse("unknown");
    }
}

package org.involve.benchmark.launcher;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An HTTP API (payload 2.0) event from its JSON, as in events/*.json: the fields the handlers read. */
final class HttpApiEvent {
    private HttpApiEvent() {}

    @SuppressWarnings("unchecked")
    static APIGatewayV2HTTPEvent from(Map<String, Object> json) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion(string(json.get("version")));
        event.setRouteKey(string(json.get("routeKey")));
        event.setRawPath(string(json.get("rawPath")));
        event.setRawQueryString(string(json.get("rawQueryString")));
        event.setHeaders(strings(json.get("headers")));
        event.setQueryStringParameters(strings(json.get("queryStringParameters")));
        event.setPathParameters(strings(json.get("pathParameters")));
        event.setStageVariables(strings(json.get("stageVariables")));
        if (json.get("cookies") instanceof List<?> cookies)
            event.setCookies(cookies.stream().map(String::valueOf).toList());
        event.setBody(string(json.get("body")));
        event.setIsBase64Encoded(Boolean.TRUE.equals(json.get("isBase64Encoded")));

        Map<String, Object> rc =
                json.get("requestContext") instanceof Map<?, ?> m
                        ? (Map<String, Object>) m
                        : Map.of();
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setAccountId(string(rc.get("accountId")));
        context.setApiId(string(rc.get("apiId")));
        context.setDomainName(string(rc.get("domainName")));
        context.setRequestId(string(rc.get("requestId")));
        context.setRouteKey(string(rc.get("routeKey")));
        context.setStage(string(rc.get("stage")));
        context.setTime(string(rc.get("time")));
        if (rc.get("timeEpoch") instanceof Number n) context.setTimeEpoch(n.longValue());
        Map<String, Object> h =
                rc.get("http") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        APIGatewayV2HTTPEvent.RequestContext.Http http =
                new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(string(h.get("method")));
        http.setPath(string(h.get("path")));
        http.setProtocol(string(h.get("protocol")));
        http.setSourceIp(string(h.get("sourceIp")));
        http.setUserAgent(string(h.get("userAgent")));
        context.setHttp(http);
        // What the staff authorizer vouched for (a staff page's signed-in person).
        if (rc.get("authorizer") instanceof Map<?, ?> a
                && a.get("lambda") instanceof Map<?, ?> lambda) {
            APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer =
                    new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
            authorizer.setLambda(new LinkedHashMap<>((Map<String, Object>) lambda));
            context.setAuthorizer(authorizer);
        }
        event.setRequestContext(context);
        return event;
    }

    private static String string(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    private static Map<String, String> strings(Object o) {
        if (!(o instanceof Map<?, ?> m)) return null;
        Map<String, String> copy = new LinkedHashMap<>();
        m.forEach((k, v) -> copy.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        return copy;
    }
}

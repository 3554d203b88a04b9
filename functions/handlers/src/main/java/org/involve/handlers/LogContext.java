package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.regex.Pattern;
import org.involve.adapters.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What every log line carries besides its level, time and message (written as JSON lines by {@link JsonLogs}): the
 * service, the function's name and version, the Lambda request id and a correlation id that follows one person's
 * request from the web function through the outbox's mail queue to the mailer. Each entry point starts its context
 * with one of the {@code begin} methods; nothing personal is ever put here (ids only).
 */
public final class LogContext {
    public static final String SERVICE = "service",
            FUNCTION_NAME = "function_name",
            FUNCTION_VERSION = "function_version",
            REQUEST_ID = "request_id",
            CORRELATION_ID = "correlation_id";

    /** The header a caller may send to carry its own correlation id. */
    public static final String CORRELATION_HEADER = "x-correlation-id";

    /** A correlation id from outside is kept only if it is a plain id (no injection into the log lines). */
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private static final Logger LOG = LoggerFactory.getLogger(LogContext.class);
    private static final String SERVICE_NAME =
            Settings.optional("POWERTOOLS_SERVICE_NAME", "involve");

    private LogContext() {}

    /** A web request: its correlation id is the caller's header, else API Gateway's request id, else Lambda's. */
    public static void begin(APIGatewayV2HTTPEvent event, Context context) {
        String correlation = null;
        if (event != null) {
            Map<String, String> headers = event.getHeaders();
            if (headers != null) correlation = headers.get(CORRELATION_HEADER);
            if (!plain(correlation) && event.getRequestContext() != null)
                correlation = event.getRequestContext().getRequestId();
        }
        begin(context, correlation);
    }

    /** Any other invocation, with the correlation id it carries (or null: its own request id). */
    public static void begin(Context context, String correlationId) {
        MDC.clear();
        MDC.put(SERVICE, SERVICE_NAME);
        MDC.put(
                FUNCTION_NAME,
                either(
                        context == null ? null : context.getFunctionName(),
                        Settings.optional("AWS_LAMBDA_FUNCTION_NAME", "unknown")));
        MDC.put(
                FUNCTION_VERSION,
                either(
                        context == null ? null : context.getFunctionVersion(),
                        Settings.optional("AWS_LAMBDA_FUNCTION_VERSION", "unknown")));
        String requestId = either(context == null ? null : context.getAwsRequestId(), "none");
        MDC.put(REQUEST_ID, requestId);
        MDC.put(CORRELATION_ID, plain(correlationId) ? correlationId : requestId);
    }

    /** Logs that the request was answered: its route (the template's, e.g. "GET /roles/{roleId}") and status only. */
    public static APIGatewayV2HTTPResponse answered(
            APIGatewayV2HTTPEvent event, APIGatewayV2HTTPResponse response) {
        LOG.info(
                "Answered {} with {}",
                event == null ? null : event.getRouteKey(),
                response == null ? null : response.getStatusCode());
        return response;
    }

    /** Within one record of a batch (an SQS message): the correlation id it carried. */
    public static void correlate(String correlationId) {
        if (plain(correlationId)) MDC.put(CORRELATION_ID, correlationId);
        else MDC.put(CORRELATION_ID, either(MDC.get(REQUEST_ID), "none"));
    }

    /** The current correlation id, to pass on with a message; null outside a request. */
    public static String correlationId() {
        return MDC.get(CORRELATION_ID);
    }

    private static boolean plain(String id) {
        return id != null && PLAIN_ID.matcher(id).matches();
    }

    private static String either(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}

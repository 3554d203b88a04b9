package org.involve.emulators;

import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::Serverless::Function} of the template.
 *
 * @param environment the Globals' variables overlaid with the function's own, values still unresolved
 *                    (a String, or an intrinsic function such as {@code {"Ref": "RolesTable"}}); see {@link LocalNames}
 */
public record FunctionSpec(
        String logicalId,
        String handler,
        int timeoutSeconds,
        Map<String, Object> environment,
        List<HttpApiEvent> httpApiEvents,
        List<SqsEventSource> sqsEvents,
        List<ScheduleEvent> scheduleEvents) {

    /** The handler class, from {@code "org.example.Handler::handleRequest"}. */
    public String handlerClass() {
        int split = handler.indexOf("::");
        return split < 0 ? handler : handler.substring(0, split);
    }

    /** The handler method, {@code handleRequest} when the template names none. */
    public String handlerMethod() {
        int split = handler.indexOf("::");
        return split < 0 ? "handleRequest" : handler.substring(split + 2);
    }

    /** An HttpApi event: one route. {@code path} keeps API Gateway's {@code {name}} and {@code {proxy+}} segments. */
    public record HttpApiEvent(String eventName, String method, String path) {
        public String routeKey() {
            return method + " " + path;
        }
    }

    /** An SQS event source mapping. */
    public record SqsEventSource(
            String eventName,
            String queueLogicalId,
            int batchSize,
            boolean reportsBatchItemFailures) {}

    /** A ScheduleV2 event: {@code rate(...)} or {@code cron(...)} evaluated in {@code timezone}. */
    public record ScheduleEvent(String eventName, String expression, String timezone) {}
}

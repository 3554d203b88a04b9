package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Every log line is one JSON object with its level, time, message and the request's context: ids, never answers. */
class JsonLogsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void aLineCarriesLevelTimeServiceFunctionRequestAndCorrelationIds() throws Exception {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey("POST /roles/{roleId}/apply");
        event.setHeaders(Map.of("x-correlation-id", "corr-from-the-caller"));

        List<JsonNode> lines =
                logged(
                        () -> {
                            LogContext.begin(event, new FakeContext());
                            LogContext.answered(
                                    event,
                                    APIGatewayV2HTTPResponse.builder().withStatusCode(303).build());
                        });

        assertEquals(1, lines.size(), lines.toString());
        JsonNode line = lines.get(0);
        assertEquals("INFO", line.get("level").asText());
        assertTrue(line.get("timestamp").asLong() > 0);
        assertEquals(
                "Answered POST /roles/{roleId}/apply with 303",
                line.get("formattedMessage").asText());
        JsonNode context = line.get("mdc");
        assertEquals("involve", context.get("service").asText());
        assertEquals("PublicSiteFunction", context.get("function_name").asText());
        assertEquals("7", context.get("function_version").asText());
        assertEquals("request-1", context.get("request_id").asText());
        assertEquals("corr-from-the-caller", context.get("correlation_id").asText());
        assertFalse(line.has("arguments"), "a line carries only what its message says");
    }

    @Test
    void withoutAPlainCorrelationIdFromTheCallerTheGatewaysRequestIdIsUsed() throws Exception {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setHeaders(Map.of("x-correlation-id", "not plain\n{\"level\":\"ERROR\"}"));
        APIGatewayV2HTTPEvent.RequestContext rc = new APIGatewayV2HTTPEvent.RequestContext();
        rc.setRequestId("gateway-id");
        event.setRequestContext(rc);

        LogContext.begin(event, new FakeContext());

        assertEquals("gateway-id", LogContext.correlationId());
    }

    @Test
    void aMailerRecordCarriesTheCorrelationIdOfTheRequestThatWroteTheMessage() {
        LogContext.begin(new FakeContext(), null);
        assertEquals("request-1", LogContext.correlationId(), "its own request id by default");
        LogContext.correlate("corr-of-the-web-request");
        assertEquals("corr-of-the-web-request", LogContext.correlationId());
        LogContext.correlate(null);
        assertEquals("request-1", LogContext.correlationId());
    }

    private static List<JsonNode> logged(Runnable r) throws Exception {
        LoggerFactory.getLogger(JsonLogsTest.class); // configured before System.out is swapped
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(out);
        }
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n"))
            if (!line.isBlank()) lines.add(JSON.readTree(line));
        return lines;
    }

    private static final class FakeContext implements Context {
        public String getAwsRequestId() {
            return "request-1";
        }

        public String getLogGroupName() {
            return "/aws/lambda/PublicSiteFunction";
        }

        public String getLogStreamName() {
            return "stream";
        }

        public String getFunctionName() {
            return "PublicSiteFunction";
        }

        public String getFunctionVersion() {
            return "7";
        }

        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:eu-west-2:000000000000:function:PublicSiteFunction";
        }

        public CognitoIdentity getIdentity() {
            return null;
        }

        public ClientContext getClientContext() {
            return null;
        }

        public int getRemainingTimeInMillis() {
            return 1000;
        }

        public int getMemoryLimitInMB() {
            return 1024;
        }

        public LambdaLogger getLogger() {
            return null;
        }
    }
}

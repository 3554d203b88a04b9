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
    void librariesLogOnlyWarningsAndErrorsAndOurCodeFromInfo() throws Exception {
        List<JsonNode> lines =
                logged(
                        () -> {
                            LoggerFactory.getLogger("io.micronaut.context.Any").info("not shown");
                            LoggerFactory.getLogger("io.micronaut.context.Any").warn("shown {}", 1);
                            LoggerFactory.getLogger("org.involveother.Any").info("not ours");
                            LoggerFactory.getLogger("org.involve.handlers.Any").debug("below INFO");
                            LoggerFactory.getLogger("org.involve.handlers.Any").info("ours");
                        });

        assertEquals(
                List.of("shown 1", "ours"),
                lines.stream().map(l -> l.get("formattedMessage").asText()).toList());
        assertEquals("WARN", lines.get(0).get("level").asText());
        assertEquals("io.micronaut.context.Any", lines.get(0).get("loggerName").asText());
        assertTrue(lines.get(0).get("throwable").isNull());
    }

    @Test
    void aMessageWithQuotesLineBreaksAndControlCharactersStaysOneLineOfJson() throws Exception {
        String awkward = "a \"quoted\" \\ path\nsecond line\r\t\u0001 \u2028 end";
        List<JsonNode> lines =
                logged(() -> LoggerFactory.getLogger("org.involve.Any").info("{}", awkward));

        assertEquals(1, lines.size(), "one line, however many line breaks the message holds");
        assertEquals(awkward, lines.get(0).get("formattedMessage").asText());
    }

    @Test
    void aThrowableIsWrittenWithItsClassMessageFramesAndCause() throws Exception {
        Exception thrown =
                new IllegalStateException("outer", new java.io.IOException("inner \"cause\""));
        List<JsonNode> lines =
                logged(
                        () ->
                                LoggerFactory.getLogger("org.involve.Any")
                                        .error("Failed on {}", "GET /roles", thrown));

        JsonNode line = lines.get(0);
        assertEquals("ERROR", line.get("level").asText());
        assertEquals("Failed on GET /roles", line.get("formattedMessage").asText());
        JsonNode t = line.get("throwable");
        assertEquals("java.lang.IllegalStateException", t.get("className").asText());
        assertEquals("outer", t.get("message").asText());
        assertEquals(
                JsonLogsTest.class.getName(),
                t.get("stepArray").get(0).get("className").asText(),
                "the frames, innermost first");
        assertEquals("java.io.IOException", t.get("cause").get("className").asText());
        assertEquals("inner \"cause\"", t.get("cause").get("message").asText());
        JsonNode deeper = t.get("cause").get("cause");
        assertTrue(deeper == null || deeper.isNull(), "no cause beyond the one thrown");
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

package org.involve.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a function's API Gateway response into what the browser receives: each cookie its own Set-Cookie header. */
final class HttpApiResponses {
    private HttpApiResponses() {}

    /** The HTTP response to write. */
    record Outgoing(int status, Map<String, List<String>> headers, byte[] body) {}

    static Outgoing toHttp(APIGatewayV2HTTPResponse response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (response.getHeaders() != null)
            response.getHeaders().forEach((k, v) -> add(headers, k, v));
        if (response.getMultiValueHeaders() != null)
            response.getMultiValueHeaders().forEach((k, vs) -> vs.forEach(v -> add(headers, k, v)));
        if (response.getCookies() != null)
            response.getCookies().forEach(c -> add(headers, "Set-Cookie", c));
        String body = response.getBody();
        byte[] bytes =
                body == null
                        ? new byte[0]
                        : response.getIsBase64Encoded()
                                ? Base64.getDecoder().decode(body)
                                : body.getBytes(StandardCharsets.UTF_8);
        int status = response.getStatusCode() == 0 ? 200 : response.getStatusCode();
        return new Outgoing(status, headers, bytes);
    }

    /** A small plain-text page: for unknown routes and failures, which never show the user a stack trace. */
    static Outgoing plain(int status, String message) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        add(headers, "Content-Type", "text/plain; charset=utf-8");
        return new Outgoing(status, headers, (message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void add(Map<String, List<String>> headers, String name, String value) {
        headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
}

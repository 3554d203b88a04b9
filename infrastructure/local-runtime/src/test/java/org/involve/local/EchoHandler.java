package org.involve.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;

/** A test handler: answers with what it was given, sets two cookies, and throws for the role "boom". */
public class EchoHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String roleId = event.getPathParameters().get("roleId");
        if (roleId.equals("boom"))
            throw new IllegalStateException("secret detail that must not reach the browser");
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(201)
                .withHeaders(Map.of("Content-Type", "text/plain"))
                .withCookies(List.of("a=1; Path=/", "b=2; Path=/"))
                .withBody(
                        event.getRouteKey()
                                + " "
                                + roleId
                                + " "
                                + event.getCookies()
                                + " "
                                + event.getIsBase64Encoded()
                                + " "
                                + context.getFunctionName())
                .build();
    }
}

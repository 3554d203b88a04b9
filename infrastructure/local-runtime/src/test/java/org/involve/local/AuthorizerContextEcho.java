package org.involve.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.TreeMap;

/** A test handler: answers with the authorizer context API Gateway (here, the local gateway) gave it. */
public class AuthorizerContextEcho
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        var authorizer = event.getRequestContext().getAuthorizer();
        String body =
                authorizer == null
                        ? "none"
                        : authorizer.getLambda() != null
                                ? new TreeMap<>(authorizer.getLambda()).toString()
                                : new TreeMap<>(authorizer.getJwt().getClaims()).toString();
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "text/plain"))
                .withBody(body)
                .build();
    }
}

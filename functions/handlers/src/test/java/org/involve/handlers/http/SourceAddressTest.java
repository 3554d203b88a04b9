package org.involve.handlers.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where a request came from, for the limit on applications per client: the viewer's, not CloudFront's. */
class SourceAddressTest {

    private static WebRequest request(Map<String, String> headers) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setHeaders(headers);
        var http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setSourceIp("130.176.0.1"); // a CloudFront edge address
        var context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setHttp(http);
        event.setRequestContext(context);
        return new WebRequest(event);
    }

    @Test
    void behindCloudFrontTheViewersAddressCountsNotTheEdges() {
        assertEquals(
                "198.51.100.10",
                request(Map.of("CloudFront-Viewer-Address", "198.51.100.10:46532")).sourceIp());
        assertEquals(
                "2001:db8:85a3::8a2e:370:7334",
                request(Map.of("cloudfront-viewer-address", "2001:db8:85a3::8a2e:370:7334:46532"))
                        .sourceIp());
    }

    @Test
    void withoutCloudFrontTheConnectionsAddressCounts() {
        assertEquals("130.176.0.1", request(Map.of()).sourceIp());
        assertEquals(
                "130.176.0.1", request(Map.of("cloudfront-viewer-address", "nonsense")).sourceIp());
    }
}

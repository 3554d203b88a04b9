package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import java.util.Map;
import org.involve.core.audit.AuditEntry;
import org.involve.core.audit.AuditViewer;
import org.involve.core.fakes.InMemoryAuditTrail;
import org.junit.jupiter.api.Test;

/** The audit trail viewer through its sample events. */
class StaffAuditEventsTest {
    private static final String REFERENCE = "INV-BCDF-2345";
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final StaffAuditHandler handler = new StaffAuditHandler(new AuditViewer(trail));

    StaffAuditEventsTest() {
        for (int i = 0; i < AuditViewer.PAGE_SIZE + 2; i++)
            trail.append(
                    new AuditEntry(
                            "local-sam-staff",
                            "step number " + i,
                            "application:" + REFERENCE,
                            Instant.parse("2026-11-02T10:00:00Z").plusSeconds(60L * i),
                            i == 0 ? null : "S" + (i - 1),
                            "S" + i));
        trail.append(
                new AuditEntry(
                        "local-sam-staff",
                        "a role's step",
                        "role:day-rate-role",
                        Instant.parse("2026-11-02T10:00:00Z"),
                        null,
                        "OPEN"));
    }

    private APIGatewayV2HTTPResponse call(String event, Map<String, String> placeholders) {
        return handler.handleRequest(
                SampleEvents.use(event, APIGatewayV2HTTPEvent.class, placeholders), null);
    }

    @Test
    void thePageStartsWithTheLookUpFormOnly() {
        var page = call("http-get-staff-audit.json", Map.of());
        assertEquals(200, page.getStatusCode());
        assertTrue(page.getBody().contains("<form method=\"get\" action=\"/staff/audit\""));
        assertFalse(page.getBody().contains("step number"));
        assertFalse(page.getBody().contains("method=\"post\""), "read only");
    }

    @Test
    void anApplicationsTrailComesNewestFirstAPageAtATime() {
        var page =
                call(
                        "http-get-staff-audit-application.json",
                        Map.of("SAMPLE_REFERENCE", REFERENCE));
        assertEquals(200, page.getStatusCode());
        String body = page.getBody();
        assertTrue(body.contains("Audit trail for application:" + REFERENCE));
        int newest = body.indexOf("step number " + (AuditViewer.PAGE_SIZE + 1) + "<");
        int older = body.indexOf("step number 2<");
        assertTrue(newest > 0 && older > newest, "newest first");
        assertFalse(body.contains("step number 1<"), "the next page's");
        assertFalse(body.contains("a role&#39;s step"));
        assertTrue(
                body.contains(
                        "/staff/audit?kind=application&amp;id="
                                + REFERENCE
                                + "&amp;after=at-"
                                + AuditViewer.PAGE_SIZE));

        var next =
                call(
                        "http-get-staff-audit-next-page.json",
                        Map.of(
                                "SAMPLE_REFERENCE",
                                REFERENCE,
                                "SAMPLE_AFTER",
                                "at-" + AuditViewer.PAGE_SIZE));
        assertEquals(200, next.getStatusCode());
        assertTrue(next.getBody().contains("step number 1<"));
        assertTrue(next.getBody().contains("step number 0<"));
        assertTrue(next.getBody().contains("Back to the newest entries"));
        assertFalse(next.getBody().contains("Older entries"));
    }

    @Test
    void thePanelIsRefused() {
        var refused =
                call("http-get-staff-audit-as-panel.json", Map.of("SAMPLE_ROLE", "day-rate-role"));
        assertEquals(403, refused.getStatusCode());
        assertFalse(refused.getBody().contains("a role"));
    }
}

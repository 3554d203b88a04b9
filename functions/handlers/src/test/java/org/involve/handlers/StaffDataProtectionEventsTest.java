package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.involve.core.dataprotection.DataProtection;
import org.involve.core.dataprotection.Held;
import org.involve.core.dataprotection.Subject;
import org.involve.core.fakes.InMemoryAuditTrail;
import org.involve.core.fakes.InMemoryPersonalData;
import org.involve.core.fakes.MutableClock;
import org.junit.jupiter.api.Test;

/** The data protection pages through their sample events: find, see, download (audited) and erase (audited). */
class StaffDataProtectionEventsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-10T10:00:00Z"));
    private final InMemoryPersonalData data =
            new InMemoryPersonalData(
                            new Subject(
                                    "Jo Example",
                                    Set.of("key-1"),
                                    Set.of("INV-7K3M-Q9P2"),
                                    Set.of("jo.example@example.org")))
                    .hold(
                            Held.Kind.APPLICATIONS,
                            Map.of("answers.fullName", "Jo Example", "reference", "INV-7K3M-Q9P2"))
                    .hold(Held.Kind.EMAILS, Map.of("to", "jo.example@example.org"))
                    .hold(Held.Kind.AUDIT, Map.of("what", "application received"));
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final StaffDataProtectionHandler handler =
            new StaffDataProtectionHandler(new DataProtection(data, audit), clock);

    private APIGatewayV2HTTPResponse call(String event, String find, String version) {
        APIGatewayV2HTTPEvent e =
                SampleEvents.use(
                        event,
                        APIGatewayV2HTTPEvent.class,
                        Map.of("SAMPLE_FIND", find, "SAMPLE_VERSION", version));
        return handler.handleRequest(e, null);
    }

    @Test
    void theFindPageAsksForAnAddressOrReferenceAndShowsTheErasedNotice() {
        var page = call("http-get-staff-data-protection.json", "", "");
        assertEquals(200, page.getStatusCode());
        assertTrue(page.getBody().contains("Data protection requests"));
        assertTrue(page.getBody().contains("Their data has been erased."));
        assertTrue(page.getBody().contains("action=\"/staff/data-protection/person\""));
    }

    @Test
    void thePersonsPageShowsEverythingHeldWithTheDayTheAnswerIsDue() {
        var page = call("http-post-staff-data-protection-person.json", "INV-7K3M-Q9P2", "");
        assertEquals(200, page.getStatusCode());
        String body = page.getBody();
        assertTrue(body.contains("What we hold about Jo Example"));
        assertTrue(body.contains("3 January 2025"), "received");
        assertTrue(body.contains("3 February 2025"), "due a calendar month later");
        assertTrue(body.contains("jo.example@example.org"));
        assertTrue(body.contains("Payment records"), "says what the law makes us keep");
        assertTrue(audit.entries().isEmpty(), "looking is not answering");

        var nobody = call("http-post-staff-data-protection-person.json", "x@example.org", "");
        assertEquals(404, nobody.getStatusCode());
        assertTrue(nobody.getBody().contains("We hold nothing about anyone"));
        var wrong = call("http-post-staff-data-protection-person.json", "not an address", "");
        assertEquals(400, wrong.getStatusCode());
        assertTrue(wrong.getBody().contains("nhsuk-error-summary"));
    }

    @Test
    void downloadingIsTheSubjectAccessAnswerAsAFileAndIsAudited() throws Exception {
        var file = call("http-post-staff-data-protection-download.json", "INV-7K3M-Q9P2", "");
        assertEquals(200, file.getStatusCode());
        assertTrue(file.getHeaders().get("Content-Type").startsWith("application/json"));
        assertTrue(file.getHeaders().get("Content-Disposition").startsWith("attachment"));
        var json = new ObjectMapper().readTree(file.getBody());
        assertEquals("2025-01-03", json.get("received").asText());
        assertEquals("2025-02-03", json.get("due").asText());
        assertEquals("2025-01-10", json.get("answered").asText());
        assertEquals(
                "Jo Example",
                json.get("records").get("applications").get(0).get("answers.fullName").asText());
        assertEquals(1, audit.entries().size());
        assertEquals(json.get("request").asText(), audit.entries().get(0).record());
        assertEquals("received 2025-01-03, due 2025-02-03", audit.entries().get(0).fromState());
    }

    @Test
    void erasingFromTheSeenPageErasesAndTellsThePersonAndAStalePageIsShownAgain() {
        var stale = call("http-post-staff-data-protection-erase.json", "INV-7K3M-Q9P2", "stale");
        assertEquals(409, stale.getStatusCode());
        assertTrue(stale.getBody().contains("changed after you opened this page"));
        assertTrue(data.audited.isEmpty());

        String version = data.heldAbout(null).version();
        var done = call("http-post-staff-data-protection-erase.json", "INV-7K3M-Q9P2", version);
        assertEquals(303, done.getStatusCode());
        assertEquals("/staff/data-protection?done=erased", done.getHeaders().get("Location"));
        assertEquals(1, data.audited.size());
        assertEquals("jo.example@example.org", data.sent.get(0).email().to());
        assertEquals(DataProtection.ERASURE_DONE, data.sent.get(0).purpose());

        var again = call("http-post-staff-data-protection-erase.json", "INV-7K3M-Q9P2", version);
        assertEquals(404, again.getStatusCode(), "a second press finds nobody");
        assertEquals(1, data.audited.size());
    }

    @Test
    void panelMembersCannotSeeOrEraseAnything() {
        assertEquals(
                403, call("http-get-staff-data-protection-as-panel.json", "", "").getStatusCode());
        var erase =
                call(
                        "http-post-staff-data-protection-erase-as-panel.json",
                        "jo.example@example.org",
                        "x");
        assertEquals(403, erase.getStatusCode());
        assertFalse(erase.getBody().contains("Jo Example"));
        assertTrue(data.audited.isEmpty());
    }
}

package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.involve.core.application.ApplicationJourney;
import org.involve.core.application.ApplyingSettings;
import org.involve.core.fakes.InMemoryApplications;
import org.involve.core.fakes.InMemoryDrafts;
import org.involve.core.fakes.InMemoryOutbox;
import org.involve.core.fakes.InMemoryRoles;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.RecordingMailQueue;
import org.involve.core.fakes.TestLinks;
import org.involve.core.monitoring.MonitoringToken;
import org.involve.core.role.RoleManagement;
import org.involve.core.role.RoleStatus;
import org.involve.handlers.local.ExampleRoles;
import org.junit.jupiter.api.Test;

/**
 * A form posted from another website is refused with a plain 403 page before anything happens, on a public page
 * (starting an application) and a staff page (withdrawing a role, with a staff cookie): by its Origin, or, without
 * one, by the browser's Sec-Fetch-Site. The sample events, sent from the site itself, still work.
 */
class ForeignFormEventsTest {
    private static final String FOREIGN_PAGE = "This form was sent from another website";
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-10T10:00:00Z"));

    private final InMemoryDrafts drafts = new InMemoryDrafts();
    private final InMemoryRoles publicRoles = new InMemoryRoles();
    private final PublicSiteHandler site =
            new PublicSiteHandler(
                    new ApplicationJourney(
                            publicRoles,
                            drafts,
                            new InMemoryApplications(
                                    new InMemoryOutbox(new RecordingMailQueue()), drafts),
                            new MonitoringToken("a-test-signing-key-of-enough-length"),
                            clock,
                            new ApplyingSettings(
                                    "http://localhost:3000",
                                    "http://localhost:3000",
                                    Duration.ofDays(14),
                                    Duration.ofSeconds(20)),
                            TestLinks.LOCAL_WITHDRAWAL,
                            new org.involve.core.fakes.InMemoryDraftLimits(
                                    new org.involve.core.fakes.InMemoryOutbox(
                                            new org.involve.core.fakes.RecordingMailQueue()))),
                    false);

    private final InMemoryRoles staffRoles = new InMemoryRoles();
    private final StaffRolesHandler staff =
            new StaffRolesHandler(new RoleManagement(staffRoles, staffRoles, clock));

    ForeignFormEventsTest() {
        ExampleRoles.all(clock).forEach(publicRoles::save);
        ExampleRoles.all(clock).forEach(r -> staffRoles.roles.put(r.id(), r));
    }

    /**
     * The sample event with its origin headers replaced: null leaves a header out. A staff form carries the version of
     * the role it was read at, as the page would.
     */
    private APIGatewayV2HTTPEvent from(String event, String origin, String fetchSite) {
        var e =
                SampleEvents.use(
                        event,
                        APIGatewayV2HTTPEvent.class,
                        Map.of(
                                "SAMPLE_ROLE",
                                ExampleRoles.SCG,
                                "SAMPLE_VERSION",
                                staffRoles.roles.get(ExampleRoles.SCG).version()));
        Map<String, String> headers = new LinkedHashMap<>(e.getHeaders());
        headers.remove("origin");
        if (origin != null) headers.put("origin", origin);
        if (fetchSite != null) headers.put("sec-fetch-site", fetchSite);
        e.setHeaders(headers);
        return e;
    }

    private APIGatewayV2HTTPResponse startApplication(String origin, String fetchSite) {
        return site.handleRequest(
                from("http-post-start-application.json", origin, fetchSite), null);
    }

    private APIGatewayV2HTTPResponse withdrawRole(String origin, String fetchSite) {
        return staff.handleRequest(
                from("http-post-staff-role-withdraw.json", origin, fetchSite), null);
    }

    private static void refused(APIGatewayV2HTTPResponse r) {
        assertEquals(403, r.getStatusCode());
        assertTrue(r.getBody().contains(FOREIGN_PAGE), r.getBody());
        assertTrue(r.getBody().contains("nothing has been saved or changed"));
        assertTrue(r.getBody().contains("nhsuk-"), "an NHS.UK page, not a bare error");
    }

    @Test
    void aPublicFormFromAnotherWebsiteStartsNothing() {
        refused(startApplication("https://evil.example", null));
        refused(startApplication("https://evil.example", "same-origin"));
        refused(startApplication("http://localhost:3001", null));
        refused(startApplication(null, "cross-site"));
        refused(startApplication(null, "same-site"));
        refused(startApplication(null, null));
        assertEquals(0, drafts.drafts.size(), "no draft was started");
    }

    @Test
    void aStaffFormFromAnotherWebsiteChangesNothingEvenWithTheStaffCookie() {
        refused(withdrawRole("https://evil.example", null));
        refused(withdrawRole(null, "cross-site"));
        refused(withdrawRole(null, null));
        assertEquals(RoleStatus.OPEN, staffRoles.roles.get(ExampleRoles.SCG).status());
        assertTrue(staffRoles.audit.isEmpty(), "nothing was done, so nothing was audited");
    }

    @Test
    void aFormFromTheSiteItselfIsAnswered() {
        assertEquals(303, startApplication("http://localhost:3000", null).getStatusCode());
        assertEquals(303, startApplication("HTTP://LOCALHOST:3000", "same-origin").getStatusCode());
        assertEquals(
                303,
                startApplication(null, "same-origin").getStatusCode(),
                "no Origin: the browser's Sec-Fetch-Site says it came from this site");
        assertEquals(
                303,
                startApplication("null", "same-origin").getStatusCode(),
                "Origin null, as browsers send from a page with Referrer-Policy no-referrer");
        assertEquals(303, startApplication(null, "none").getStatusCode(), "typed in or bookmarked");
        assertEquals(5, drafts.drafts.size());

        assertEquals(303, withdrawRole("http://localhost:3000", null).getStatusCode());
        assertEquals(RoleStatus.WITHDRAWN, staffRoles.roles.get(ExampleRoles.SCG).status());
    }

    @Test
    void anOriginNullFromAnotherSiteIsStillRefused() {
        refused(startApplication("null", "cross-site"));
        refused(startApplication("null", null));
        refused(withdrawRole("null", "cross-site"));
        assertEquals(0, drafts.drafts.size());
    }
}

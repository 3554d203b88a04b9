package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.involve.core.application.Application;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.Round;
import org.involve.core.fakes.TestPartnerLetters;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.kit.Paging;
import org.involve.core.outcomes.Appointing;
import org.involve.core.outcomes.OutcomeLetters;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.Offer;
import org.involve.core.partners.PartnerChanges;
import org.involve.core.partners.PartnerDirectory;
import org.involve.core.payments.ApprovedClaim;
import org.involve.core.payments.Claim;
import org.involve.core.payments.ClaimDesk;
import org.involve.core.payments.ClaimStatus;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.junit.jupiter.api.Test;

/**
 * The partner directory and the claims waiting a page at a time, through their sample events: next and previous links
 * that keep the filter, and a cursor that is tampered with, stale or from the other list giving the first page (said
 * so), never an error.
 */
class StaffPagingEventsTest {
    private static final Instant NOW = Instant.parse("2026-06-10T09:00:00Z");
    private final MutableClock clock = new MutableClock(NOW);
    private final StaffClaimsFixture f = new StaffClaimsFixture();
    private final Round r = f.r;
    private final PartnerChanges changes =
            new PartnerChanges(
                    r.partners,
                    r.roles,
                    r.round,
                    TestPartnerLetters.letters("http://localhost:3000"),
                    clock);
    private final StaffPartnersHandler partners =
            new StaffPartnersHandler(
                    new Appointing(
                            r.roles,
                            r.round,
                            r.partners,
                            new OutcomeLetters("http://localhost:3000"),
                            TestPartnerLetters.letters("http://localhost:3000"),
                            clock),
                    changes,
                    new PartnerDirectory(r.partners, r.roles, changes),
                    r.audit);
    private final StaffClaimsHandler claims =
            new StaffClaimsHandler(f.desk(), f.making(), r.partners, r.roles);
    private final Role other =
            r.role(TestRoles.monthly(LocalDate.of(2026, 1, 20)).withStatus(RoleStatus.FILLED));

    private static final Pattern NEXT = Pattern.compile("href=\"([^\"]*)\" rel=\"next\"");
    private static final Pattern PREVIOUS = Pattern.compile("href=\"([^\"]*)\" rel=\"prev\"");

    private static String link(Pattern p, String body) {
        Matcher m = p.matcher(body);
        return m.find() ? m.group(1).replace("&amp;", "&") : null;
    }

    private static String param(String href, String name) {
        Matcher m = Pattern.compile("[?&]" + name + "=([^&#]*)").matcher(href);
        return m.find() ? m.group(1) : null;
    }

    private APIGatewayV2HTTPResponse call(
            Object handler, String event, Map<String, String> values) {
        Map<String, String> v = new HashMap<>(values);
        v.putIfAbsent("SAMPLE_CLAIM", "claim-0");
        v.putIfAbsent("SAMPLE_VERSION", "1");
        APIGatewayV2HTTPEvent e = SampleEvents.use(event, APIGatewayV2HTTPEvent.class, v);
        return handler instanceof StaffPartnersHandler p
                ? p.handleRequest(e, null)
                : ((StaffClaimsHandler) handler).handleRequest(e, null);
    }

    /** {@code n} partners of the other role, appointed a minute apart: the newest last. */
    private void appoint(int n) {
        for (int i = 0; i < n; i++) {
            Application a = r.applicant(other, Application.Status.REFERENCES_RECEIVED);
            Appointment made =
                    ((Appointment.Outcome.Appointed)
                                    Appointment.appoint(
                                            new Offer(
                                                    other,
                                                    a,
                                                    LocalDate.of(2026, 3, 1),
                                                    true,
                                                    false),
                                            List.of(),
                                            TestStaff.STAFF,
                                            NOW.plusSeconds(60L * i)))
                            .appointment();
            assertTrue(r.partners.appoint(a, made, Map.of(), List.of(), List.of()));
        }
    }

    /** {@code n} claims of the fixture's partner, sent a minute apart: oldest first. */
    private List<Claim> sent(int n) {
        List<Claim> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            Claim c =
                    Claim.draft("claim-" + i, f.appointment, f.role.id(), null, NOW)
                            .withContents(
                                    List.of(
                                            new ApprovedClaim.Session(
                                                    LocalDate.of(2026, 6, 2), 300)),
                                    List.of(),
                                    List.of())
                            .submit(NOW.plusSeconds(60L * i));
            f.claims.claims.put(c.id(), c);
            out.add(c);
        }
        return out;
    }

    @Test
    void theDirectoryPagesKeepTheStatusFilterAndLinkBothWays() {
        appoint(PartnerDirectory.PAGE_SIZE + 1);
        var first =
                call(
                        partners,
                        "http-get-staff-partners-page.json",
                        Map.of("SAMPLE_STATUS", "ACTIVE", "SAMPLE_AFTER", ""));
        assertEquals(200, first.getStatusCode());
        String body = first.getBody();
        assertEquals(PartnerDirectory.PAGE_SIZE, partnersListed(body), "the newest 25 of the role");
        assertTrue(body.contains("Newest appointments first, 25 to a page."));
        assertTrue(body.contains("Partners on this page: 25"));
        assertEquals(null, link(PREVIOUS, body), "no previous page on the first");
        String next = link(NEXT, body);
        assertTrue(next.startsWith("/staff/partners?status=ACTIVE&after="), next);
        assertTrue(next.endsWith("#partners"), next);

        var second =
                call(
                        partners,
                        "http-get-staff-partners-page.json",
                        Map.of("SAMPLE_STATUS", "ACTIVE", "SAMPLE_AFTER", param(next, "after")));
        assertEquals(200, second.getStatusCode());
        // The last of the role's, and the fixture's partner (appointed earlier, in the claims'
        // role).
        assertTrue(second.getBody().contains("Partners on this page: 2"));
        assertEquals(1, partnersListed(second.getBody()));
        assertEquals(null, link(NEXT, second.getBody()));
        String previous = link(PREVIOUS, second.getBody());
        assertTrue(previous.startsWith("/staff/partners?status=ACTIVE&before="), previous);
        assertFalse(second.getBody().contains("has changed since the link was made"));
    }

    /** How many partners of the other role the page lists (each a link to their record). */
    private int partnersListed(String body) {
        return body.split("href=\"/staff/partners/" + other.id() + "/", -1).length - 1;
    }

    @Test
    void aTamperedStaleOrForeignCursorGivesTheFirstPageOfPartnersSaidSo() {
        appoint(PartnerDirectory.PAGE_SIZE + 1);
        String claimCursor = Paging.Cursor.after("2026-06-10T09:00:00.000000000Z#claim-1").value();
        // After a partner older than all (since gone): nothing follows it, so the first page.
        String stale =
                Paging.Cursor.after("1990-01-01T00:00:00.000000000Z#appointment-INV-GONE").value();
        for (String cursor :
                new String[] {"!!!not-a-cursor", "%3Cscript%3E", "AAAA", claimCursor, stale}) {
            var page =
                    call(
                            partners,
                            "http-get-staff-partners-page.json",
                            Map.of("SAMPLE_STATUS", "", "SAMPLE_AFTER", cursor));
            assertEquals(200, page.getStatusCode(), cursor);
            assertTrue(
                    page.getBody()
                            .contains("That page of partners has changed since the link was made"),
                    cursor);
            assertTrue(page.getBody().contains("Partners on this page: 25"), cursor);
            assertEquals(null, link(PREVIOUS, page.getBody()), cursor);
        }
    }

    @Test
    void theWaitingListPagesAndADecisionFromPageTwoLeadsBackThere() {
        List<Claim> all = sent(ClaimDesk.PAGE_SIZE + 2);
        var first = call(claims, "http-get-staff-claims.json", Map.of());
        assertEquals(200, first.getStatusCode());
        assertTrue(first.getBody().contains("Claims on this page: 25"));
        assertTrue(first.getBody().contains("Oldest first, 25 to a page."));
        String next = link(NEXT, first.getBody());
        assertTrue(next.startsWith("/staff/claims?after="), next);
        String after = param(next, "after");

        var second = call(claims, "http-get-staff-claims-page.json", Map.of("SAMPLE_AFTER", after));
        String body = second.getBody();
        assertTrue(body.contains("Claims on this page: 2"), body);
        Claim onTwo = all.get(ClaimDesk.PAGE_SIZE);
        assertTrue(
                body.contains("href=\"/staff/claims/" + onTwo.id() + "?after=" + after + "\""),
                body);
        assertTrue(link(PREVIOUS, body).startsWith("/staff/claims?before="));

        // The claim opened from page two: its back link and its forms lead back to page two.
        var one =
                call(
                        claims,
                        "http-get-staff-claim-from-page.json",
                        Map.of("SAMPLE_CLAIM", onTwo.id(), "SAMPLE_AFTER", after));
        assertEquals(200, one.getStatusCode());
        assertTrue(one.getBody().contains("href=\"/staff/claims?after=" + after + "\""));
        assertTrue(one.getBody().contains("name=\"after\" value=\"" + after + "\""));

        var done =
                call(
                        claims,
                        "http-post-staff-claim-approve-from-page.json",
                        Map.of(
                                "SAMPLE_CLAIM",
                                onTwo.id(),
                                "SAMPLE_VERSION",
                                String.valueOf(onTwo.version()),
                                "SAMPLE_AFTER",
                                after));
        assertEquals(303, done.getStatusCode());
        assertEquals(
                "/staff/claims?done=approved&after=" + after, done.getHeaders().get("Location"));
        assertEquals(ClaimStatus.APPROVED, f.claims.find(onTwo.id()).orElseThrow().status());
        var back = call(claims, "http-get-staff-claims-page.json", Map.of("SAMPLE_AFTER", after));
        assertTrue(back.getBody().contains("Claims on this page: 1"), "one left after page one");
        assertTrue(back.getBody().contains(all.get(ClaimDesk.PAGE_SIZE + 1).id()));
    }

    @Test
    void aTamperedOrForeignCursorGivesTheFirstPageOfClaimsAndADecisionStillLandsOnTheList() {
        List<Claim> all = sent(2);
        String partnerCursor =
                Paging.Cursor.after("2026-06-10T09:00:00.000000000Z#appointment-INV-1").value();
        for (String cursor : new String[] {"!!!", "AAAA", partnerCursor, "SAMPLE_AFTER"}) {
            var page =
                    call(claims, "http-get-staff-claims-page.json", Map.of("SAMPLE_AFTER", cursor));
            assertEquals(200, page.getStatusCode(), cursor);
            assertTrue(
                    page.getBody()
                            .contains("That page of claims has changed since the link was made"),
                    cursor);
            assertTrue(page.getBody().contains("Claims waiting: 2"), cursor);
        }
        var done =
                call(
                        claims,
                        "http-post-staff-claim-approve-from-page.json",
                        Map.of(
                                "SAMPLE_CLAIM",
                                all.get(0).id(),
                                "SAMPLE_VERSION",
                                String.valueOf(all.get(0).version()),
                                "SAMPLE_AFTER",
                                "!!!"));
        assertEquals(303, done.getStatusCode());
        assertEquals("/staff/claims?done=approved", done.getHeaders().get("Location"));
    }
}

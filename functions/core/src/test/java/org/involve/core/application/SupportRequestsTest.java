package org.involve.core.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.involve.core.fakes.TestApplications;
import org.involve.core.fakes.TestStaff;
import org.involve.core.kit.Read;
import org.involve.core.staff.AccessDenied;
import org.junit.jupiter.api.Test;

/** Requests for another format, support or adjustments: e-mailed to the team, listed, and marked done once. */
class SupportRequestsTest extends StaffApplicationsFixture {
    private final SupportRequests support = new SupportRequests(roles, round, clock);

    private Application asking(String reference, String email, Map<String, String> asks) {
        Map<String, String> changes = new java.util.HashMap<>(asks);
        changes.put(ApplicationForm.EMAIL, email);
        return round.add(
                TestApplications.submitted(
                        role, reference, Instant.parse("2025-01-09T09:00:00Z"), changes));
    }

    private static Map<String, String> nothing() {
        return Map.of("otherFormat", "", "supportNeeds", "  ", "adjustments", "");
    }

    @Test
    void anApplicationThatAsksIsListedWithWhatItAsksAndOneThatDoesNotIsNot() {
        asking("INV-NONE-0001", "none@example.org", nothing());
        Map<String, String> onlyFormat = new java.util.HashMap<>(nothing());
        onlyFormat.put("otherFormat", " Braille ");
        Application asks = asking("INV-FRMT-0001", "format@example.org", onlyFormat);

        var waiting = support.waiting(TestStaff.STAFF);
        assertEquals(1, waiting.size());
        assertEquals(asks.reference(), waiting.get(0).application().reference());
        assertEquals(
                List.of(new SupportRequests.Asked("Another format", "Braille")),
                waiting.get(0).asked());
    }

    @Test
    void markingDoneKeepsWhoAndWhenIsAuditedAndHappensOnce() {
        Application asks = asking("INV-SPRT-0001", "support@example.org", Map.of());
        int audited = audit.entries().size();

        var done = support.markDone(TestStaff.STAFF, asks.reference(), asks.version());

        assertInstanceOf(SupportRequests.Marked.Done.class, done);
        Application stored = round.findByReference(asks.reference(), Read.CONSISTENT).orElseThrow();
        assertEquals(
                "Done by Sam Staffmember on 10 January 2025",
                HandlingFacts.of(stored).supportDone());
        assertEquals(asks.status(), stored.status(), "the application itself does not move");
        assertEquals(audited + 1, audit.entries().size());
        var entry = audit.entries().get(audited);
        assertEquals(TestStaff.STAFF.id(), entry.who());
        assertEquals(clock.instant(), entry.when());
        assertTrue(support.waiting(TestStaff.STAFF).isEmpty());

        assertInstanceOf(
                SupportRequests.Marked.AlreadyDone.class,
                support.markDone(TestStaff.STAFF, asks.reference(), asks.version()));
        assertEquals(audited + 1, audit.entries().size(), "a second press writes nothing");
    }

    @Test
    void markingDoneFromAListReadBeforeSomeoneElsesChangeWritesNothing() {
        Application asks = asking("INV-SPRT-0003", "support3@example.org", Map.of());
        int audited = audit.entries().size();
        var changed =
                assertThrows(
                        Application.ChangedMeanwhile.class,
                        () ->
                                support.markDone(
                                        TestStaff.STAFF, asks.reference(), "an-old-version"));
        assertEquals(asks.reference(), changed.current().reference());
        assertEquals(audited, audit.entries().size());
        assertEquals(1, support.waiting(TestStaff.STAFF).size(), "still waiting");
    }

    @Test
    void onlyStaffSeeOrMarkRequests() {
        Application asks = asking("INV-SPRT-0002", "support2@example.org", Map.of());
        assertThrows(AccessDenied.class, () -> support.waiting(TestStaff.PANEL_A));
        assertThrows(
                AccessDenied.class,
                () -> support.markDone(TestStaff.PANEL_A, asks.reference(), asks.version()));
    }

    @Test
    void theTeamIsEmailedALinkToTheListWhenAnApplicationAsksButNotWhatWasAsked() {
        Application entered =
                entered(
                                "telephone",
                                Map.of(
                                        ApplicationForm.CONTACT_METHOD,
                                        "telephone",
                                        "adjustments",
                                        "A hearing loop"))
                        .application();
        var m = outbox.find("support-" + entered.reference()).orElseThrow();
        assertEquals(role.contact().teamEmail(), m.email().to());
        assertEquals(
                "Support or another format asked for: application " + entered.reference(),
                m.email().subject());
        assertTrue(
                m.email()
                        .text()
                        .contains("https://staff.involve.example.org/staff/applications/support"),
                m.email().text());
        assertTrue(!m.email().text().contains("hearing loop"), "what was asked stays on the page");

        Map<String, String> someoneElse = new java.util.HashMap<>(nothing());
        someoneElse.put(ApplicationForm.EMAIL, "someone.else@example.org");
        Application none = entered("post", someoneElse).application();
        assertTrue(
                outbox.find("support-" + none.reference()).isEmpty(), "nothing asked, no e-mail");
    }
}

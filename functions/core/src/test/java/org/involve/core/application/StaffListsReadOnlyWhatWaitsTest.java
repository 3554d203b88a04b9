package org.involve.core.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application.Status;
import org.involve.core.fakes.TestApplications;
import org.involve.core.fakes.TestStaff;
import org.junit.jupiter.api.Test;

/**
 * Which applications are in the talk-first and support queues (the rules the adapter's sparse indexes follow), and
 * that the overview and the queues read only those and each role's kept count, never every application of a role.
 */
class StaffListsReadOnlyWhatWaitsTest extends StaffApplicationsFixture {
    private final SupportRequests support = new SupportRequests(roles, round, clock);

    private Application submitted(String reference, String at, Map<String, String> asks) {
        Map<String, String> changes =
                new HashMap<>(Map.of(ApplicationForm.EMAIL, reference + "@example.org"));
        changes.putAll(asks);
        return round.add(TestApplications.submitted(role, reference, Instant.parse(at), changes));
    }

    private static Map<String, String> asksNothing() {
        return Map.of("otherFormat", "", "supportNeeds", " ", "adjustments", "");
    }

    @Test
    void anApplicationIsHeldOnlyWhileItsStatusIsHeldToTalkFirst() {
        Application held = heldToTalkFirst();
        assertTrue(TalkFirstQueue.isHeld(held));
        for (Status s : Status.values())
            assertEquals(
                    s == Status.HELD_TO_TALK_FIRST,
                    TalkFirstQueue.isHeld(held.after(s, Map.of())),
                    s.name());
    }

    @Test
    void aRequestWaitsWhileItAsksForSomethingAndNoOneHasMarkedItDone() {
        Application nothing = submitted("INV-NONE-0001", "2025-01-09T09:00:00Z", asksNothing());
        Map<String, String> format = new HashMap<>(asksNothing());
        format.put("otherFormat", "Large print");
        Application asks = submitted("INV-FRMT-0001", "2025-01-09T09:01:00Z", format);

        assertFalse(SupportRequests.isWaiting(nothing), "asks for nothing");
        assertTrue(SupportRequests.isWaiting(asks));
        assertFalse(
                SupportRequests.isWaiting(
                        asks.after(asks.status(), HandlingFacts.supportDone("Done by Sam"))),
                "marked done");
        assertTrue(
                SupportRequests.isWaiting(asks.after(Status.WITHDRAWN, Map.of())),
                "a request stays until it is marked done, whatever happens to the application");
    }

    @Test
    void theOverviewAndTheQueuesReadTheWaitingListsAndTheCountsNotEveryApplication() {
        Application held = heldToTalkFirst();
        Map<String, String> adjustments = new HashMap<>(asksNothing());
        adjustments.put("adjustments", "A ramp, please");
        Application asks = submitted("INV-ADJS-0001", "2025-01-09T09:00:00Z", adjustments);
        submitted("INV-NONE-0001", "2025-01-09T10:00:00Z", asksNothing());

        var counts = seeing.overview(TestStaff.STAFF).get(0);
        assertEquals(List.of(3, 1), List.of(counts.applications(), counts.held()));
        assertEquals(
                List.of(held.reference()),
                talkFirst.held(TestStaff.STAFF).stream()
                        .map(h -> h.application().reference())
                        .toList());
        assertTrue(
                support.waiting(TestStaff.STAFF).stream()
                        .map(r -> r.application().reference())
                        .toList()
                        .contains(asks.reference()));
        assertEquals(0, round.forRoleReads(), "no page read every application of a role");
    }
}

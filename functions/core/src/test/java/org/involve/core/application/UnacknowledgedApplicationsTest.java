package org.involve.core.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.involve.core.application.UnacknowledgedApplications.Acknowledging;
import org.involve.core.fakes.TestApplications;
import org.involve.core.fakes.TestStaff;
import org.junit.jupiter.api.Test;

/** Applications not yet acknowledged, and staff recording that they acknowledged one. */
class UnacknowledgedApplicationsTest extends StaffApplicationsFixture {
    @Test
    void unacknowledgedApplicationsComeOldestFirstWithDaysLeftOfThePromise() {
        Application older =
                TestApplications.submitted(
                        role,
                        "INV-BBBB-2222",
                        Instant.parse("2025-01-04T09:00:00Z"),
                        Map.of(
                                ApplicationForm.EMAIL,
                                "al@example.org",
                                ApplicationForm.CONTACT_METHOD,
                                "post"));
        round.add(older);
        outstanding.add(older);
        Application today = byTelephone();

        var waiting = acknowledging.unacknowledged(TestStaff.STAFF);
        assertEquals(
                List.of(older.reference(), today.reference()),
                waiting.stream().map(w -> w.application().reference()).toList());
        assertEquals(-1, waiting.get(0).daysLeft(), "promised within 5 days: by 9 January");
        assertEquals("9 January 2025 at 9:00am", waiting.get(0).promisedByText());
        assertEquals(5, waiting.get(1).daysLeft());
        assertEquals(2, seeing.overview(TestStaff.STAFF).get(0).unacknowledged());
    }

    @Test
    void markingAnApplicationAcknowledgedTakesItOffTheListOnce() {
        Application app = byTelephone();
        assertInstanceOf(
                Acknowledging.Invalid.class,
                acknowledging.markAcknowledged(TestStaff.STAFF, app.reference(), Map.of()));
        assertEquals(1, acknowledging.unacknowledged(TestStaff.STAFF).size());

        clock.advance(Duration.ofHours(3));
        var done =
                assertInstanceOf(
                        Acknowledging.Acknowledged.class,
                        acknowledging.markAcknowledged(
                                TestStaff.STAFF, app.reference(), Map.of("how", "telephone")));
        assertEquals(
                "By telephone, recorded by Sam Staffmember on 10 January 2025 at 1:00pm",
                HandlingFacts.of(done.application()).acknowledged());
        assertTrue(acknowledging.unacknowledged(TestStaff.STAFF).isEmpty());
        assertTrue(seeing.forRole(TestStaff.STAFF, role.id()).rows().get(0).acknowledged());
        assertEquals(
                "application acknowledged (telephone)",
                audit.entries().get(audit.entries().size() - 1).what());

        assertInstanceOf(
                Acknowledging.AlreadyAcknowledged.class,
                acknowledging.markAcknowledged(
                        TestStaff.STAFF, app.reference(), Map.of("how", "post")));
        assertEquals(2, audit.entries().size());
    }
}

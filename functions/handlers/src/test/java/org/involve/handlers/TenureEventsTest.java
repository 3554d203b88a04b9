package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.Round;
import org.involve.core.fakes.TestPartnerLetters;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.Offer;
import org.involve.core.partners.PartnerChanges;
import org.involve.core.partners.PartnerStatus;
import org.involve.core.role.Role;
import org.involve.core.tenure.ImpactCount;
import org.involve.core.tenure.TenureJobs;
import org.involve.core.tenure.TenureLetters;
import org.junit.jupiter.api.Test;

/** The daily tenure review job, driven by its sample scheduler event. */
class TenureEventsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-02T05:30:00Z"));
    private final Round r = new Round();
    private final PartnerChanges changes =
            new PartnerChanges(
                    r.partners,
                    r.roles,
                    r.round,
                    TestPartnerLetters.letters("http://localhost:3000"),
                    clock);
    private final TenureJobs jobs =
            new TenureJobs(
                    r.tenure,
                    changes,
                    r.roles,
                    r.meetings,
                    new TenureLetters(
                            TestPartnerLetters.letters("http://localhost:3000"),
                            "http://localhost:3000"),
                    ImpactCount.NOT_KEPT,
                    90);
    private final Role role = r.role(TestRoles.dayRate(LocalDate.of(2024, 11, 20)));

    private String appoint(LocalDate start) {
        Application a = r.applicant(role, Application.Status.REFERENCES_RECEIVED);
        Appointment made =
                ((Appointment.Outcome.Appointed)
                                Appointment.appoint(
                                        new Offer(role, a, start, true, false),
                                        List.of(),
                                        TestStaff.STAFF,
                                        Instant.parse("2024-12-01T10:00:00Z")))
                        .appointment();
        assertTrue(r.partners.appoint(a, made, Map.of(), List.of(), List.of()));
        return made.id();
    }

    private List<OutboxMessage> sent(String purpose) {
        return r.outbox.messages().stream().filter(m -> m.purpose().equals(purpose)).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> run() {
        return new TenureReviewHandler(jobs, clock)
                .handleRequest(
                        SampleEvents.use("schedule-tenure-review.json", Map.class, Map.of()), null);
    }

    @Test
    void theMorningJobAsksOnceChasesOnceAndEndsOnTheDay() {
        String id = appoint(LocalDate.of(2025, 1, 1));
        appoint(LocalDate.of(2025, 9, 1));
        // 06:30 BST on 2 October 2026: the window for 1 January 2027 opens tomorrow
        assertEquals(Map.of("asked", 0, "chased", 0, "ended", 0), run());
        clock.set(Instant.parse("2026-10-03T05:30:00Z"));
        assertEquals(Map.of("asked", 1, "chased", 0, "ended", 0), run());
        assertEquals(Map.of("asked", 0, "chased", 0, "ended", 0), run());
        assertEquals(1, sent("tenure-ask").size());
        assertEquals(1, sent("tenure-team-ask").size());

        clock.set(Instant.parse("2026-10-17T05:30:00Z"));
        assertEquals(Map.of("asked", 0, "chased", 1, "ended", 0), run());
        assertEquals(Map.of("asked", 0, "chased", 0, "ended", 0), run());

        // 06:30 GMT on 1 January 2027
        clock.set(Instant.parse("2027-01-01T06:30:00Z"));
        assertEquals(Map.of("asked", 0, "chased", 0, "ended", 1), run());
        assertEquals(Map.of("asked", 0, "chased", 0, "ended", 0), run());
        assertEquals(PartnerStatus.ENDED, r.partners.appointments.get(id).status());
        assertEquals(1, sent("tenure-thanks").size());
        assertEquals(1, sent("tenure-team-ended").size());
    }
}

package org.involve.core.outcomes;

import static org.involve.core.application.Application.Status.INTERVIEW_BOOKED;
import static org.involve.core.application.Application.Status.NOT_SHORTLISTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.fakes.InMemoryOutboxWriter;
import org.involve.core.fakes.Round;
import org.involve.core.fakes.TestRoles;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.junit.jupiter.api.Test;

class OutcomeReminderTest {
    private final Round r = new Round();
    private final OutcomeReminder job =
            new OutcomeReminder(
                    r.roles,
                    r.round,
                    new InMemoryOutboxWriter(r.outbox),
                    new OutcomeLetters("https://staff.example.org"));
    private final Role role =
            r.role(
                    TestRoles.dayRate(LocalDate.of(2025, 1, 20))
                            .withStatus(RoleStatus.SHORTLISTING));

    @Test
    void eachClosedRoleWithApplicantsWaitingGetsOneEmailCountingThemAndLinkingToThePage() {
        r.applicant(role, INTERVIEW_BOOKED);
        r.applicant(role, NOT_SHORTLISTED);
        Instant monday = Instant.parse("2025-03-03T09:00:00Z");

        OutcomeReminder.Result result = job.run(monday);

        assertEquals(Map.of(role.id(), 2), result.waiting());
        OutboxMessage m = r.outbox.find("outcomes-due-" + role.id() + "-2025-W10").orElseThrow();
        assertEquals(List.of(m.id()), result.messageIds());
        assertEquals("team@example.org", m.email().to());
        assertEquals(
                "2 applicants still waiting for an outcome: Group member", m.email().subject());
        assertTrue(
                m.email().text().contains("https://staff.example.org/staff/outcomes/" + role.id()));
        assertTrue(m.email().text().contains("closed on 20 January 2025 at 11:59pm"));
    }

    @Test
    void runningTwiceInOneUkWeekSendsOneAndTheNextWeekSendsAgain() {
        r.applicant(role, INTERVIEW_BOOKED);
        assertEquals(1, job.run(Instant.parse("2025-03-03T09:00:00Z")).messageIds().size());
        assertEquals(
                0,
                job.run(Instant.parse("2025-03-03T09:05:00Z")).messageIds().size(),
                "a retry of the same run");
        assertEquals(
                0,
                job.run(Instant.parse("2025-03-09T23:00:00Z")).messageIds().size(),
                "Sunday night, same week");
        assertEquals(1, job.run(Instant.parse("2025-03-10T09:00:00Z")).messageIds().size());
        assertEquals(2, r.outbox.entries.size());
    }

    /** Clocks go forward on 30 March 2025: Monday 31 March starts at 23:00 UTC on Sunday. */
    @Test
    void theWeekFollowsUkTimeWhenTheClocksGoForward() {
        r.applicant(role, INTERVIEW_BOOKED);
        assertEquals(
                1,
                job.run(Instant.parse("2025-03-24T09:00:00Z")).messageIds().size(),
                "Monday 09:00 GMT");
        assertEquals(
                0,
                job.run(Instant.parse("2025-03-30T22:30:00Z")).messageIds().size(),
                "Sunday 23:30 BST: still that week");
        assertEquals(
                1,
                job.run(Instant.parse("2025-03-30T23:30:00Z")).messageIds().size(),
                "Monday 00:30 BST, though still Sunday in UTC");
        assertEquals(
                0,
                job.run(Instant.parse("2025-03-31T08:00:00Z")).messageIds().size(),
                "the scheduled Monday 09:00 BST run");
        assertEquals("2025-W14", OutcomeReminder.week(Instant.parse("2025-03-30T23:30:00Z")));
    }

    /** Clocks go back on 26 October 2025: Sunday lasts 25 hours and Monday 27 October starts at 00:00 UTC. */
    @Test
    void theWeekFollowsUkTimeWhenTheClocksGoBack() {
        r.applicant(role, INTERVIEW_BOOKED);
        assertEquals(
                1,
                job.run(Instant.parse("2025-10-20T08:00:00Z")).messageIds().size(),
                "Monday 09:00 BST");
        assertEquals(
                0,
                job.run(Instant.parse("2025-10-26T23:30:00Z")).messageIds().size(),
                "Sunday 23:30 GMT: still that week");
        assertEquals(
                1,
                job.run(Instant.parse("2025-10-27T09:00:00Z")).messageIds().size(),
                "Monday 09:00 GMT");
        assertEquals("2025-W43", OutcomeReminder.week(Instant.parse("2025-10-26T23:30:00Z")));
    }

    @Test
    void rolesNotDueAndApplicantsWhoHaveHeardGetNothing() {
        Instant now = Instant.parse("2025-03-03T09:00:00Z");
        for (int i = 0; i < 200; i++) {
            Role open =
                    r.role(
                            new Role(
                                    "open-" + i,
                                    "Open " + i,
                                    "p",
                                    "o",
                                    "s",
                                    null,
                                    null,
                                    1,
                                    null,
                                    0,
                                    null,
                                    null,
                                    LocalDate.of(2025, 4, 1).plusDays(i),
                                    LocalDate.of(2025, 6, 1).plusDays(i),
                                    "video call",
                                    2,
                                    5,
                                    role.commitment(),
                                    role.tenure(),
                                    role.payment(),
                                    role.eligibility(),
                                    role.contact(),
                                    RoleStatus.OPEN));
            r.applicant(open, Application.Status.RECEIVED);
            Role filled =
                    r.role(
                            new Role(
                                    "filled-" + i,
                                    "Filled " + i,
                                    "p",
                                    "o",
                                    "s",
                                    null,
                                    null,
                                    1,
                                    null,
                                    0,
                                    null,
                                    null,
                                    LocalDate.of(2025, 1, 1),
                                    LocalDate.of(2025, 1, 20),
                                    "video call",
                                    2,
                                    5,
                                    role.commitment(),
                                    role.tenure(),
                                    role.payment(),
                                    role.eligibility(),
                                    role.contact(),
                                    RoleStatus.FILLED));
            Application told = r.applicant(filled, NOT_SHORTLISTED);
            r.round.add(
                    told.after(
                            NOT_SHORTLISTED,
                            Map.of(
                                    OutcomeFacts.OUTCOME,
                                    OutcomeFacts.UNSUCCESSFUL,
                                    OutcomeFacts.SENT_AT,
                                    now.toString())));
        }
        r.applicant(role, INTERVIEW_BOOKED);

        OutcomeReminder.Result result = job.run(now);

        assertEquals(Map.of(role.id(), 1), result.waiting());
        assertEquals(1, r.outbox.entries.size());
        assertEquals(
                1,
                r.round.awaitingRead(),
                "only the applications of roles that owe outcomes are asked for: none of the 200 in open rounds");
    }

    /** SnapStart's priming runs the job as of 2000, against the real tables: it must write nothing. */
    @Test
    void aRunAsOfATimeBeforeTheApplicationsSeesNoneOfThem() {
        r.applicant(role, INTERVIEW_BOOKED);

        OutcomeReminder.Result result = job.run(Instant.parse("2000-01-01T00:00:00Z"));

        assertEquals(Map.of(), result.waiting());
        assertTrue(r.outbox.entries.isEmpty());
    }

    @Test
    void aRoleWithdrawnBeforeItsClosingTimeOwesItsApplicantsAnOutcome() {
        Role withdrawn =
                r.role(
                        TestRoles.monthly(LocalDate.of(2025, 6, 30))
                                .withStatus(RoleStatus.WITHDRAWN));
        Role open = r.role(TestRoles.unpaid(LocalDate.of(2025, 7, 31)));
        r.applicant(withdrawn, Application.Status.RECEIVED);
        r.applicant(open, Application.Status.RECEIVED);

        OutcomeReminder.Result result = job.run(Instant.parse("2025-03-03T09:00:00Z"));

        assertEquals(Map.of(withdrawn.id(), 1), result.waiting());
        assertEquals(1, r.round.awaitingRead(), "the open role's applicant is never read");
    }
}

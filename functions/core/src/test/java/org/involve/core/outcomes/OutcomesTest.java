package org.involve.core.outcomes;

import static org.involve.core.application.Application.Status.APPOINTED;
import static org.involve.core.application.Application.Status.INTERVIEW_BOOKED;
import static org.involve.core.application.Application.Status.NOT_APPOINTED;
import static org.involve.core.application.Application.Status.NOT_SHORTLISTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.Round;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.involve.core.staff.AccessDenied;
import org.junit.jupiter.api.Test;

class OutcomesTest {
    static final Instant NOW = Instant.parse("2025-03-03T10:00:00Z");
    private final MutableClock clock = new MutableClock(NOW);
    private final Round r = new Round();
    private final Role role =
            r.role(
                    TestRoles.dayRate(LocalDate.of(2025, 1, 20))
                            .withStatus(RoleStatus.SHORTLISTING));
    private final Outcomes outcomes =
            new Outcomes(
                    r.roles,
                    r.round,
                    r.round,
                    r.outcomes,
                    new OutcomeLetters("https://staff.example.org"),
                    clock);

    private OutboxMessage message(String id) {
        return r.outbox.find(id).orElseThrow(() -> new AssertionError("no message " + id));
    }

    @Test
    void
            sendingWritesAKindEmailToEveryUnsuccessfulApplicantAndATaskForThoseWhoAskedForTelephoneOrPost() {
        Application notShortlisted = r.applicant(role, NOT_SHORTLISTED);
        Application notAppointed = r.applicant(role, NOT_APPOINTED);
        Application byPhone = r.applicant(role, NOT_SHORTLISTED, "telephone", Map.of());
        Application atInterview = r.applicant(role, INTERVIEW_BOOKED);

        Outcomes.Sent sent =
                outcomes.sendUnsuccessful(TestStaff.STAFF, role.id(), toSendNow(role.id()));

        assertEquals(2, sent.emails());
        assertEquals(1, sent.tasks());
        assertEquals(3, sent.messageIds().size());
        String first = message("outcome-" + notShortlisted.reference()).email().text();
        assertEquals(
                notShortlisted.answer("email"),
                message("outcome-" + notShortlisted.reference()).email().to());
        assertTrue(first.contains("Dear Applicant Number1,"));
        assertTrue(first.contains("Thank you for applying to be a Group member"));
        assertTrue(first.contains("we cannot invite you to an interview this time"));
        assertTrue(first.contains("If you would like feedback on your application"));
        assertTrue(first.contains("Test Contact at team@example.org"));
        assertTrue(
                message("outcome-" + notAppointed.reference())
                        .email()
                        .text()
                        .contains("coming to talk with us at interview"));
        OutboxMessage task = message("outcome-task-" + byPhone.reference());
        assertEquals("team@example.org", task.email().to());
        assertTrue(task.email().subject().contains("by telephone"));
        assertFalse(
                task.email().text().contains("Applicant Number3"),
                "the team e-mail carries the reference, not the name");
        assertTrue(
                task.email()
                        .text()
                        .contains("https://staff.example.org/staff/outcomes/" + role.id()));

        Application told = r.current(notShortlisted);
        assertEquals(NOT_SHORTLISTED, told.status());
        assertEquals(
                Map.of(
                        "outcome",
                        "unsuccessful",
                        "outcome.by",
                        "email",
                        "outcome.sentAt",
                        NOW.toString()),
                told.progress());
        assertEquals(
                Map.of("outcome", "unsuccessful", "outcome.by", "staff"),
                r.current(byPhone).progress());
        assertTrue(
                r.current(atInterview).progress().isEmpty(),
                "someone still in the round is not told yet");
        assertEquals(3, r.audit.entries().size());
        assertEquals(
                "application:" + notShortlisted.reference(), r.audit.entries().get(0).record());
        assertEquals(TestStaff.STAFF.id(), r.audit.entries().get(0).who());
    }

    @Test
    void sendingTwiceSendsOnce() {
        r.applicant(role, NOT_SHORTLISTED);
        r.applicant(role, NOT_APPOINTED, "post", Map.of());
        outcomes.sendUnsuccessful(TestStaff.STAFF, role.id(), toSendNow(role.id()));

        Outcomes.Sent again =
                outcomes.sendUnsuccessful(TestStaff.STAFF, role.id(), toSendNow(role.id()));

        assertEquals(new Outcomes.Sent(0, 0, List.of()), again);
        assertEquals(2, r.outbox.entries.size());
        assertEquals(2, r.audit.entries().size());
    }

    @Test
    void twoPeopleSendingFromTheSamePageRecordItOnce() {
        Application a = r.applicant(role, NOT_SHORTLISTED);
        OutcomeLetters letters = new OutcomeLetters("https://staff.example.org");
        AuditEntry entry =
                AuditEntry.by(
                        TestStaff.STAFF,
                        "sent",
                        "application:" + a.reference(),
                        NOW,
                        "NOT_SHORTLISTED",
                        "outcome unsuccessful");
        Map<String, String> facts = OutcomeFacts.decidedFacts(a, OutcomeFacts.UNSUCCESSFUL, NOW);

        assertTrue(
                r.outcomes.recordOnce(
                        a,
                        OutcomeFacts.OUTCOME,
                        facts,
                        entry,
                        List.of(letters.unsuccessful(role, a, NOW))));
        assertFalse(
                r.outcomes.recordOnce(
                        a,
                        OutcomeFacts.OUTCOME,
                        facts,
                        entry,
                        List.of(letters.unsuccessful(role, a, NOW))),
                "the stale copy is refused");
        assertEquals(1, r.audit.entries().size());
    }

    @Test
    void aStaffTaskMarkedDoneMeansTheyHaveHeardAndMarkingAgainChangesNothing() {
        Application byPost = r.applicant(role, NOT_SHORTLISTED, "post", Map.of());
        outcomes.sendUnsuccessful(TestStaff.STAFF, role.id(), toSendNow(role.id()));
        assertEquals(
                List.of(byPost.reference()),
                outcomes.forRole(TestStaff.STAFF, role.id()).tasks().stream()
                        .map(Application::reference)
                        .toList());
        clock.set(NOW.plusSeconds(3600));

        String seen = r.current(byPost).version();
        assertTrue(outcomes.markTaskDone(TestStaff.STAFF, role.id(), byPost.reference(), seen));
        assertFalse(
                outcomes.markTaskDone(TestStaff.STAFF, role.id(), byPost.reference(), seen),
                "a second press records nothing and is not refused");

        Application told = r.current(byPost);
        assertEquals(NOW.plusSeconds(3600).toString(), told.progress(OutcomeFacts.SENT_AT));
        assertEquals(TestStaff.STAFF.id(), told.progress(OutcomeFacts.TASK_DONE_BY));
        assertTrue(OutcomeFacts.heard(told));
        assertEquals(2, r.audit.entries().size());
        assertTrue(outcomes.forRole(TestStaff.STAFF, role.id()).tasks().isEmpty());
    }

    @Test
    void withoutAnOutcomeListsEveryApplicantOfAClosedRoleWhoHasNotHeardLongestWaitingFirst() {
        Role closedLater =
                r.role(TestRoles.monthly(LocalDate.of(2025, 2, 24)).withStatus(RoleStatus.FILLED));
        Role pastClosingNotYetMoved = r.role(TestRoles.unpaid(LocalDate.of(2025, 3, 1)));
        Role stillOpen =
                r.role(
                        new Role(
                                "open-role",
                                "Open role",
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
                                LocalDate.of(2025, 4, 1),
                                LocalDate.of(2025, 4, 20),
                                "video call",
                                2,
                                5,
                                role.commitment(),
                                role.tenure(),
                                role.payment(),
                                role.eligibility(),
                                role.contact(),
                                RoleStatus.OPEN));
        Role draft =
                r.role(
                        new Role(
                                "draft-role",
                                "Draft",
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
                                RoleStatus.DRAFT));
        Application waitingLong = r.applicant(role, INTERVIEW_BOOKED);
        Application heard = r.applicant(role, NOT_SHORTLISTED);
        Application taskNotDone = r.applicant(closedLater, NOT_SHORTLISTED, "telephone", Map.of());
        Application notYetMoved = r.applicant(pastClosingNotYetMoved, Application.Status.RECEIVED);
        r.applicant(stillOpen, Application.Status.RECEIVED);
        r.applicant(draft, Application.Status.RECEIVED);
        outcomes.sendUnsuccessful(TestStaff.STAFF, role.id(), toSendNow(role.id()));
        outcomes.sendUnsuccessful(TestStaff.STAFF, closedLater.id(), toSendNow(closedLater.id()));

        List<Outcomes.Waiting> waiting = outcomes.withoutOutcome(TestStaff.STAFF);

        assertEquals(
                List.of(waitingLong.reference(), taskNotDone.reference(), notYetMoved.reference()),
                waiting.stream().map(w -> w.application().reference()).toList());
        assertEquals(
                42,
                waiting.get(0).daysSinceClosing(),
                "UK calendar days from the closing date, 20 January, to 3 March");
        assertEquals(2, waiting.get(2).daysSinceClosing(), "closing date 1 March, now 3 March");
        assertFalse(
                waiting.stream()
                        .anyMatch(w -> w.application().reference().equals(heard.reference())));
    }

    @Test
    void theRoleIsFilledOnceEveryApplicantHasAnOutcomeAndNotBefore() {
        Application stillAtInterview = r.applicant(role, INTERVIEW_BOOKED);
        r.applicant(role, NOT_SHORTLISTED);
        r.round.add(
                r.applicant(role, APPOINTED)
                        .after(APPOINTED, Map.of(OutcomeFacts.OUTCOME, OutcomeFacts.SUCCESSFUL)));
        outcomes.sendUnsuccessful(TestStaff.STAFF, role.id(), toSendNow(role.id()));
        assertEquals(
                RoleStatus.SHORTLISTING,
                r.roles.roles.get(role.id()).status(),
                "someone is still at interview");

        r.round.add(r.current(stillAtInterview).after(NOT_APPOINTED, Map.of()));
        outcomes.sendUnsuccessful(TestStaff.STAFF, role.id(), toSendNow(role.id()));

        assertEquals(RoleStatus.FILLED, r.roles.roles.get(role.id()).status());
        AuditEntry filled = r.roles.audit.get(r.roles.audit.size() - 1);
        assertEquals("role:" + role.id(), filled.record());
        assertEquals("FILLED", filled.toState());
    }

    @Test
    void aPanelMemberCannotSendOrSeeOutcomes() {
        r.applicant(role, NOT_SHORTLISTED);
        assertThrows(
                AccessDenied.class,
                () ->
                        outcomes.sendUnsuccessful(
                                TestStaff.PANEL_A, role.id(), toSendNow(role.id())));
        assertThrows(AccessDenied.class, () -> outcomes.withoutOutcome(TestStaff.PANEL_A));
        assertThrows(AccessDenied.class, () -> outcomes.forRole(TestStaff.PANEL_A, role.id()));
        assertTrue(r.outbox.entries.isEmpty());
    }

    /** The version the confirming page read now carries. */
    private String toSendNow(String roleId) {
        return outcomes.forRole(TestStaff.STAFF, roleId).toSendVersion();
    }
}

package org.involve.core.outcomes;

import static org.involve.core.application.Application.Status.APPOINTED;
import static org.involve.core.application.Application.Status.DID_NOT_ATTEND;
import static org.involve.core.application.Application.Status.INTERVIEW_BOOKED;
import static org.involve.core.application.Application.Status.INVITED_TO_INTERVIEW;
import static org.involve.core.application.Application.Status.NOT_APPOINTED;
import static org.involve.core.application.Application.Status.NOT_SHORTLISTED;
import static org.involve.core.application.Application.Status.RECEIVED;
import static org.involve.core.application.Application.Status.REFERENCES_RECEIVED;
import static org.involve.core.application.Application.Status.REFERENCES_REQUESTED;
import static org.involve.core.application.Application.Status.RESERVE;
import static org.involve.core.application.Application.Status.WITHDRAWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.fakes.InMemoryOutboxWriter;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.Round;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.junit.jupiter.api.Test;

/** Every loop ends in an outcome: a bad reference, a closed reserve list, a withdrawn role; and the role fills only then. */
class OutcomeLoopsTest {
    static final Instant NOW = Instant.parse("2025-03-03T10:00:00Z");
    private final MutableClock clock = new MutableClock(NOW);
    private final Round r = new Round();
    private final Role role =
            r.role(
                    TestRoles.dayRate(LocalDate.of(2025, 1, 20))
                            .withStatus(RoleStatus.SHORTLISTING));
    private final OutcomeLetters letters = new OutcomeLetters("https://staff.example.org");
    private final Outcomes outcomes =
            new Outcomes(r.roles, r.round, r.round, r.outcomes, letters, clock);

    private String text(String id) {
        return r.outbox.find(id).orElseThrow(() -> new AssertionError("no " + id)).email().text();
    }

    private Application with(Application a, Map<String, String> facts) {
        return r.round.add(a.after(a.status(), facts));
    }

    private RoleStatus roleStatus() {
        return r.roles.roles.get(role.id()).status();
    }

    @Test
    void anUnsatisfactoryReferenceIsToldInKindWordsThatNeverGiveTheReason() {
        Application a =
                with(
                        r.applicant(role, NOT_APPOINTED),
                        Map.of(
                                "references.unsatisfactory.reason",
                                "Referee says they were dismissed",
                                "references.unsatisfactory.referee",
                                "1"));
        Application plain = r.applicant(role, NOT_APPOINTED);
        outcomes.sendUnsuccessful(
                TestStaff.STAFF,
                role.id(),
                outcomes.forRole(TestStaff.STAFF, role.id()).toSendVersion());
        String letter = text("outcome-" + a.reference());
        assertTrue(letter.contains("We make some last checks before anyone joins us"), letter);
        assertFalse(letter.contains("dismissed"), "the reason stays with staff");
        assertFalse(letter.contains("more applications than places"), letter);
        assertTrue(text("outcome-" + plain.reference()).contains("more applications than places"));
    }

    @Test
    void closingTheReserveListTellsEveryoneOnItOnceAndThenTheRoleCanFill() {
        Application onList = r.applicant(role, RESERVE);
        Application byPhone = r.applicant(role, RESERVE, "telephone", Map.of());
        with(r.applicant(role, APPOINTED), Map.of(OutcomeFacts.OUTCOME, OutcomeFacts.SUCCESSFUL));
        outcomes.sendUnsuccessful(
                TestStaff.STAFF,
                role.id(),
                outcomes.forRole(TestStaff.STAFF, role.id()).toSendVersion());
        assertEquals(RoleStatus.SHORTLISTING, roleStatus(), "the reserve list is still open");
        assertEquals(2, outcomes.forRole(TestStaff.STAFF, role.id()).reserve().size());

        Outcomes.Sent sent =
                outcomes.closeReserveList(
                        TestStaff.STAFF,
                        role.id(),
                        outcomes.forRole(TestStaff.STAFF, role.id()).reserveVersion());

        assertEquals(1, sent.emails());
        assertEquals(1, sent.tasks());
        assertEquals(NOT_APPOINTED, r.current(onList).status());
        assertTrue(OutcomeFacts.heard(r.current(onList)));
        assertTrue(OutcomeFacts.reserveClosed(r.current(onList)));
        String letter = text("outcome-" + onList.reference());
        assertTrue(letter.contains("no place has come up"), letter);
        assertTrue(letter.contains("Your interview went well"), letter);
        String task = text("outcome-task-" + byPhone.reference());
        assertTrue(task.contains("no place came up while they were on the reserve list"), task);
        assertTrue(OutcomeFacts.taskOpen(r.current(byPhone)));
        assertEquals(RoleStatus.FILLED, roleStatus(), "everyone has an outcome now");
        assertEquals(
                "NOT_APPOINTED",
                r.audit.entries().stream()
                        .filter(e -> e.record().equals("application:" + onList.reference()))
                        .reduce((x, y) -> y)
                        .orElseThrow()
                        .toState());

        int messages = r.outbox.entries.size();
        assertEquals(
                0,
                outcomes.closeReserveList(
                                TestStaff.STAFF,
                                role.id(),
                                outcomes.forRole(TestStaff.STAFF, role.id()).reserveVersion())
                        .messageIds()
                        .size());
        assertEquals(messages, r.outbox.entries.size());
    }

    @Test
    void closingFromAPageReadBeforeTheReserveListChangedTellsNobody() {
        Application onList = r.applicant(role, RESERVE);
        String read = outcomes.forRole(TestStaff.STAFF, role.id()).reserveVersion();
        Application later = r.applicant(role, RESERVE); // put on the list after the page was read
        int messages = r.outbox.entries.size();
        assertThrows(
                Application.ChangedMeanwhile.class,
                () -> outcomes.closeReserveList(TestStaff.STAFF, role.id(), read));
        assertEquals(RESERVE, r.current(onList).status());
        assertEquals(RESERVE, r.current(later).status());
        assertEquals(messages, r.outbox.entries.size());
    }

    @Test
    void everyoneWhoAppliedToAWithdrawnRoleIsToldAndTheRoleIsListedUntilTheyAre() {
        Role gone =
                r.role(
                        TestRoles.monthly(LocalDate.of(2025, 4, 20))
                                .withStatus(RoleStatus.WITHDRAWN));
        Application invited = r.applicant(gone, INVITED_TO_INTERVIEW);
        Application fresh = r.applicant(gone, RECEIVED, "post", Map.of());
        r.applicant(gone, WITHDRAWN);

        List<Outcomes.Waiting> waiting = outcomes.withoutOutcome(TestStaff.STAFF);
        assertEquals(
                List.of(invited.reference(), fresh.reference()),
                waiting.stream()
                        .filter(w -> w.role().id().equals(gone.id()))
                        .map(w -> w.application().reference())
                        .toList(),
                "the applicant who withdrew has been told already");
        assertEquals(2, outcomes.forRole(TestStaff.STAFF, gone.id()).toSend().size());
        assertEquals("tellWithdrawn", NextStep.of(gone, invited).action());

        Outcomes.Sent sent =
                outcomes.sendUnsuccessful(
                        TestStaff.STAFF,
                        gone.id(),
                        outcomes.forRole(TestStaff.STAFF, gone.id()).toSendVersion());
        assertEquals(1, sent.emails());
        assertEquals(1, sent.tasks());
        String letter = text("outcome-" + invited.reference());
        assertTrue(letter.contains("not to go ahead with this role"), letter);
        assertTrue(letter.contains("not about you"), letter);
        assertTrue(
                text("outcome-task-" + fresh.reference()).contains("the role has been withdrawn"));
        assertEquals(
                List.of(fresh.reference()),
                outcomes.withoutOutcome(TestStaff.STAFF).stream()
                        .filter(w -> w.role().id().equals(gone.id()))
                        .map(w -> w.application().reference())
                        .toList(),
                "until staff have written to the one who asked for post");
        outcomes.markTaskDone(
                TestStaff.STAFF, gone.id(), fresh.reference(), r.current(fresh).version());
        assertTrue(
                outcomes.withoutOutcome(TestStaff.STAFF).stream()
                        .noneMatch(w -> w.role().id().equals(gone.id())));
        assertEquals(RoleStatus.WITHDRAWN, r.roles.roles.get(gone.id()).status());
    }

    @Test
    void withdrawnAndDidNotAttendCountAsToldSoTheRoleFillsButTheReserveListKeepsItOpen() {
        r.applicant(role, WITHDRAWN);
        r.applicant(role, DID_NOT_ATTEND);
        Application reserve = r.applicant(role, RESERVE);
        r.applicant(role, NOT_SHORTLISTED);
        outcomes.sendUnsuccessful(
                TestStaff.STAFF,
                role.id(),
                outcomes.forRole(TestStaff.STAFF, role.id()).toSendVersion());
        assertEquals(RoleStatus.SHORTLISTING, roleStatus());
        assertEquals(
                List.of(reserve.reference()),
                outcomes.withoutOutcome(TestStaff.STAFF).stream()
                        .map(w -> w.application().reference())
                        .toList());

        outcomes.closeReserveList(
                TestStaff.STAFF,
                role.id(),
                outcomes.forRole(TestStaff.STAFF, role.id()).reserveVersion());
        assertEquals(RoleStatus.FILLED, roleStatus());
    }

    @Test
    void eachApplicantStillToHearHasANextStepLinkingToThePageThatDoesIt() {
        String id = role.id();
        Map<Application.Status, String> expected =
                Map.of(
                        RECEIVED, "shortlist /staff/shortlisting/" + id,
                        INVITED_TO_INTERVIEW, "booking /staff/interviews/" + id,
                        INTERVIEW_BOOKED, "result /staff/references/" + id + "/",
                        REFERENCES_REQUESTED, "references /staff/references/" + id + "/",
                        REFERENCES_RECEIVED, "appoint /staff/partners/" + id,
                        RESERVE, "reserve /staff/outcomes/" + id,
                        NOT_SHORTLISTED, "send /staff/outcomes/" + id + "/send");
        expected.forEach(
                (status, step) -> {
                    Application a = r.applicant(role, status);
                    NextStep next = NextStep.of(role, a);
                    String shown = next.action() + " " + next.path();
                    assertEquals(
                            step.endsWith("/") ? step + a.reference() : step, shown, status.name());
                    assertFalse(next.words().isBlank());
                });
        Application task =
                with(
                        r.applicant(role, NOT_APPOINTED, "telephone", Map.of()),
                        Map.of(OutcomeFacts.OUTCOME, "unsuccessful", "outcome.by", "staff"));
        assertEquals("tell", NextStep.of(role, task).action());
    }

    @Test
    void theWeeklyEmailListsEachApplicantWithWhatToDoAndALinkToThePage() {
        Application booked = r.applicant(role, INTERVIEW_BOOKED);
        Application reserve = r.applicant(role, RESERVE);
        OutcomeReminder job =
                new OutcomeReminder(r.roles, r.round, new InMemoryOutboxWriter(r.outbox), letters);
        job.run(NOW);
        OutboxMessage m = r.outbox.find("outcomes-due-" + role.id() + "-2025-W10").orElseThrow();
        String text = m.email().text();
        assertTrue(
                text.contains(
                        "Application " + booked.reference() + ": Record the interview result"),
                text);
        assertTrue(
                text.contains(
                        "https://staff.example.org/staff/references/"
                                + role.id()
                                + "/"
                                + booked.reference()),
                text);
        assertTrue(
                text.contains(
                        "Application "
                                + reserve.reference()
                                + ": Offer them a place, or close the reserve list"),
                text);
    }
}

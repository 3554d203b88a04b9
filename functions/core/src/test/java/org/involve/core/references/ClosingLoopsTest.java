package org.involve.core.references;

import static org.involve.core.application.Application.Status.NOT_APPOINTED;
import static org.involve.core.application.Application.Status.REFERENCES_RECEIVED;
import static org.involve.core.application.Application.Status.REFERENCES_REQUESTED;
import static org.involve.core.application.Application.Status.RESERVE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.links.LinkRefusal;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.staff.AccessDenied;
import org.junit.jupiter.api.Test;

/** The references step's loops that end in an outcome: the reserve list, a replaced referee, an unsatisfactory reference. */
class ClosingLoopsTest {
    private static final String ONE = "robin.refereeone@example.org",
            TWO = "kit.refereetwo@example.org",
            NEW = "sam.newreferee@example.org";
    private final World w = new World();

    private ReferencesDesk.Recorded record(Application a, String result) {
        return w.desk.recordResult(
                TestStaff.STAFF,
                w.role.id(),
                a.reference(),
                World.readAt(w.now(a), Map.of(ReferencesDesk.RESULT, result)));
    }

    private void onePlace() {
        w.roles.roles.put(w.role.id(), TestRoles.withPlaces(w.role, 1));
    }

    private Application requested(String reference) {
        Application a = w.booked(reference);
        assertInstanceOf(ReferencesDesk.Recorded.Done.class, record(a, ReferencesDesk.SUCCESSFUL));
        return w.now(a);
    }

    private static Map<String, String> newReferee(String email) {
        return Map.of(
                ReferencesDesk.NEW_NAME, "Sam Newreferee",
                ReferencesDesk.NEW_EMAIL, email,
                ReferencesDesk.NEW_RELATIONSHIP, "Runs the carers' group they go to",
                ReferencesDesk.NEW_KNOWN_FOR, "5 years");
    }

    private ReferencesDesk.Recorded replace(Application a, int number, Map<String, String> posted) {
        return w.desk.replaceReferee(
                TestStaff.STAFF,
                w.role.id(),
                a.reference(),
                number,
                World.readAt(w.now(a), posted));
    }

    private AuditEntry lastAudit() {
        return w.audit.entries().get(w.audit.entries().size() - 1);
    }

    @Test
    void successfulWithNoPlaceLeftGoesOnTheReserveListWithItsOwnKindEmail() {
        Application a = w.booked("INV-5555-0001");
        var done =
                assertInstanceOf(
                        ReferencesDesk.Recorded.Done.class, record(a, ReferencesDesk.RESERVE));
        assertEquals(RESERVE, done.status());
        Application now = w.now(a);
        assertEquals(RESERVE, now.status());
        assertEquals(true, ReferenceFacts.of(now).interviewSuccessful());
        assertEquals(w.clock.instant(), ReferenceFacts.reserveAt(now));
        assertTrue(w.book.requests.isEmpty(), "no referee is asked while on the reserve list");
        List<OutboxMessage> mail = w.mailTo("inv-5555-0001@example.org");
        assertEquals(1, mail.size());
        String text = mail.get(0).email().text();
        assertTrue(text.contains("Your interview went well"), text);
        assertTrue(text.contains("reserve list"), text);
        assertTrue(text.contains("we will write to you again"), text);
        assertEquals(
                List.of("INTERVIEW_BOOKED", "RESERVE"),
                List.of(lastAudit().fromState(), lastAudit().toState()));
    }

    @Test
    void aReserveWhoAskedForTelephoneIsToldByTheTeamFromALink() {
        Application byPhone =
                w.round.add(
                        org.involve.core.fakes.TestApplications.submitted(
                                        w.role,
                                        "INV-5555-0010",
                                        w.clock.instant().minus(java.time.Duration.ofDays(20)),
                                        Map.of(
                                                org.involve.core.application.ApplicationForm
                                                        .CONTACT_METHOD,
                                                "telephone"))
                                .after(Application.Status.INTERVIEW_BOOKED, Map.of()));
        record(byPhone, ReferencesDesk.RESERVE);
        List<OutboxMessage> team = w.mailTo("team@example.org");
        assertEquals(1, team.size());
        assertTrue(team.get(0).email().subject().contains("INV-5555-0010"));
        assertTrue(
                team.get(0)
                        .email()
                        .text()
                        .contains(
                                "https://staff.example.org/staff/references/"
                                        + w.role.id()
                                        + "/INV-5555-0010"));
    }

    @Test
    void successfulIsRefusedWhileEveryPlaceIsHeldAndTheReserveListIsSuggested() {
        onePlace();
        requested("INV-5555-0002");
        Application second = w.booked("INV-5555-0003");
        var invalid =
                assertInstanceOf(
                        ReferencesDesk.Recorded.Invalid.class,
                        record(second, ReferencesDesk.SUCCESSFUL));
        assertTrue(invalid.errors().asMap().get(ReferencesDesk.RESULT).contains("reserve list"));
        assertEquals(Application.Status.INTERVIEW_BOOKED, w.now(second).status());
    }

    @Test
    void aPlaceIsOfferedFromTheReserveListOnlyOnceOneIsFreeAndThenReferencesAreAsked() {
        onePlace();
        Application first = requested("INV-5555-0004");
        Application reserve = w.booked("INV-5555-0005");
        record(reserve, ReferencesDesk.RESERVE);
        var refused =
                assertInstanceOf(
                        ReferencesDesk.Recorded.Invalid.class,
                        w.desk.offerPlace(
                                TestStaff.STAFF,
                                w.role.id(),
                                reserve.reference(),
                                w.now(reserve).version()));
        assertTrue(refused.errors().asMap().containsKey(ReferencesDesk.OFFER));
        assertEquals(RESERVE, w.now(reserve).status());

        // the first applicant's reference is unsatisfactory: their place is free again
        w.referees.send(w.tokenSentTo(ONE), World.reference());
        w.desk.markUnsatisfactory(
                TestStaff.STAFF,
                w.role.id(),
                first.reference(),
                1,
                World.readAt(
                        w.now(first),
                        Map.of(ReferencesDesk.REASON, "Says they were dismissed for misconduct")));

        var done =
                assertInstanceOf(
                        ReferencesDesk.Recorded.Done.class,
                        w.desk.offerPlace(
                                TestStaff.STAFF,
                                w.role.id(),
                                reserve.reference(),
                                w.now(reserve).version()));
        assertEquals(REFERENCES_REQUESTED, done.status());
        assertEquals(2, done.messageIds().size());
        assertEquals(REFERENCES_REQUESTED, w.now(reserve).status());
        assertEquals(2, ReferenceFacts.of(w.now(reserve)).requestIds().size());
        assertEquals(
                "offered a place from the reserve list and asked for references",
                lastAudit().what());
        assertInstanceOf(
                ReferencesDesk.Recorded.AlreadyRecorded.class,
                w.desk.offerPlace(
                        TestStaff.STAFF,
                        w.role.id(),
                        reserve.reference(),
                        w.now(reserve).version()));
    }

    @Test
    void anUnsatisfactoryReferenceEndsTheApplicationWithTheReasonKeptForStaffAndNoEmail() {
        Application a = requested("INV-5555-0006");
        w.referees.send(w.tokenSentTo(ONE), World.reference());
        int mailBefore = w.outbox.messages().size();
        var invalid =
                assertInstanceOf(
                        ReferencesDesk.Recorded.Invalid.class,
                        w.desk.markUnsatisfactory(
                                TestStaff.STAFF,
                                w.role.id(),
                                a.reference(),
                                1,
                                World.readAt(w.now(a), Map.of())));
        assertTrue(invalid.errors().asMap().containsKey(ReferencesDesk.REASON));
        assertEquals("1", invalid.values().get(ReferencesDesk.REFEREE));
        assertThrows(
                ReferencesDesk.NotFound.class,
                () ->
                        w.desk.markUnsatisfactory(
                                TestStaff.STAFF,
                                w.role.id(),
                                a.reference(),
                                2,
                                World.readAt(w.now(a), Map.of(ReferencesDesk.REASON, "x"))),
                "only a reference that has arrived can be judged");

        var done =
                assertInstanceOf(
                        ReferencesDesk.Recorded.Done.class,
                        w.desk.markUnsatisfactory(
                                TestStaff.STAFF,
                                w.role.id(),
                                a.reference(),
                                1,
                                World.readAt(
                                        w.now(a),
                                        Map.of(
                                                ReferencesDesk.REASON,
                                                "Raises a safeguarding concern"))));
        assertEquals(NOT_APPOINTED, done.status());
        Application now = w.now(a);
        assertEquals(NOT_APPOINTED, now.status());
        var u = ReferenceFacts.unsatisfactory(now).orElseThrow();
        assertEquals("Raises a safeguarding concern", u.reason());
        assertEquals(1, u.refereeNumber());
        assertEquals(TestStaff.STAFF.id(), u.by());
        assertEquals(mailBefore, w.outbox.messages().size(), "the outcome goes through outcomes");
        assertEquals(
                List.of("REFERENCES_REQUESTED", "NOT_APPOINTED"),
                List.of(lastAudit().fromState(), lastAudit().toState()));
        assertFalse(lastAudit().what().contains("safeguarding"), "the reason is not audited");
    }

    @Test
    void markingUnsatisfactoryNeedsTheReferencesPermission() {
        Application a = requested("INV-5555-0007");
        assertThrows(
                AccessDenied.class,
                () ->
                        w.desk.markUnsatisfactory(
                                TestStaff.PANEL_A,
                                w.role.id(),
                                a.reference(),
                                1,
                                World.readAt(w.now(a), Map.of())));
        assertThrows(
                AccessDenied.class,
                () ->
                        w.desk.replaceReferee(
                                TestStaff.PANEL_A,
                                w.role.id(),
                                a.reference(),
                                1,
                                World.readAt(w.now(a), newReferee(NEW))));
        assertThrows(
                AccessDenied.class,
                () ->
                        w.desk.offerPlace(
                                TestStaff.PANEL_A, w.role.id(), a.reference(), w.now(a).version()));
    }

    @Test
    void aReplacedRefereesLinkStopsWorkingAndTheNewRefereeAnswersThroughTheirOwn() {
        Application a = requested("INV-5555-0008");
        String oldToken = w.tokenSentTo(ONE);
        String oldRequest = ReferenceFacts.of(w.now(a)).requestIds().get(0);

        var done =
                assertInstanceOf(
                        ReferencesDesk.Recorded.Done.class, replace(a, 1, newReferee(NEW)));
        assertEquals(1, done.messageIds().size());
        Application now = w.now(a);
        assertEquals(REFERENCES_REQUESTED, now.status());
        String newRequest = ReferenceFacts.of(now).requestIds().get(0);
        assertNotEquals(oldRequest, newRequest);
        assertEquals("Sam Newreferee", ReferenceFacts.referees(now).get(0).name());
        assertEquals(NEW, ReferenceFacts.referees(now).get(0).email());
        assertEquals(1, ReferenceFacts.replacements(now, 1));
        assertTrue(lastAudit().what().startsWith("replaced referee 1"));
        String letter = w.mailTo(NEW).get(0).email().text();
        assertTrue(letter.contains("Dear Sam Newreferee,"), letter);

        var opened =
                assertInstanceOf(RefereeResponses.Opened.Refused.class, w.referees.open(oldToken));
        assertEquals(LinkRefusal.REPLACED, opened.reason());
        var sent =
                assertInstanceOf(
                        RefereeResponses.Sent.Refused.class,
                        w.referees.send(oldToken, World.reference()));
        assertEquals(LinkRefusal.REPLACED, sent.reason());

        w.referees.send(w.tokenSentTo(TWO), World.reference());
        assertEquals(REFERENCES_REQUESTED, w.now(a).status());
        assertInstanceOf(
                RefereeResponses.Sent.Thanks.class,
                w.referees.send(w.tokenSentTo(NEW), World.reference()));
        assertEquals(REFERENCES_RECEIVED, w.now(a).status());
    }

    @Test
    void aRefereeIsReplacedOnlyBySomeoneElseAndOnlyBeforeTheyAnswer() {
        Application a = requested("INV-5555-0011");
        var own =
                assertInstanceOf(
                        ReferencesDesk.Recorded.Invalid.class,
                        replace(a, 1, newReferee("inv-5555-0011@example.org")));
        assertTrue(own.errors().asMap().get(ReferencesDesk.NEW_EMAIL).contains("own"));
        var same =
                assertInstanceOf(
                        ReferencesDesk.Recorded.Invalid.class, replace(a, 1, newReferee(TWO)));
        assertTrue(same.errors().asMap().containsKey(ReferencesDesk.NEW_EMAIL));
        var missing =
                assertInstanceOf(ReferencesDesk.Recorded.Invalid.class, replace(a, 1, Map.of()));
        assertEquals(4, missing.errors().asMap().size(), missing.errors().asMap().toString());
        assertEquals("1", missing.values().get(ReferencesDesk.REFEREE));

        w.referees.send(w.tokenSentTo(TWO), World.reference());
        assertThrows(ReferencesDesk.NotFound.class, () -> replace(a, 2, newReferee(NEW)));
        assertThrows(ReferencesDesk.NotFound.class, () -> replace(a, 3, newReferee(NEW)));
        assertEquals(2, ReferenceFacts.of(w.now(a)).requestIds().size());
    }

    @Test
    void theReplacedRequestIsNoLongerChasedButTheNewOneIs() {
        Application a = requested("INV-5555-0012");
        replace(a, 1, newReferee(NEW));
        int oldMail = w.mailTo(ONE).size();
        Instant later = w.clock.instant().plus(java.time.Duration.ofDays(6));
        w.clock.set(later);
        w.reminders.run(later);
        assertEquals(oldMail, w.mailTo(ONE).size(), "the old referee is not reminded");
        assertEquals(2, w.mailTo(NEW).size(), "the new referee is");
        assertEquals(2, w.mailTo(TWO).size(), "and so is the other referee");
    }

    private static Map<String, String> byTelephone() {
        Map<String, String> answers = new HashMap<>(World.reference());
        answers.remove(ReferenceForm.CONFIRMED);
        answers.put(ReferenceForm.TELEPHONE_CONFIRMED, "yes");
        return answers;
    }

    @Test
    void aReferenceTakenByTelephoneRecordsWhoAndWhenAndTheLastOneCompletesTheApplication() {
        Application a = requested("INV-5555-0013");
        String oneToken = w.tokenSentTo(ONE);
        var missing =
                assertInstanceOf(
                        ReferencesDesk.Recorded.Invalid.class,
                        w.desk.recordByTelephone(
                                TestStaff.STAFF,
                                w.role.id(),
                                a.reference(),
                                1,
                                World.readAt(w.now(a), World.reference())));
        assertTrue(
                missing.errors().asMap().containsKey(ReferenceForm.TELEPHONE_CONFIRMED),
                "staff say the referee confirmed it; the referee's own box is not on this form");

        var first =
                assertInstanceOf(
                        ReferencesDesk.Recorded.Done.class,
                        w.desk.recordByTelephone(
                                TestStaff.STAFF,
                                w.role.id(),
                                a.reference(),
                                1,
                                World.readAt(w.now(a), byTelephone())));
        assertEquals(REFERENCES_REQUESTED, first.status());
        assertTrue(first.messageIds().isEmpty());
        ReferenceRequest taken =
                w.book.find(ReferenceFacts.of(w.now(a)).requestIds().get(0)).orElseThrow();
        assertTrue(taken.received());
        assertEquals(TestStaff.STAFF.displayName(), taken.answers().get(ReferenceForm.TAKEN_BY));
        assertEquals(TestStaff.STAFF.id(), taken.answers().get(ReferenceForm.TAKEN_BY_ID));
        assertEquals(w.clock.instant().toString(), taken.answers().get(ReferenceForm.TAKEN_AT));
        assertEquals("yes", taken.answers().get(ReferenceForm.CONFIRMED));
        assertEquals("took reference 1 by telephone", lastAudit().what());
        assertEquals(
                LinkRefusal.ALREADY_USED,
                assertInstanceOf(
                                RefereeResponses.Sent.Refused.class,
                                w.referees.send(oneToken, World.reference()))
                        .reason(),
                "the referee's link has nothing left to do");
        assertThrows(
                ReferencesDesk.NotFound.class,
                () ->
                        w.desk.recordByTelephone(
                                TestStaff.STAFF,
                                w.role.id(),
                                a.reference(),
                                1,
                                World.readAt(w.now(a), byTelephone())),
                "a reference is taken once");

        var last =
                assertInstanceOf(
                        ReferencesDesk.Recorded.Done.class,
                        w.desk.recordByTelephone(
                                TestStaff.STAFF,
                                w.role.id(),
                                a.reference(),
                                2,
                                World.readAt(w.now(a), byTelephone())));
        assertEquals(REFERENCES_RECEIVED, last.status());
        assertEquals(List.of("references-received-" + a.reference()), last.messageIds());
        assertEquals(REFERENCES_RECEIVED, w.now(a).status());
    }
}

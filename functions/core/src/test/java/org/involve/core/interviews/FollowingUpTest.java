package org.involve.core.interviews;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.Application.Status;
import org.involve.core.fakes.TestStaff;
import org.involve.core.outcomes.OutcomeFacts;
import org.involve.core.staff.AccessDenied;
import org.junit.jupiter.api.Test;

/** Staff follow up invitations: a new booking link (offered again or resent), and "did not attend". */
class FollowingUpTest {
    private final Round r = new Round();

    private String invite(String reference) {
        r.addSlot("17", "10:30", "45");
        r.addSlot("18", "10:30", "45");
        r.invited(reference, "alpha@example.org");
        r.invitations.sendInvitations(TestStaff.STAFF, r.role.id(), r.toInviteNow());
        return r.tokenSentTo(reference);
    }

    @Test
    void afterTheDeadlineStaffOfferAgainWithALinkThatWorksUntilTheLastFreeTime() {
        String first = invite("INV-AAAA-1111");
        r.clock.set(Instant.parse("2024-12-16T09:00:00Z")); // the interview week has begun
        assertInstanceOf(
                InterviewBooking.Refused.class, r.booking.open(first), "the first link expired");

        r.followingUp.sendNewLink(
                TestStaff.STAFF, r.role.id(), "INV-AAAA-1111", r.versionNow("INV-AAAA-1111"));

        var mail = r.outbox.find("interview-invitation-INV-AAAA-1111-1").orElseThrow().email();
        String token =
                mail.text()
                        .replaceAll(
                                "(?s).*https://involve\\.example\\.org/interview/([A-Za-z0-9_.-]+).*",
                                "$1");
        assertTrue(mail.text().contains("Wednesday 18 December 2024 at 10:29am"), mail.text());
        Application app =
                r.round
                        .findByReference("INV-AAAA-1111", org.involve.core.kit.Read.CONSISTENT)
                        .orElseThrow();
        assertEquals(1, FollowUpFacts.of(app).resent());
        var choose = assertInstanceOf(InterviewBooking.Choose.class, r.booking.open(token));
        assertEquals(2, choose.free().size());
        assertInstanceOf(
                InterviewBooking.Booked.class,
                r.booking.book(token, Map.of("slot", choose.free().get(0).slotId())));
        assertEquals(
                "new interview booking link e-mailed",
                r.audit.entries().stream()
                        .filter(e -> e.what().startsWith("new interview"))
                        .findFirst()
                        .orElseThrow()
                        .what());
    }

    @Test
    void didNotAttendSendsAKindEmailAtOnceAndCountsAsTheirOutcome() {
        invite("INV-BBBB-2222");
        var done =
                r.followingUp.didNotAttend(
                        TestStaff.STAFF,
                        r.role.id(),
                        "INV-BBBB-2222",
                        r.versionNow("INV-BBBB-2222"));
        assertTrue(done.emailed());
        Application app =
                r.round
                        .findByReference("INV-BBBB-2222", org.involve.core.kit.Read.CONSISTENT)
                        .orElseThrow();
        assertEquals(Status.DID_NOT_ATTEND, app.status());
        assertEquals(TestStaff.STAFF.id(), FollowUpFacts.of(app).didNotAttendBy());
        var mail = r.outbox.find("interview-did-not-attend-INV-BBBB-2222").orElseThrow().email();
        assertEquals("alpha@example.org", mail.to());
        assertTrue(mail.text().contains("We are sorry we did not see you"), mail.text());
        assertTrue(mail.text().contains("01632 960 002"), mail.text());
        assertFalse(mail.text().contains("/withdraw/"), "nothing left to withdraw");
        assertTrue(OutcomeFacts.decided(app) && OutcomeFacts.heard(app));
        assertEquals(
                "DID_NOT_ATTEND", r.audit.entries().get(r.audit.entries().size() - 1).toState());
        // Twice: they are no longer waiting, and nothing more is sent.
        assertThrows(
                Interviews.Refused.class,
                () ->
                        r.followingUp.didNotAttend(
                                TestStaff.STAFF,
                                r.role.id(),
                                "INV-BBBB-2222",
                                r.versionNow("INV-BBBB-2222")));
        assertThrows(
                Interviews.Refused.class,
                () ->
                        r.followingUp.sendNewLink(
                                TestStaff.STAFF,
                                r.role.id(),
                                "INV-BBBB-2222",
                                r.versionNow("INV-BBBB-2222")));
    }

    @Test
    void someoneBookedCanBeRecordedAsNotAttendingOnlyOnceTheirInterviewHasStarted() {
        String token = invite("INV-CCCC-3333");
        var choose = (InterviewBooking.Choose) r.booking.open(token);
        r.booking.book(token, Map.of("slot", choose.free().get(0).slotId()));
        assertThrows(
                Interviews.Refused.class,
                () ->
                        r.followingUp.didNotAttend(
                                TestStaff.STAFF,
                                r.role.id(),
                                "INV-CCCC-3333",
                                r.versionNow("INV-CCCC-3333")));
        r.clock.set(Instant.parse("2024-12-17T11:00:00Z"));
        r.followingUp.didNotAttend(
                TestStaff.STAFF, r.role.id(), "INV-CCCC-3333", r.versionNow("INV-CCCC-3333"));
        assertEquals(
                Status.DID_NOT_ATTEND,
                r.round
                        .findByReference("INV-CCCC-3333", org.involve.core.kit.Read.CONSISTENT)
                        .orElseThrow()
                        .status());
    }

    @Test
    void onlyStaffFollowUpAndOnlyForSomeoneInvited() {
        invite("INV-DDDD-4444");
        assertThrows(
                AccessDenied.class,
                () ->
                        r.followingUp.didNotAttend(
                                TestStaff.PANEL_A,
                                r.role.id(),
                                "INV-DDDD-4444",
                                r.versionNow("INV-DDDD-4444")));
        assertThrows(
                Interviews.Refused.class,
                () ->
                        r.followingUp.sendNewLink(
                                TestStaff.STAFF,
                                r.role.id(),
                                "INV-NONE-0000",
                                r.versionNow("INV-NONE-0000")));
        assertTrue(r.outbox.find("interview-invitation-INV-DDDD-4444-1").isEmpty());
    }

    @Test
    void someoneToBeBookedByTelephoneIsRecordedWithoutAnEmailAndStaffAreToldToTellThem() {
        r.addSlot("17", "10:30", "45");
        r.invited("INV-EEEE-5555", "", Map.of("contactMethod", "telephone"));
        r.invitations.sendInvitations(TestStaff.STAFF, r.role.id(), r.toInviteNow());
        var done =
                r.followingUp.didNotAttend(
                        TestStaff.STAFF,
                        r.role.id(),
                        "INV-EEEE-5555",
                        r.versionNow("INV-EEEE-5555"));
        assertFalse(done.emailed());
        assertEquals(
                Status.DID_NOT_ATTEND,
                r.round
                        .findByReference("INV-EEEE-5555", org.involve.core.kit.Read.CONSISTENT)
                        .orElseThrow()
                        .status());
        assertTrue(r.outbox.find("interview-did-not-attend-INV-EEEE-5555").isEmpty());
        assertThrows(
                Interviews.Refused.class,
                () ->
                        r.followingUp.sendNewLink(
                                TestStaff.STAFF,
                                r.role.id(),
                                "INV-EEEE-5555",
                                r.versionNow("INV-EEEE-5555")),
                "a booking link is for those who asked for e-mail");
    }

    @Test
    void fromABoardReadBeforeSomeoneElsesChangeNothingIsSentOrRecorded() {
        invite("INV-FFFF-6666");
        String read = r.versionNow("INV-FFFF-6666");
        r.followingUp.sendNewLink(
                TestStaff.STAFF, r.role.id(), "INV-FFFF-6666", read); // someone else, first
        int mails = r.outbox.messages().size();
        assertThrows(
                Application.ChangedMeanwhile.class,
                () ->
                        r.followingUp.didNotAttend(
                                TestStaff.STAFF, r.role.id(), "INV-FFFF-6666", read));
        assertThrows(
                Application.ChangedMeanwhile.class,
                () ->
                        r.followingUp.sendNewLink(
                                TestStaff.STAFF, r.role.id(), "INV-FFFF-6666", read));
        assertThrows(
                Application.ChangedMeanwhile.class,
                () ->
                        r.followingUp.didNotAttend(
                                TestStaff.STAFF, r.role.id(), "INV-FFFF-6666", null),
                "a form with no version does nothing");
        assertEquals(
                Status.INVITED_TO_INTERVIEW,
                r.round
                        .findByReference("INV-FFFF-6666", org.involve.core.kit.Read.CONSISTENT)
                        .orElseThrow()
                        .status());
        assertEquals(mails, r.outbox.messages().size());
    }
}

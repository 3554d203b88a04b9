package org.involve.core.interviews;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.fakes.TestStaff;
import org.involve.core.outbox.OutboxMessage;
import org.junit.jupiter.api.Test;

/** Sending the invitations, once. */
class InterviewInvitationsTest {
    private final Round r = new Round();

    @Test
    void invitationsGoOnceByEmailWithAOneUseLinkOrAsATaskForTheTeam() {
        r.addSlot("17", "10:30", "45");
        r.addSlot("17", "11:30", "45");
        Application byEmail = r.invited("INV-AAAA-1111", "alpha@example.org");
        Application byPhone =
                r.invited(
                        "INV-BBBB-2222", "beta@example.org", Map.of("contactMethod", "telephone"));

        InterviewInvitations.Sent sent =
                r.invitations.sendInvitations(TestStaff.STAFF, r.role.id(), r.toInviteNow());

        assertEquals(1, sent.emails());
        assertEquals(1, sent.tasks());
        OutboxMessage invitation =
                r.outbox.find("interview-invitation-INV-AAAA-1111").orElseThrow();
        assertEquals("alpha@example.org", invitation.email().to());
        String text = invitation.email().text();
        assertTrue(text.contains("Tuesday 17 December 2024 at 10:30am (45 minutes)"), text);
        assertTrue(text.contains("Tuesday 17 December 2024 at 11:30am (45 minutes)"));
        assertTrue(
                text.contains("Please choose a time by Sunday 15 December 2024 at 11:59pm"), text);
        assertTrue(
                text.contains(
                        "contact Test Contact at team@example.org or call 01632 960 002. Tell them your reference: INV-AAAA-1111"));
        var check =
                r.links.verify(
                        r.tokenSentTo("INV-AAAA-1111"),
                        org.involve.core.links.LinkPurpose.INTERVIEW_BOOKING,
                        r.clock.instant());
        var valid = assertInstanceOf(org.involve.core.links.LinkCheck.Valid.class, check);
        assertEquals("INV-AAAA-1111", valid.subjectId());
        assertEquals(
                Instant.parse("2024-12-16T00:00:00Z"),
                valid.expiresAt(),
                "links stop at the start of the interview week");

        OutboxMessage task = r.outbox.find("interview-task-INV-BBBB-2222").orElseThrow();
        assertEquals("team@example.org", task.email().to());
        assertEquals(
                "Book an interview by telephone: application INV-BBBB-2222",
                task.email().subject());
        assertTrue(task.email().text().contains("Phone: 07700 900982"));

        assertEquals("email", InterviewFacts.of(r.stored(byEmail)).invitedBy());
        assertEquals("team", InterviewFacts.of(r.stored(byPhone)).invitedBy());
        assertEquals(
                "2024-12-02T10:00:00Z",
                String.valueOf(InterviewFacts.of(r.stored(byEmail)).invitedAt()));
        assertEquals(Application.Status.INVITED_TO_INTERVIEW, r.stored(byEmail).status());
        assertEquals(2, r.audit.entries().size());

        // Sending again sends nothing more.
        assertThrows(
                Interviews.Refused.class,
                () -> r.invitations.sendInvitations(TestStaff.STAFF, r.role.id(), r.toInviteNow()));
        Application late = r.invited("INV-CCCC-3333", "gamma@example.org");
        InterviewInvitations.Sent second =
                r.invitations.sendInvitations(TestStaff.STAFF, r.role.id(), r.toInviteNow());
        assertEquals(List.of("interview-invitation-INV-CCCC-3333"), second.messageIds());
        assertEquals(3, r.outbox.messages().size());
        assertEquals(3, r.audit.entries().size());
        assertTrue(InterviewFacts.of(r.stored(late)).invited());
    }

    @Test
    void invitationsNeedAFreeSlotAndAreNotSentByEmailOnceTheWeekHasStarted() {
        r.invited("INV-AAAA-1111", "alpha@example.org");
        var none =
                assertThrows(
                        Interviews.Refused.class,
                        () ->
                                r.invitations.sendInvitations(
                                        TestStaff.STAFF, r.role.id(), r.toInviteNow()));
        assertEquals(
                "Add at least one interview time before sending invitations.", none.getMessage());
        r.addSlot("20", "10:30", "45");
        r.clock.set(Instant.parse("2024-12-16T08:00:00Z"));
        var late =
                assertThrows(
                        Interviews.Refused.class,
                        () ->
                                r.invitations.sendInvitations(
                                        TestStaff.STAFF, r.role.id(), r.toInviteNow()));
        assertTrue(late.getMessage().startsWith("The interview week has started"));
        assertTrue(r.outbox.messages().isEmpty());
    }

    @Test
    void invitationsFromABoardReadBeforeTheListChangedSendNothing() {
        r.addSlot("17", "10:30", "45");
        r.invited("INV-AAAA-1111", "alpha@example.org");
        String read = r.toInviteNow();
        r.invited("INV-CCCC-3333", "gamma@example.org"); // shortlisted meanwhile by someone else

        var changed =
                org.junit.jupiter.api.Assertions.assertThrows(
                        Application.ChangedMeanwhile.class,
                        () -> r.invitations.sendInvitations(TestStaff.STAFF, r.role.id(), read));
        assertTrue(changed.getMessage().startsWith("Someone else changed these applications"));
        assertTrue(r.outbox.find("interview-invitation-INV-AAAA-1111").isEmpty());
        assertEquals(
                2,
                r.invitations
                        .sendInvitations(TestStaff.STAFF, r.role.id(), r.toInviteNow())
                        .emails(),
                "the board as it is now invites both");
    }
}

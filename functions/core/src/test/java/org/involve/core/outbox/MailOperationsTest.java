package org.involve.core.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.involve.core.fakes.InMemoryOutbox;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.TestStaff;
import org.involve.core.kit.Email;
import org.involve.core.kit.NotFound;
import org.involve.core.kit.Refused;
import org.involve.core.outbox.MailSender.Problem;
import org.involve.core.staff.AccessDenied;
import org.junit.jupiter.api.Test;

class MailOperationsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-10T10:00:00Z"));
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final MailOperations operations = new MailOperations(outbox, clock);

    private void queue(String id, String to) {
        outbox.add(
                new OutboxMessage(
                        id,
                        new Email(to, "Your interview", "<p>Hi</p>", "Hi"),
                        clock.instant(),
                        clock.instant(),
                        0,
                        "test"));
    }

    private void failed(String id) {
        queue(id, "sam.smith@example.org");
        outbox.claim(id, clock.instant(), clock.instant().plusSeconds(120));
        outbox.fail(id, Problem.MESSAGE_REJECTED, "MessageRejected", clock.instant());
    }

    private void unsure(String id) {
        queue(id, "jo@example.org");
        outbox.claim(id, clock.instant(), clock.instant().plusSeconds(120));
        outbox.needsChecking(id, Problem.NO_ANSWER, "timeout", clock.instant().plusSeconds(60));
    }

    @Test
    void problemsAreListedLatestFirstWithTheAddressMaskedAndAPlainReason() {
        failed("m1");
        unsure("m2");
        queue("m3", "al@example.org");

        List<MailOperations.Problem> listed = operations.problems(TestStaff.STAFF);

        assertEquals(List.of("m2", "m1"), listed.stream().map(MailOperations.Problem::id).toList());
        MailOperations.Problem f = listed.get(1);
        assertEquals("s***@example.org", f.to());
        assertEquals("Your interview", f.subject());
        assertEquals(MailState.FAILED, f.state());
        assertEquals(
                "Our e-mail service refused this e-mail. The address may be wrong.", f.reason());
        assertEquals("j***@example.org", listed.get(0).to());
    }

    @Test
    void onlyStaffMaySeeOrActOnProblems() {
        failed("m1");
        assertThrows(AccessDenied.class, () -> operations.problems(TestStaff.PANEL_A));
        assertThrows(AccessDenied.class, () -> operations.sendAgain(TestStaff.PANEL_A, "m1"));
        assertEquals(MailState.FAILED, outbox.state("m1"));
    }

    @Test
    void sendingAgainIsAuditedAndHappensOnce() {
        failed("m1");
        operations.sendAgain(TestStaff.STAFF, "m1");
        assertEquals(MailState.PENDING, outbox.state("m1"));
        assertEquals(1, outbox.audit.entries().size());
        var entry = outbox.audit.entries().get(0);
        assertEquals("mail:m1", entry.record());
        assertEquals(List.of("FAILED", "PENDING"), List.of(entry.fromState(), entry.toState()));
        assertThrows(Refused.class, () -> operations.sendAgain(TestStaff.STAFF, "m1"));
        assertEquals(1, outbox.audit.entries().size());
    }

    @Test
    void onlyAnUnsureEmailCanBeMarkedAsSent() {
        failed("m1");
        unsure("m2");
        assertThrows(Refused.class, () -> operations.markSent(TestStaff.STAFF, "m1"));
        operations.markSent(TestStaff.STAFF, "m2");
        assertEquals(MailState.SENT, outbox.state("m2"));
        assertEquals("e-mail marked as sent", outbox.audit.entries().get(0).what());
        assertThrows(NotFound.class, () -> operations.markSent(TestStaff.STAFF, "nope"));
    }

    @Test
    void anAddressIsMaskedToItsFirstLetterAndDomain() {
        assertEquals("s***@example.org", MailOperations.masked("sam@example.org"));
        assertEquals("***", MailOperations.masked("nobody"));
    }

    /**
     * An e-mail nobody dealt with loses its text, subject and address after the sent-e-mail period (the retention
     * job). It stays listed, saying so, with nothing of the person in it; it can be neither read, sent again, marked
     * sent nor passed on, and staff are told why in plain words, with the period.
     */
    @Test
    void anEmailWhoseTextWasDeletedIsListedAsSuchAndCannotBeSentAgain() {
        failed("m1");
        unsure("m2");
        outbox.removeText("m1", clock.instant().plusSeconds(86_400L * 30));
        outbox.removeText("m2", clock.instant().plusSeconds(86_400L * 30));

        List<MailOperations.Problem> listed = operations.problems(TestStaff.STAFF);
        assertEquals(2, listed.size());
        for (MailOperations.Problem p : listed) {
            assertEquals(true, p.textDeleted(), p.id());
            assertEquals("", p.to());
            assertEquals("", p.subject());
        }
        assertEquals("30 days", operations.textKeptFor());

        Refused again =
                assertThrows(Refused.class, () -> operations.sendAgain(TestStaff.STAFF, "m1"));
        assertEquals(
                "We deleted the words and address of this e-mail 30 days after it could not be sent,"
                        + " as our retention rules say. It cannot be read or sent again. If the person"
                        + " still needs to know, contact them another way, then remove the e-mail from"
                        + " the list.",
                again.getMessage());
        assertThrows(Refused.class, () -> operations.show(TestStaff.STAFF, "m1"));
        assertThrows(Refused.class, () -> operations.markSent(TestStaff.STAFF, "m2"));
        assertEquals(MailState.FAILED, outbox.state("m1"));
        assertEquals(List.of(), outbox.audit.entries());
    }

    /** The period said is the setting's. */
    @Test
    void thePeriodSaidIsTheSetting() {
        MailOperations week =
                new MailOperations(
                        outbox, clock, new org.involve.core.kit.Retention(14, 12, 3, 6, 7));
        failed("m1");
        outbox.removeText("m1", clock.instant());
        assertEquals("7 days", week.textKeptFor());
        Refused again = assertThrows(Refused.class, () -> week.sendAgain(TestStaff.STAFF, "m1"));
        assertEquals(
                true, again.getMessage().contains("this e-mail 7 days after it could not be sent"));
    }

    /** Staff take an e-mail whose text has gone off the list, once, audited; one with its text cannot be. */
    @Test
    void anEmailWhoseTextWasDeletedIsTakenOffTheListOnceAudited() {
        failed("m1");
        failed("m2");
        outbox.removeText("m1", clock.instant());
        assertThrows(Refused.class, () -> operations.removeFromList(TestStaff.STAFF, "m2"));
        assertThrows(AccessDenied.class, () -> operations.removeFromList(TestStaff.PANEL_A, "m1"));

        operations.removeFromList(TestStaff.STAFF, "m1");
        assertEquals(
                List.of("m2"),
                operations.problems(TestStaff.STAFF).stream()
                        .map(MailOperations.Problem::id)
                        .toList());
        var entry = outbox.audit.entries().get(0);
        assertEquals("mail:m1", entry.record());
        assertEquals(TestStaff.STAFF.id(), entry.who());
        assertEquals("e-mail taken off the problems list after its text was deleted", entry.what());
        assertThrows(Refused.class, () -> operations.removeFromList(TestStaff.STAFF, "m1"));
        assertEquals(1, outbox.audit.entries().size());
    }
}

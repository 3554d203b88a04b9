package org.involve.core.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.involve.core.fakes.InMemoryOutbox;
import org.involve.core.fakes.InMemoryUndeliverableAddresses;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.TestStaff;
import org.involve.core.kit.Email;
import org.involve.core.outbox.MailFeedback.Kind;
import org.involve.core.outbox.MailFeedback.Notice;
import org.involve.core.outbox.MailSender.Problem;
import org.junit.jupiter.api.Test;

/** Bounces and complaints: which mark an address, once, and what the mailer and staff then do with its e-mails. */
class MailFeedbackTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-29T00:30:00Z"));
    private final InMemoryUndeliverableAddresses list = new InMemoryUndeliverableAddresses();
    private final MailFeedback feedback = new MailFeedback(list);
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final List<Email> sent = new ArrayList<>();
    private final List<String> deadLettered = new ArrayList<>();
    private final MailDelivery delivery =
            new MailDelivery(
                    outbox,
                    email -> sent.add(email),
                    clock,
                    Duration.ofHours(72),
                    deadLettered::add,
                    list);

    private Notice notice(Kind kind, String... to) {
        return new Notice(kind, List.of(to), clock.instant(), "General");
    }

    private String queue(String id, String to) {
        outbox.add(
                new OutboxMessage(
                        id,
                        new Email(
                                to,
                                "Your interview",
                                "<p>Come on Monday</p>",
                                "Come on Monday\n\nThanks"),
                        clock.instant(),
                        clock.instant(),
                        0,
                        "test"));
        return id;
    }

    @Test
    void aPermanentBounceMarksTheAddressOnceWithAnAuditEntryThatHoldsNoAddress() {
        assertEquals(1, feedback.record(notice(Kind.PERMANENT_BOUNCE, "Jo.Smith@Example.org")));
        assertEquals(0, feedback.record(notice(Kind.PERMANENT_BOUNCE, "jo.smith@example.org ")));
        var marked = list.find("jo.smith@example.org").orElseThrow();
        assertEquals(UndeliverableAddress.Reason.BOUNCED, marked.reason());
        assertEquals(clock.instant(), marked.since());
        assertEquals(1, list.audit.entries().size(), "a repeat notice is not audited again");
        String entry = list.audit.entries().get(0).toString();
        assertFalse(entry.toLowerCase().contains("jo.smith"), entry);
        assertTrue(entry.contains("address:" + UndeliverableAddress.keyOf("jo.smith@example.org")));
    }

    @Test
    void aComplaintMarksEveryRecipientItNames() {
        assertEquals(2, feedback.record(notice(Kind.COMPLAINT, "a@example.org", "b@example.org")));
        assertEquals(
                UndeliverableAddress.Reason.COMPLAINED,
                list.find("b@example.org").orElseThrow().reason());
    }

    @Test
    void aTemporaryBounceOrAnyOtherNoticeChangesNothing() {
        assertEquals(0, feedback.record(notice(Kind.TEMPORARY_BOUNCE, "full@example.org")));
        assertEquals(0, feedback.record(notice(Kind.OTHER, "x@example.org")));
        assertEquals(0, list.size());
        assertTrue(list.audit.entries().isEmpty());
    }

    @Test
    void anEmailToAnUndeliverableAddressIsNotSentButWaitsForStaffWithoutADeadLetter() {
        feedback.record(notice(Kind.PERMANENT_BOUNCE, "gone@example.org"));
        String id = queue("m-1", "Gone@example.org");
        String other = queue("m-2", "here@example.org");

        assertEquals(MailDelivery.Outcome.UNDELIVERABLE, delivery.deliver(id));
        assertEquals(MailDelivery.Outcome.SENT, delivery.deliver(other));
        assertEquals(List.of("here@example.org"), sent.stream().map(Email::to).toList());
        TrackedMessage t = outbox.tracked(id).orElseThrow();
        assertEquals(MailState.FAILED, t.state());
        assertEquals(Problem.ADDRESS_UNDELIVERABLE, t.problem());
        assertTrue(deadLettered.isEmpty(), "a task for staff, not a fault to alarm on");
        assertEquals(MailDelivery.Outcome.NOTHING_TO_DO, delivery.deliver(id), "twice is once");
    }

    @Test
    void anEmailAlreadySentIsNotTouchedWhenItsAddressLaterBounces() {
        String id = queue("m-1", "later@example.org");
        assertEquals(MailDelivery.Outcome.SENT, delivery.deliver(id));
        feedback.record(notice(Kind.PERMANENT_BOUNCE, "later@example.org"));
        assertEquals(MailDelivery.Outcome.NOTHING_TO_DO, delivery.deliver(id));
        assertEquals(MailState.SENT, outbox.tracked(id).orElseThrow().state());
    }

    @Test
    void staffReadTheEmailAndMarkItToldByTelephoneOrPostOnce() {
        var staff = TestStaff.STAFF;
        feedback.record(notice(Kind.COMPLAINT, "gone@example.org"));
        String id = queue("m-1", "gone@example.org");
        delivery.deliver(id);
        MailOperations ops = new MailOperations(outbox, clock);

        var problem = ops.problems(staff).get(0);
        assertTrue(problem.unreachable());
        assertEquals("g***@example.org", problem.to());
        var shown = ops.show(staff, id);
        assertEquals("gone@example.org", shown.to());
        assertTrue(shown.text().contains("Come on Monday"));

        ops.toldAnotherWay(staff, id);
        assertEquals(MailState.SENT, outbox.tracked(id).orElseThrow().state());
        assertTrue(ops.problems(staff).isEmpty());
        assertThrows409(() -> ops.toldAnotherWay(staff, id));
    }

    @Test
    void onlyAnUnreachableEmailCanBeMarkedToldAnotherWay() {
        var staff = TestStaff.STAFF;
        String id = queue("m-1", "jo@example.org");
        outbox.claim(id, clock.instant(), clock.instant().plusSeconds(60));
        outbox.fail(id, Problem.MESSAGE_REJECTED, "rejected", clock.instant());
        MailOperations ops = new MailOperations(outbox, clock);
        assertFalse(ops.problems(staff).get(0).unreachable());
        assertThrows409(() -> ops.toldAnotherWay(staff, id));
        assertEquals(MailState.FAILED, outbox.tracked(id).orElseThrow().state());
    }

    private static void assertThrows409(Runnable r) {
        org.junit.jupiter.api.Assertions.assertThrows(org.involve.core.kit.Refused.class, r::run);
    }
}

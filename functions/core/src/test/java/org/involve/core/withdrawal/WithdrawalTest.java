package org.involve.core.withdrawal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.Application.Status;
import org.involve.core.application.WithdrawalLink;
import org.involve.core.fakes.InMemoryApplications;
import org.involve.core.fakes.InMemoryAuditTrail;
import org.involve.core.fakes.InMemoryDrafts;
import org.involve.core.fakes.InMemoryInterviewSchedule;
import org.involve.core.fakes.InMemoryOutbox;
import org.involve.core.fakes.InMemoryRoles;
import org.involve.core.fakes.InMemoryRound;
import org.involve.core.fakes.InMemoryUsedLinks;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.TestApplications;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.interviews.InterviewSlot;
import org.involve.core.kit.Read;
import org.involve.core.links.LinkPurpose;
import org.involve.core.links.LinkRefusal;
import org.involve.core.links.SignedLink;
import org.involve.core.outcomes.OutcomeFacts;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.involve.core.staff.AccessDenied;
import org.junit.jupiter.api.Test;

class WithdrawalTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2024-12-02T10:00:00Z"));
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final InMemoryApplications applications =
            new InMemoryApplications(outbox, new InMemoryDrafts());
    private final InMemoryRound round = new InMemoryRound(applications, outbox, audit);
    private final InMemoryInterviewSchedule schedule =
            new InMemoryInterviewSchedule(round, new InMemoryUsedLinks(), outbox);
    private final InMemoryRoles roles = new InMemoryRoles();
    private final SignedLink links = new SignedLink("a-test-signing-key-of-at-least-32-characters");
    private final WithdrawalLink link = new WithdrawalLink(links, "https://involve.example.org/");
    private final Withdrawal withdrawal =
            new Withdrawal(
                    links,
                    roles,
                    round,
                    schedule,
                    new WithdrawalLetters("https://staff.example.org"),
                    clock);
    private final Role role =
            TestRoles.dayRate(LocalDate.of(2024, 11, 16)).withStatus(RoleStatus.SHORTLISTING);

    WithdrawalTest() {
        roles.save(role);
    }

    private Application stored(String reference, Status status, Map<String, String> answers) {
        Application a =
                TestApplications.submitted(
                        role, reference, Instant.parse("2024-11-10T10:00:00Z"), answers);
        return round.add(a.after(status, Map.of()));
    }

    private Application now(Application a) {
        return round.find(a.roleId(), a.applicantKey(), Read.CONSISTENT).orElseThrow();
    }

    /** The token of the link the applicant's e-mails carry. */
    private String tokenFor(Application a) {
        String url = link.url(a, clock.instant());
        assertTrue(url.startsWith("https://involve.example.org/withdraw/"), url);
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Test
    void openingTheLinkAsksToConfirmAndChangesNothing() {
        Application a = stored("INV-A1", Status.RECEIVED, Map.of("email", "ada@example.com"));
        var page = withdrawal.open(tokenFor(a));
        assertInstanceOf(Withdrawal.Confirm.class, page);
        assertEquals(Status.RECEIVED, now(a).status());
        assertTrue(outbox.messages().isEmpty());
    }

    @Test
    void confirmingWithdrawsWithAuditEntryConfirmationAndTeamNoteAndCountsAsAnOutcome() {
        Application a = stored("INV-A2", Status.RECEIVED, Map.of("email", "ada@example.com"));
        var page = withdrawal.withdraw(tokenFor(a));
        assertTrue(assertInstanceOf(Withdrawal.Withdrawn.class, page).justNow());
        Application after = now(a);
        assertEquals(Status.WITHDRAWN, after.status());
        WithdrawalFacts facts = WithdrawalFacts.of(after);
        assertEquals(WithdrawalFacts.APPLICANT_LINK, facts.by());
        assertEquals("link", facts.how());
        assertEquals("RECEIVED", facts.from());
        assertEquals(clock.instant(), facts.at());
        var entry = audit.entries().get(audit.entries().size() - 1);
        assertEquals("application:INV-A2", entry.record());
        assertEquals("RECEIVED", entry.fromState());
        assertEquals("WITHDRAWN", entry.toState());
        var mail = outbox.find("withdrawn-INV-A2").orElseThrow().email();
        assertEquals("ada@example.com", mail.to());
        assertTrue(mail.text().contains("01632 960 002"), mail.text());
        assertTrue(mail.text().contains("team@example.org"), mail.text());
        assertEquals(
                "team@example.org",
                outbox.find("withdrawn-team-INV-A2").orElseThrow().email().to());
        assertTrue(OutcomeFacts.decided(after));
        assertTrue(OutcomeFacts.heard(after));
    }

    @Test
    void withdrawingTwiceIsHarmless() {
        Application a = stored("INV-A3", Status.RECEIVED, Map.of("email", "ada@example.com"));
        String token = tokenFor(a);
        withdrawal.withdraw(token);
        int messages = outbox.messages().size(), entries = audit.entries().size();
        var again = withdrawal.withdraw(token);
        assertFalse(assertInstanceOf(Withdrawal.Withdrawn.class, again).justNow());
        assertInstanceOf(Withdrawal.Withdrawn.class, withdrawal.open(token));
        assertEquals(messages, outbox.messages().size());
        assertEquals(entries, audit.entries().size());
    }

    @Test
    void aBookedInterviewTimeIsFreedInTheSameStep() {
        Application a =
                stored("INV-A4", Status.INTERVIEW_BOOKED, Map.of("email", "ada@example.com"));
        InterviewSlot slot =
                InterviewSlot.free(role.id(), LocalDateTime.of(2024, 12, 17, 10, 30), 45)
                        .bookedFor(a.reference(), a.applicantKey());
        schedule.slots.put(role.id() + "|" + slot.slotId(), slot);
        applications.applications.put(
                role.id() + "|" + a.applicantKey(),
                a.after(
                        Status.INTERVIEW_BOOKED,
                        Map.of(
                                "interview.slot",
                                slot.slotId(),
                                "interview.startsAt",
                                slot.startsAt().toString())));
        withdrawal.withdraw(tokenFor(a));
        assertEquals(Status.WITHDRAWN, now(a).status());
        InterviewSlot after = schedule.forRole(role.id()).get(0);
        assertTrue(after.free());
        assertNull(after.applicantKey());
        assertTrue(
                outbox.find("withdrawn-team-INV-A4")
                        .orElseThrow()
                        .email()
                        .text()
                        .contains("freed"));
    }

    @Test
    void tooLateOnceAnOutcomeIsDecidedOrTheyAreAppointed() {
        Application told =
                stored("INV-A5", Status.NOT_SHORTLISTED, Map.of("email", "ada@example.com"));
        applications.applications.put(
                role.id() + "|" + told.applicantKey(),
                told.after(Status.NOT_SHORTLISTED, Map.of("outcome", "unsuccessful")));
        assertInstanceOf(Withdrawal.TooLate.class, withdrawal.withdraw(tokenFor(told)));
        assertEquals(Status.NOT_SHORTLISTED, now(told).status());

        Application appointed =
                stored("INV-A6", Status.APPOINTED, Map.of("email", "bo@example.com"));
        assertInstanceOf(Withdrawal.TooLate.class, withdrawal.open(tokenFor(appointed)));
        assertTrue(outbox.messages().isEmpty());
    }

    @Test
    void aLinkForSomethingElseOrTamperedOrForNoApplicationIsRefused() {
        Application a = stored("INV-A7", Status.RECEIVED, Map.of("email", "ada@example.com"));
        String booking =
                links.issue(
                        LinkPurpose.INTERVIEW_BOOKING,
                        a.reference(),
                        clock.instant().plusSeconds(3600));
        assertEquals(
                LinkRefusal.WRONG_PURPOSE,
                assertInstanceOf(Withdrawal.Refused.class, withdrawal.withdraw(booking)).reason());
        assertEquals(
                LinkRefusal.TAMPERED,
                assertInstanceOf(Withdrawal.Refused.class, withdrawal.open(tokenFor(a) + "x"))
                        .reason());
        String nobody =
                links.issue(LinkPurpose.WITHDRAW, "INV-NONE", clock.instant().plusSeconds(3600));
        assertInstanceOf(Withdrawal.Refused.class, withdrawal.open(nobody));
        assertEquals(Status.RECEIVED, now(a).status());
    }

    @Test
    void staffRecordAWithdrawalByTelephoneAndNoEmailGoesToSomeoneWithoutOne() {
        Application a =
                stored(
                        "INV-A8",
                        Status.INVITED_TO_INTERVIEW,
                        Map.of("contactMethod", "telephone", "email", ""));
        var page =
                withdrawal.recordForApplicant(TestStaff.STAFF, "INV-A8", "telephone", a.version());
        assertTrue(assertInstanceOf(Withdrawal.Withdrawn.class, page).justNow());
        Application after = now(a);
        assertEquals(Status.WITHDRAWN, after.status());
        assertEquals(TestStaff.STAFF.id(), WithdrawalFacts.of(after).by());
        assertEquals("telephone", WithdrawalFacts.of(after).how());
        assertTrue(outbox.find("withdrawn-INV-A8").isEmpty());
        assertTrue(
                outbox.find("withdrawn-team-INV-A8")
                        .orElseThrow()
                        .email()
                        .text()
                        .contains("by telephone"));
        assertEquals(TestStaff.STAFF.id(), audit.entries().get(audit.entries().size() - 1).who());
    }

    @Test
    void onlyStaffMayRecordAWithdrawal() {
        stored("INV-A9", Status.RECEIVED, Map.of("email", "ada@example.com"));
        assertThrows(
                AccessDenied.class,
                () ->
                        withdrawal.recordForApplicant(
                                TestStaff.PANEL_A, "INV-A9", "telephone", null));
        assertThrows(
                Withdrawal.NoSuchApplication.class,
                () -> withdrawal.recordForApplicant(TestStaff.STAFF, "INV-NONE", "post", null));
    }

    @Test
    void aWithdrawalFromAPageReadBeforeSomeoneElsesChangeIsNotRecorded() {
        Application a =
                stored("INV-A10", Status.INVITED_TO_INTERVIEW, Map.of("email", "ada@example.com"));
        String read = a.version();
        stored("INV-A10", Status.INTERVIEW_BOOKED, Map.of("email", "ada@example.com"));
        var changed =
                assertThrows(
                        Application.ChangedMeanwhile.class,
                        () ->
                                withdrawal.recordForApplicant(
                                        TestStaff.STAFF, "INV-A10", "post", read));
        assertEquals(Status.INTERVIEW_BOOKED, changed.current().status(), "as it is now");
        assertEquals(Status.INTERVIEW_BOOKED, now(a).status());
        assertTrue(outbox.find("withdrawn-team-INV-A10").isEmpty());
    }
}

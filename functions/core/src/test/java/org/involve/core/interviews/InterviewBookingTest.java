package org.involve.core.interviews;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.fakes.TestStaff;
import org.involve.core.kit.Read;
import org.involve.core.links.LinkPurpose;
import org.involve.core.links.LinkRefusal;
import org.involve.core.outbox.OutboxMessage;
import org.junit.jupiter.api.Test;

class InterviewBookingTest {
    private final Round r = new Round();
    private final InterviewSlot first, second;
    private final Application alpha, beta;

    InterviewBookingTest() {
        first =
                ((InterviewTimes.Added)
                                r.times.addSlot(
                                        TestStaff.STAFF,
                                        r.role.id(),
                                        Round.slotForm("17", "10:30", "45")))
                        .slot();
        second =
                ((InterviewTimes.Added)
                                r.times.addSlot(
                                        TestStaff.STAFF,
                                        r.role.id(),
                                        Round.slotForm("17", "11:30", "45")))
                        .slot();
        alpha =
                r.invited(
                        "INV-AAAA-1111",
                        "alpha@example.org",
                        Map.of("adjustments", "Captions on video calls"));
        beta = r.invited("INV-BBBB-2222", "beta@example.org");
        r.invitations.sendInvitations(TestStaff.STAFF, r.role.id(), r.toInviteNow());
    }

    @Test
    void openingTheLinkShowsTheFreeTimesAndWhatTheyToldUsAboutAdjustments() {
        var page =
                assertInstanceOf(
                        InterviewBooking.Choose.class,
                        r.booking.open(r.tokenSentTo("INV-AAAA-1111")));
        assertEquals(List.of(first, second), page.free());
        assertEquals("Captions on video calls", page.values().get("adjustments"));
        assertTrue(r.used.used.isEmpty(), "looking does not use the link");
    }

    @Test
    void bookingTakesTheSlotSpendsTheLinkMovesTheApplicationAndWritesTheEmails() {
        String token = r.tokenSentTo("INV-AAAA-1111");
        var booked =
                assertInstanceOf(
                        InterviewBooking.Booked.class,
                        r.booking.book(
                                token,
                                Map.of(
                                        "slot",
                                        second.slotId(),
                                        "adjustments",
                                        "Breaks every 20 minutes")));

        Application a = r.stored(alpha);
        assertEquals(Application.Status.INTERVIEW_BOOKED, a.status());
        assertEquals(second.slotId(), InterviewFacts.of(a).slotId());
        assertEquals("2024-12-17T11:30:00Z", String.valueOf(InterviewFacts.of(a).startsAt()));
        assertEquals("Breaks every 20 minutes", InterviewFacts.of(a).adjustments());
        assertEquals("INV-AAAA-1111", r.schedule.forRole(r.role.id()).get(1).bookedBy());
        assertEquals(1, r.used.used.size());
        assertEquals(
                List.of("interview-confirmation-INV-AAAA-1111", "interview-booked-INV-AAAA-1111"),
                booked.messageIds());

        OutboxMessage confirmation =
                r.outbox.find("interview-confirmation-INV-AAAA-1111").orElseThrow();
        assertEquals("alpha@example.org", confirmation.email().to());
        assertEquals(
                "Your interview is booked: Tuesday 17 December 2024 at 11:30am",
                confirmation.email().subject());
        assertTrue(confirmation.email().text().contains("How: by video call"));
        assertTrue(
                confirmation
                        .email()
                        .text()
                        .contains(
                                "You asked for these adjustments, and we will arrange them: Breaks every 20 minutes"));
        assertTrue(
                confirmation
                        .email()
                        .text()
                        .contains(
                                "To change or cancel your interview, contact Test Contact at team@example.org"));
        OutboxMessage team = r.outbox.find("interview-booked-INV-AAAA-1111").orElseThrow();
        assertEquals("team@example.org", team.email().to());
        assertTrue(
                team.email()
                        .text()
                        .contains(
                                "Adjustments to arrange before the interview: Breaks every 20 minutes"));
        assertTrue(
                team.email()
                        .text()
                        .contains("https://staff.example.org/staff/interviews/" + r.role.id()));
        assertTrue(
                !team.email().text().contains("alpha@example.org")
                        && !team.email().text().contains("Jo Testperson"),
                "the team e-mail names the reference only");
        assertEquals("applicant-link", r.audit.entries().get(r.audit.entries().size() - 1).who());

        var again =
                assertInstanceOf(
                        InterviewBooking.AlreadyBooked.class,
                        r.booking.book(token, Map.of("slot", first.slotId())));
        assertEquals(second.slotId(), again.slot().slotId());
        assertInstanceOf(InterviewBooking.AlreadyBooked.class, r.booking.open(token));
        assertTrue(r.schedule.forRole(r.role.id()).get(0).free(), "a second use books nothing");
    }

    @Test
    void aSlotJustTakenKeepsTheAdjustmentsAndOffersWhatIsLeft() {
        r.booking.book(r.tokenSentTo("INV-BBBB-2222"), Map.of("slot", first.slotId()));
        var page =
                assertInstanceOf(
                        InterviewBooking.Choose.class,
                        r.booking.book(
                                r.tokenSentTo("INV-AAAA-1111"),
                                Map.of("slot", first.slotId(), "adjustments", "A quiet room")));
        assertEquals(
                "Sorry, someone else booked the time you chose a moment ago. Choose another time.",
                page.problem());
        assertEquals("A quiet room", page.values().get("adjustments"));
        assertEquals(List.of(second), page.free());
        assertEquals(
                "That time is no longer free. Choose another time",
                page.errors().asMap().get("slot"));
        assertEquals(Application.Status.INVITED_TO_INTERVIEW, r.stored(alpha).status());
        assertEquals(1, r.used.used.size(), "the link is not spent on a booking that failed");
    }

    @Test
    void aSlotTakenBetweenReadingAndWritingIsReportedTheSameWay() {
        // The other applicant's booking lands after this one read the free slots: the conditional
        // write refuses it.
        InterviewSchedule racing =
                new InterviewSchedule() {
                    public List<InterviewSlot> forRole(String roleId) {
                        return r.schedule.forRole(roleId);
                    }

                    public boolean add(InterviewSlot s, org.involve.core.audit.AuditEntry a) {
                        return r.schedule.add(s, a);
                    }

                    public boolean removeFree(
                            InterviewSlot s, org.involve.core.audit.AuditEntry a) {
                        return r.schedule.removeFree(s, a);
                    }

                    public boolean invite(
                            Application a,
                            Map<String, String> f,
                            org.involve.core.audit.AuditEntry e,
                            List<OutboxMessage> m,
                            Instant at) {
                        return r.schedule.invite(a, f, e, m, at);
                    }

                    public Booked book(Booking b) {
                        r.schedule.slots.put(
                                b.slot().roleId() + "|" + b.slot().slotId(),
                                b.slot().bookedFor("INV-BBBB-2222", beta.applicantKey()));
                        return r.schedule.book(b);
                    }

                    public List<InterviewSlot> awaitingReminder(Instant from, Instant until) {
                        return r.schedule.awaitingReminder(from, until);
                    }

                    public boolean remindOnce(InterviewSlot s, OutboxMessage m) {
                        return r.schedule.remindOnce(s, m);
                    }

                    public List<Application> awaitingBookingReminder(Instant dueBy) {
                        return r.schedule.awaitingBookingReminder(dueBy);
                    }

                    public boolean remindToBookOnce(
                            Application a,
                            Map<String, String> f,
                            org.involve.core.audit.AuditEntry e,
                            OutboxMessage m) {
                        return r.schedule.remindToBookOnce(a, f, e, m);
                    }

                    public void noBookingReminder(Application a) {
                        r.schedule.noBookingReminder(a);
                    }

                    public boolean release(
                            InterviewSlot s,
                            Application a,
                            Application.Status to,
                            Map<String, String> f,
                            org.involve.core.audit.AuditEntry e,
                            List<OutboxMessage> m) {
                        return r.schedule.release(s, a, to, f, e, m);
                    }
                };
        var booking = new InterviewBooking(r.links, r.roles, r.round, racing, r.letters, r.clock);
        var page =
                assertInstanceOf(
                        InterviewBooking.Choose.class,
                        booking.book(
                                r.tokenSentTo("INV-AAAA-1111"),
                                Map.of("slot", first.slotId(), "adjustments", "A quiet room")));
        assertEquals("A quiet room", page.values().get("adjustments"));
        assertTrue(page.problem().startsWith("Sorry, someone else booked"));
        assertTrue(r.used.used.isEmpty());
    }

    @Test
    void noChoiceOrTooLongAdjustmentsShowErrorsAndKeepWhatWasTyped() {
        var page =
                assertInstanceOf(
                        InterviewBooking.Choose.class,
                        r.booking.book(
                                r.tokenSentTo("INV-AAAA-1111"),
                                Map.of("adjustments", "x".repeat(1001))));
        assertEquals("Choose a time for your interview", page.errors().asMap().get("slot"));
        assertEquals(
                "Adjustments must be 1000 characters or fewer",
                page.errors().asMap().get("adjustments"));
        assertEquals(1001, page.values().get("adjustments").length());
        assertTrue(r.used.used.isEmpty());
    }

    /** A time that was never offered (an edited form) is not "taken by someone else": the person is asked to choose. */
    @Test
    void aTimeThatWasNeverOfferedAsksForAChoice() {
        var page =
                assertInstanceOf(
                        InterviewBooking.Choose.class,
                        r.booking.book(
                                r.tokenSentTo("INV-AAAA-1111"),
                                Map.of("slot", "2024-12-18T11-30-not-offered")));
        assertEquals("Choose a time for your interview", page.errors().asMap().get("slot"));
        assertEquals(null, page.problem());
        assertTrue(r.used.used.isEmpty());
    }

    @Test
    void tamperedExpiredAndWrongPurposeLinksAreRefused() {
        String token = r.tokenSentTo("INV-AAAA-1111");
        String tampered =
                token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        assertEquals(
                new InterviewBooking.Refused(LinkRefusal.TAMPERED, null),
                r.booking.book(tampered, Map.of("slot", first.slotId())));
        String reference =
                r.links.issue(
                        LinkPurpose.REFERENCE,
                        "INV-AAAA-1111",
                        Instant.parse("2025-01-01T00:00:00Z"));
        assertEquals(
                new InterviewBooking.Refused(LinkRefusal.WRONG_PURPOSE, null),
                r.booking.open(reference));
        r.clock.set(Instant.parse("2024-12-16T00:00:00Z"));
        assertEquals(
                new InterviewBooking.Refused(LinkRefusal.EXPIRED, null),
                r.booking.book(token, Map.of("slot", first.slotId())));
        assertEquals(Application.Status.INVITED_TO_INTERVIEW, r.stored(alpha).status());
    }

    @Test
    void aLinkForAnApplicationThatHasMovedOnIsUsedUp() {
        r.round.advance(
                r.stored(beta),
                Application.Status.NOT_APPOINTED,
                Map.of(),
                new org.involve.core.audit.AuditEntry(
                        "x", "withdrew", "application:INV-BBBB-2222", r.clock.instant(), "A", "B"),
                List.of());
        var refused =
                assertInstanceOf(
                        InterviewBooking.Refused.class,
                        r.booking.open(r.tokenSentTo("INV-BBBB-2222")));
        assertEquals(LinkRefusal.ALREADY_USED, refused.reason());
        assertEquals(r.role, refused.role());
    }

    @Test
    void cancellingThroughTheLinkFreesTheTimeTellsTheTeamAndGivesAFreshLink() {
        String token = r.tokenSentTo("INV-AAAA-1111");
        assertInstanceOf(
                InterviewBooking.Booked.class,
                r.booking.book(token, Map.of("slot", first.slotId())));

        var cancelled = assertInstanceOf(InterviewBooking.Cancelled.class, r.booking.cancel(token));
        assertTrue(r.schedule.slots.values().stream().allMatch(InterviewSlot::free));
        Application app = r.round.findByReference("INV-AAAA-1111", Read.CONSISTENT).orElseThrow();
        assertEquals(Application.Status.INVITED_TO_INTERVIEW, app.status());
        var team =
                r.outbox
                        .find("interview-cancelled-INV-AAAA-1111-" + first.slotId())
                        .orElseThrow()
                        .email();
        assertEquals("team@example.org", team.to());
        assertEquals(
                "INTERVIEW_BOOKED",
                r.audit.entries().get(r.audit.entries().size() - 1).fromState());
        assertInstanceOf(InterviewBooking.Choose.class, r.booking.open(cancelled.newLink()));
        // Nothing left to cancel: the link shows where things are, and nothing more is written.
        int written = r.outbox.messages().size();
        assertInstanceOf(InterviewBooking.Choose.class, r.booking.cancel(token));
        assertEquals(written, r.outbox.messages().size());
        // The spent link cannot book again, and says so rather than showing the times again without
        // a word.
        var spent =
                assertInstanceOf(
                        InterviewBooking.Refused.class,
                        r.booking.book(token, Map.of("slot", first.slotId())));
        assertEquals(LinkRefusal.ALREADY_USED, spent.reason());
        assertInstanceOf(
                InterviewBooking.Booked.class,
                r.booking.book(cancelled.newLink(), Map.of("slot", first.slotId())));
    }
}

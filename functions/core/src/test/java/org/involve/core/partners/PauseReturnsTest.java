package org.involve.core.partners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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
import org.involve.core.links.SignedLink;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.Role;
import org.junit.jupiter.api.Test;

/**
 * A pause ends on its return date: the daily job brings back, on the UK date they gave, a partner who paused with a
 * return date, by the same change as their own "Come back", audited as the scheduler's and with the team told.
 */
class PauseReturnsTest {
    // 10am BST on 4 May 2026
    static final Instant NOW = Instant.parse("2026-05-04T09:00:00Z");
    private final Round r = new Round();
    private final MutableClock clock = new MutableClock(NOW);
    private final PartnerLetters letters =
            new PartnerLetters(
                    "https://involve.example",
                    "https://staff.example",
                    new SignedLink("a-test-signing-key-of-at-least-32-characters"),
                    Duration.ofDays(30));
    private final PartnerChanges changes =
            new PartnerChanges(r.partners, r.roles, r.round, letters, clock);
    private final PauseReturns job = new PauseReturns(r.partners, changes);
    private final Role role = r.role(TestRoles.dayRate(LocalDate.of(2026, 1, 20)));

    private String appoint(String contactMethod) {
        Application a =
                r.applicant(role, Application.Status.REFERENCES_RECEIVED, contactMethod, Map.of());
        Appointment made =
                ((Appointment.Outcome.Appointed)
                                Appointment.appoint(
                                        new Offer(role, a, LocalDate.of(2026, 5, 1), true, false),
                                        List.of(),
                                        TestStaff.STAFF,
                                        NOW.minusSeconds(3600)))
                        .appointment();
        assertTrue(r.partners.appoint(a, made, Map.of(), List.of(), List.of()));
        return made.id();
    }

    /** The partner pauses from their link, coming back on {@code back} (none when null). */
    private String paused(LocalDate back) {
        String id = appoint("email");
        Map<String, String> form =
                back == null
                        ? Map.of()
                        : Map.of(
                                "returnDate-day", String.valueOf(back.getDayOfMonth()),
                                "returnDate-month", String.valueOf(back.getMonthValue()),
                                "returnDate-year", String.valueOf(back.getYear()));
        assertInstanceOf(
                PartnerChanges.Result.Done.class,
                changes.act(PartnerChanges.Actor.partner(), id, PartnerChanges.PAUSE, form));
        return id;
    }

    private int runAt(String instant) {
        clock.set(Instant.parse(instant));
        return job.run(clock.instant());
    }

    private List<OutboxMessage> teamNotices(String id) {
        return r.outbox.messages().stream()
                .filter(m -> m.purpose().equals("partner-changed"))
                .filter(m -> m.id().startsWith("partner-changed-" + id + "-"))
                .toList();
    }

    @Test
    void onTheReturnDateThePartnerIsActiveAgainAuditedByTheSchedulerAndTheTeamIsTold() {
        String id = paused(LocalDate.of(2026, 9, 1));
        int noticesBefore = teamNotices(id).size();

        // 06:30 BST on 1 September 2026
        assertEquals(1, runAt("2026-09-01T05:30:00Z"));

        Partner back = changes.partner(id);
        assertEquals(PartnerStatus.ACTIVE, back.status());
        assertNull(back.involvement().returnDate());
        assertNull(back.involvement().pausedOn());
        List<AuditEntry> trail = r.audit.trailOf(back.auditRecord());
        AuditEntry entry = trail.get(trail.size() - 1);
        assertEquals("scheduler:pause-return", entry.who());
        assertEquals("returned from a pause on the return date 2026-09-01", entry.what());
        assertEquals("PAUSED", entry.fromState());
        assertEquals("ACTIVE", entry.toState());
        List<OutboxMessage> notices = teamNotices(id);
        assertEquals(noticesBefore + 1, notices.size(), "the team is told, as when they come back");
        OutboxMessage notice = notices.get(notices.size() - 1);
        assertEquals(role.contact().teamEmail(), notice.email().to());
        assertTrue(
                notice.email()
                        .text()
                        .contains("has come back from a pause on the return date they gave"),
                notice.email().text());
        assertTrue(
                notice.email()
                        .text()
                        .contains("https://staff.example/staff/partners/" + role.id() + "/"));
        assertTrue(
                r.outbox.messages().stream()
                        .noneMatch(m -> m.email().to().equals(back.involvement().email())),
                "the partner is sent nothing, as when they come back themselves");
    }

    @Test
    void theReturnDateIsAUkDateSoItComesAtMidnightInBritishSummerTime() {
        String id = paused(LocalDate.of(2026, 9, 1));
        // 23:59 BST on 31 August is 22:59 UTC: not yet
        assertEquals(0, runAt("2026-08-31T22:59:00Z"));
        assertEquals(PartnerStatus.PAUSED, changes.partner(id).status());
        // midnight BST on 1 September is 23:00 UTC on 31 August: the day has come
        assertEquals(1, runAt("2026-08-31T23:00:00Z"));
        assertEquals(PartnerStatus.ACTIVE, changes.partner(id).status());
    }

    @Test
    void runningTwiceOrLateDoesWhatRunningOnceDoes() {
        String due = paused(LocalDate.of(2026, 9, 1));
        String later = paused(LocalDate.of(2026, 9, 10));
        int audited = r.audit.entries().size(), sent = r.outbox.messages().size();
        // the job did not run on the day: the next run brings them back
        assertEquals(1, runAt("2026-09-03T05:30:00Z"));
        assertEquals(0, runAt("2026-09-03T05:30:00Z"));
        assertEquals(0, runAt("2026-09-04T05:30:00Z"));
        assertEquals(PartnerStatus.ACTIVE, changes.partner(due).status());
        assertEquals(PartnerStatus.PAUSED, changes.partner(later).status());
        assertEquals(audited + 1, r.audit.entries().size());
        assertEquals(sent + 1, r.outbox.messages().size());
        assertEquals(1, runAt("2026-09-10T05:30:00Z"));
        assertEquals(PartnerStatus.ACTIVE, changes.partner(later).status());
    }

    @Test
    void itReadsOnlyThePausesWhoseReturnDateHasCome() {
        String due = paused(LocalDate.of(2026, 9, 1));
        for (int i = 1; i <= 5; i++) paused(LocalDate.of(2026, 9, 1).plusDays(i));
        paused(null);
        appoint("email");
        r.partners.returningReads = 0;
        assertEquals(1, runAt("2026-09-01T05:30:00Z"));
        assertEquals(1, r.partners.returningReads, "only the one due is read");
        assertEquals(PartnerStatus.ACTIVE, changes.partner(due).status());
    }

    @Test
    void aPauseWithNoDateOneEndedEarlyOrALeaverIsLeftAlone() {
        String noDate = paused(null);
        String earlyBack = paused(LocalDate.of(2026, 9, 1));
        String retired = paused(LocalDate.of(2026, 9, 1));
        clock.set(Instant.parse("2026-06-01T09:00:00Z"));
        assertInstanceOf(
                PartnerChanges.Result.Done.class,
                changes.act(
                        PartnerChanges.Actor.partner(),
                        earlyBack,
                        PartnerChanges.RETURN,
                        Map.of()));
        assertInstanceOf(
                PartnerChanges.Result.Done.class,
                changes.act(
                        PartnerChanges.Actor.partner(),
                        retired,
                        PartnerChanges.RETIRE,
                        Map.of(PartnerForms.confirmRetire().name(), "yes")));
        int audited = r.audit.entries().size();

        assertEquals(0, runAt("2027-01-01T07:00:00Z"));
        assertEquals(PartnerStatus.PAUSED, changes.partner(noDate).status());
        assertEquals(PartnerStatus.ACTIVE, changes.partner(earlyBack).status());
        assertEquals(PartnerStatus.RETIRED, changes.partner(retired).status());
        assertEquals(audited, r.audit.entries().size());
        assertFalse(
                changes.returnOnDate("pause-return", earlyBack, clock.instant()),
                "a list that lags the change acts on nothing: the record is read again");
        assertFalse(changes.returnOnDate("pause-return", "no-such-appointment", clock.instant()));
    }

    @Test
    void aReturnDateHasComeOnOrAfterTheDayItNamesAndOnlyWhilePaused() {
        String id = paused(LocalDate.of(2026, 9, 1));
        Partner p = changes.partner(id);
        assertFalse(p.returnDue(LocalDate.of(2026, 8, 31)));
        assertTrue(p.returnDue(LocalDate.of(2026, 9, 1)));
        assertTrue(p.returnDue(LocalDate.of(2026, 9, 2)));
        assertFalse(changes.partner(paused(null)).returnDue(LocalDate.of(2030, 1, 1)));
        assertFalse(
                p.changedTo(p.appointment().withStatus(PartnerStatus.ACTIVE))
                        .returnDue(LocalDate.of(2026, 9, 2)));
    }
}

package org.involve.core.shortlisting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.fakes.FictionalApplicants;
import org.involve.core.fakes.InMemoryApplications;
import org.involve.core.fakes.InMemoryAuditTrail;
import org.involve.core.fakes.InMemoryDrafts;
import org.involve.core.fakes.InMemoryOutbox;
import org.involve.core.fakes.InMemoryRoles;
import org.involve.core.fakes.InMemoryRound;
import org.involve.core.fakes.InMemoryShortlist;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.junit.jupiter.api.Test;

class ClosingRunTest {
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final InMemoryRoles roles = new InMemoryRoles(outbox, audit);
    private final InMemoryRound applications =
            new InMemoryRound(
                    new InMemoryApplications(outbox, new InMemoryDrafts()), outbox, audit);
    private final InMemoryShortlist shortlist = new InMemoryShortlist(audit);
    private final AnonymousIds ids = new AnonymousIds("a-test-key-for-anonymous-ids-of-32-chars");
    private final ClosingRun job =
            new ClosingRun(
                    roles,
                    roles,
                    new PanelPapers(applications, shortlist, ids),
                    "https://staff.example.org/");

    /** The role, with a panel of one (Pat, PANEL_A). */
    private Role saved(Role r) {
        roles.save(r);
        roles.panel(r.id(), TestStaff.PANEL_A);
        return r;
    }

    private RoleStatus status(Role r) {
        return roles.roles.get(r.id()).status();
    }

    @Test
    void aRolePastItsClosingTimeMovesToShortlistingAndItsPanelMemberIsEmailedOnce() {
        Role r = saved(TestRoles.dayRate(LocalDate.of(2024, 12, 8)));
        ClosingRun.Result result = job.run(Instant.parse("2024-12-09T07:00:00Z"));
        assertEquals(List.of(r.id()), result.closed());
        assertEquals(RoleStatus.SHORTLISTING, status(r));
        List<OutboxMessage> sent = outbox.messages();
        assertEquals(1, sent.size());
        assertEquals("panel-day-rate-role-2024-12-08-panel-0001", sent.get(0).id());
        assertEquals(List.of(sent.get(0).id()), result.messageIds());
        assertEquals("pat.panel@example.org", sent.get(0).email().to());
        assertEquals("Ready for scoring: Group member", sent.get(0).email().subject());
        assertTrue(
                sent.get(0).email().text().contains("closed on 8 December 2024 at 11:59pm"),
                sent.get(0).email().text());
        assertTrue(
                sent.get(0)
                        .email()
                        .text()
                        .contains("https://staff.example.org/staff/shortlisting/day-rate-role"));
    }

    @Test
    void eachMemberOfThePanelIsEmailedAndTheTeamMailboxIsNot() {
        Role r = saved(TestRoles.dayRate(LocalDate.of(2024, 12, 8)));
        roles.panel(r.id(), TestStaff.PANEL_A, TestStaff.PANEL_B);
        ClosingRun.Result result = job.run(Instant.parse("2024-12-09T07:00:00Z"));
        assertEquals(
                List.of("pat.panel@example.org", "robin.panel@example.org"),
                outbox.messages().stream().map(m -> m.email().to()).sorted().toList());
        assertEquals(2, result.messageIds().size());
        for (OutboxMessage m : outbox.messages()) {
            assertEquals("Ready for scoring: Group member", m.email().subject());
            assertTrue(
                    m.email()
                            .text()
                            .contains("https://staff.example.org/staff/shortlisting/day-rate-role"),
                    m.email().text());
        }
    }

    @Test
    void aRoleClosingWithNoPanelAsksTheTeamToChooseOneLinkingToThePageThatDoes() {
        Role r = saved(TestRoles.dayRate(LocalDate.of(2024, 12, 8)));
        roles.panels.remove(r.id());
        job.run(Instant.parse("2024-12-09T07:00:00Z"));
        assertEquals(RoleStatus.SHORTLISTING, status(r));
        List<OutboxMessage> sent = outbox.messages();
        assertEquals(1, sent.size());
        assertEquals("panel-needed-day-rate-role-2024-12-08", sent.get(0).id());
        assertEquals("team@example.org", sent.get(0).email().to());
        assertEquals("Choose a panel: Group member", sent.get(0).email().subject());
        assertTrue(
                sent.get(0)
                        .email()
                        .text()
                        .contains("https://staff.example.org/staff/roles/day-rate-role/panel"),
                sent.get(0).email().text());
    }

    @Test
    void runningTwiceDoesWhatRunningOnceDoes() {
        saved(TestRoles.dayRate(LocalDate.of(2024, 12, 8)));
        job.run(Instant.parse("2024-12-09T07:00:00Z"));
        ClosingRun.Result second = job.run(Instant.parse("2024-12-09T07:15:00Z"));
        assertEquals(List.of(), second.closed());
        assertEquals(List.of(), second.messageIds());
        assertEquals(1, outbox.messages().size());
        assertEquals(1, audit.entries().size());
    }

    @Test
    void theClosingIsAuditedAsTheSchedulersDoing() {
        Role r = saved(TestRoles.dayRate(LocalDate.of(2024, 12, 8)));
        Instant at = Instant.parse("2024-12-09T07:00:00Z");
        job.run(at);
        assertEquals(
                List.of(
                        new AuditEntry(
                                "scheduler:closing-run",
                                "closed the role at its closing time",
                                "role:" + r.id(),
                                at,
                                "OPEN",
                                "SHORTLISTING")),
                audit.entries());
    }

    @Test
    void aRoleStillOpenIsLeftOpen() {
        Role r = saved(TestRoles.dayRate(LocalDate.of(2024, 12, 8)));
        assertEquals(List.of(), job.run(Instant.parse("2024-12-08T23:58:59Z")).closed());
        assertEquals(RoleStatus.OPEN, status(r));
        assertTrue(outbox.messages().isEmpty());
    }

    @Test
    void inWinterTheWholeMinuteOf2359GmtCountsAndItClosesAtMidnight() {
        Role r = saved(TestRoles.dayRate(LocalDate.of(2024, 12, 8)));
        job.run(Instant.parse("2024-12-08T23:59:30Z"));
        assertEquals(RoleStatus.OPEN, status(r));
        job.run(Instant.parse("2024-12-09T00:00:00Z"));
        assertEquals(RoleStatus.SHORTLISTING, status(r));
    }

    @Test
    void inSummerTheWholeMinuteOf2359BstCountsAndItClosesAtMidnightBstWhichIs2300Utc() {
        Role r = saved(TestRoles.dayRate(LocalDate.of(2025, 6, 12)));
        job.run(Instant.parse("2025-06-12T22:59:30Z"));
        assertEquals(RoleStatus.OPEN, status(r));
        job.run(Instant.parse("2025-06-12T23:00:00Z"));
        assertEquals(RoleStatus.SHORTLISTING, status(r));
    }

    @Test
    void onTheLastSundayInMarchTheClocksGoForwardAndItClosesAtBst() {
        Role r = saved(TestRoles.dayRate(LocalDate.of(2025, 3, 30)));
        job.run(Instant.parse("2025-03-30T22:59:59Z"));
        assertEquals(RoleStatus.OPEN, status(r));
        job.run(Instant.parse("2025-03-30T23:00:00Z"));
        assertEquals(RoleStatus.SHORTLISTING, status(r));
    }

    @Test
    void onTheLastSundayInOctoberTheClocksGoBackAndItClosesAtGmt() {
        Role r = saved(TestRoles.dayRate(LocalDate.of(2025, 10, 26)));
        // 23:00 UTC would be midnight had the clocks not gone back that morning.
        job.run(Instant.parse("2025-10-26T23:00:00Z"));
        assertEquals(RoleStatus.OPEN, status(r));
        job.run(Instant.parse("2025-10-27T00:00:00Z"));
        assertEquals(RoleStatus.SHORTLISTING, status(r));
    }

    @Test
    void aClosingDateExtendedAfterTheIndexWasReadIsNotClosed() {
        Role old = TestRoles.dayRate(LocalDate.of(2024, 12, 8));
        saved(old.withClosingDate(LocalDate.of(2024, 12, 15)));
        roles.staleIndex = List.of(old);
        assertEquals(List.of(), job.run(Instant.parse("2024-12-09T07:00:00Z")).closed());
        assertEquals(RoleStatus.OPEN, status(old));
        assertTrue(outbox.messages().isEmpty());
    }

    @Test
    void aRoleTheIndexStillListsButThatWasWithdrawnIsLeftAlone() {
        Role withdrawn =
                saved(
                        TestRoles.dayRate(LocalDate.of(2024, 12, 8))
                                .withStatus(RoleStatus.WITHDRAWN));
        roles.staleIndex = List.of(withdrawn);
        assertEquals(List.of(), job.run(Instant.parse("2024-12-09T07:00:00Z")).closed());
        assertEquals(RoleStatus.WITHDRAWN, status(withdrawn));
    }

    @Test
    void aRoleReopenedAndClosedAgainTellsThePanelAgain() {
        Role r = saved(TestRoles.dayRate(LocalDate.of(2024, 12, 8)));
        job.run(Instant.parse("2024-12-09T07:00:00Z"));
        saved(r.withClosingDate(LocalDate.of(2024, 12, 15)));
        job.run(Instant.parse("2024-12-16T07:00:00Z"));
        assertEquals(
                List.of(
                        "panel-day-rate-role-2024-12-08-panel-0001",
                        "panel-day-rate-role-2024-12-15-panel-0001"),
                outbox.messages().stream().map(OutboxMessage::id).toList());
    }

    @Test
    void manyRolesNotYetDueAreLeftAloneAndOnlyTheDueOneIsClosed() {
        IntStream.range(0, 500)
                .forEach(
                        i ->
                                saved(
                                        TestRoles.withId(
                                                TestRoles.monthly(
                                                        LocalDate.of(2025, 1, 20).plusDays(i % 60)),
                                                "later-" + i)));
        Role due = saved(TestRoles.dayRate(LocalDate.of(2025, 1, 18)));
        ClosingRun.Result result = job.run(Instant.parse("2025-01-19T00:30:00Z"));
        assertEquals(List.of(due.id()), result.closed());
        assertEquals(1, outbox.messages().size());
    }

    @Test
    void thePanelEmailHoldsNoApplicantsDetails() {
        saved(TestRoles.dayRate(LocalDate.of(2024, 12, 8)));
        job.run(Instant.parse("2024-12-09T07:00:00Z"));
        String text = outbox.messages().get(0).email().text();
        assertFalse(text.contains("@"), text);
        assertTrue(
                text.contains(
                        "Names, contact details and equal opportunities answers have been removed"));
    }

    private static final Instant SUBMITTED = Instant.parse("2024-12-01T10:00:00Z");

    @Test
    void atClosingTheReceivedApplicationsBecomeAnonymisedPapersForThePanelAndHeldOnesDoNot() {
        Role r = saved(TestRoles.dayRate(LocalDate.of(2024, 12, 8)));
        Application zebedee =
                applications.add(
                        FictionalApplicants.submitted(
                                r, FictionalApplicants.ZEBEDEE, "INV-ZEBE-0001", SUBMITTED, false));
        applications.add(
                FictionalApplicants.submitted(
                        r, FictionalApplicants.ORLAITH, "INV-ORLA-0002", SUBMITTED, true));
        Application held =
                FictionalApplicants.submitted(
                        r, FictionalApplicants.PERPETUA, "INV-PERP-0003", SUBMITTED, false);
        applications.add(held.after(Application.Status.HELD_TO_TALK_FIRST, Map.of()));

        ClosingRun.Result result = job.run(Instant.parse("2024-12-09T07:00:00Z"));

        assertEquals(2, result.papers());
        List<AnonymisedApplication> papers = shortlist.papers(r.id());
        assertEquals(2, papers.size());
        assertTrue(
                papers.stream()
                        .anyMatch(
                                p -> p.applicantId().equals(ids.of(r.id(), zebedee.reference()))));
        assertTrue(
                papers.stream()
                        .noneMatch(p -> p.applicantId().equals(ids.of(r.id(), held.reference()))),
                "held to talk first: no paper");
        String everything = papers.toString();
        for (var person : List.of(FictionalApplicants.ZEBEDEE, FictionalApplicants.ORLAITH)) {
            for (String trace : person.traces())
                assertFalse(
                        everything.contains(trace), trace + " reached the papers: " + everything);
        }
        for (String trace : FictionalApplicants.MONITORING_TRACES)
            assertFalse(everything.contains(trace), trace);
        assertTrue(
                everything.contains("[name removed]"),
                "answers keep their words, less the applicant's own details");
    }

    @Test
    void runningTwiceWritesEachPaperOnce() {
        Role r = saved(TestRoles.dayRate(LocalDate.of(2024, 12, 8)));
        applications.add(
                FictionalApplicants.submitted(
                        r, FictionalApplicants.ZEBEDEE, "INV-ZEBE-0001", SUBMITTED, false));
        applications.add(
                FictionalApplicants.submitted(
                        r, FictionalApplicants.ORLAITH, "INV-ORLA-0002", SUBMITTED, false));
        job.run(Instant.parse("2024-12-09T07:00:00Z"));
        ClosingRun.Result again = job.run(Instant.parse("2024-12-09T07:05:00Z"));
        assertEquals(0, again.papers());
        assertEquals(2, shortlist.paperWrites.get());
        assertEquals(2, shortlist.papers(r.id()).size());
    }

    @Test
    void aRunThatStoppedAfterThePapersCompletesWithoutWritingThemAgain() {
        Role r = saved(TestRoles.dayRate(LocalDate.of(2024, 12, 8)));
        applications.add(
                FictionalApplicants.submitted(
                        r, FictionalApplicants.ZEBEDEE, "INV-ZEBE-0001", SUBMITTED, false));
        new PanelPapers(applications, shortlist, ids)
                .prepare(r); // as if the run had stopped before the move
        ClosingRun.Result result = job.run(Instant.parse("2024-12-09T07:00:00Z"));
        assertEquals(List.of(r.id()), result.closed());
        assertEquals(0, result.papers());
        assertEquals(1, shortlist.paperWrites.get());
    }
}

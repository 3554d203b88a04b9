package org.involve.core.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.involve.core.audit.AuditEntry;
import org.involve.core.fakes.InMemoryAttempts;
import org.involve.core.fakes.InMemoryMonitoringCodes;
import org.involve.core.fakes.InMemoryOutbox;
import org.involve.core.fakes.InMemoryRoles;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.kit.Read;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.RolePanel;
import org.involve.core.role.RolePanels;
import org.involve.core.role.RoleStatus;
import org.involve.core.staff.AccessDenied;
import org.involve.core.staff.Group;
import org.involve.core.staff.PanelMember;
import org.involve.core.staff.StaffMember;
import org.junit.jupiter.api.Test;

class MonitoringByCodeTest {
    static final String SIGNING = "a-test-signing-key-of-enough-length-for-hmac";
    static final Instant SUBMITTED = Instant.parse("2026-11-02T10:00:00Z");
    final MonitoringToken tokens = new MonitoringToken(SIGNING);
    final MonitoringKey keys =
            new MonitoringKey("a-test-monitoring-key-only-the-form-and-report-hold", tokens);
    final MonitoringCode codes = new MonitoringCode(SIGNING, tokens);
    final InMemoryMonitoringCodes entries = new InMemoryMonitoringCodes();
    final InMemoryAttempts tries = new InMemoryAttempts(new InMemoryOutbox());
    final StaffMember onPanel =
            new StaffMember("staff-0002", "Kim Panelstaff", "kim@example.org", Set.of(Group.STAFF));
    final RolePanels panels =
            new RolePanels() {
                @Override
                public RolePanel panelOf(String roleId, Read read) {
                    return roleId.equals("scg-member")
                            ? new RolePanel(
                                    List.of(
                                            new PanelMember(
                                                    onPanel.id(), "Kim", "kim@example.org")))
                            : RolePanel.none();
                }

                @Override
                public void choose(
                        String roleId,
                        RoleStatus status,
                        RolePanel before,
                        RolePanel after,
                        AuditEntry entry,
                        List<OutboxMessage> messages) {
                    throw new UnsupportedOperationException();
                }
            };
    Clock clock = Clock.fixed(SUBMITTED.plus(Duration.ofDays(1)), ZoneOffset.UTC);
    final InMemoryRoles roles = new InMemoryRoles();

    MonitoringByCodeTest() {
        role("scg-member", RoleStatus.SHORTLISTING);
        role("other-role", RoleStatus.OPEN);
    }

    void role(String id, RoleStatus status) {
        roles.save(
                TestRoles.withId(TestRoles.dayRate(LocalDate.of(2026, 10, 1)), id)
                        .withStatus(status));
    }

    MonitoringByCode byCode() {
        return new MonitoringByCode(
                codes, entries, tries, keys, () -> panels, () -> roles, SIGNING, clock);
    }

    String issued(String roleId, String reference) {
        entries.issue(codes.entryFor(roleId, reference, SUBMITTED));
        return codes.forApplication(roleId, reference);
    }

    static Map<String, String> answers() {
        Map<String, String> m = new HashMap<>();
        MonitoringQuestions.section().fields().forEach(f -> m.put(f.name(), ""));
        m.put("ageBand", "25-to-34");
        return m;
    }

    @Test
    void codesCanBeReadOutEightCharactersInTwoGroupsWithoutLookalikes() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String c = codes.forApplication("scg-member", "INV-" + i);
            assertTrue(c.matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}"), c);
            seen.add(c);
        }
        assertEquals(2000, seen.size(), "no two applications share a code here");
        assertEquals(
                codes.forApplication("scg-member", "INV-1"),
                codes.forApplication("scg-member", "INV-1"),
                "the same code each time it is shown");
        assertNotEquals(
                codes.forApplication("scg-member", "INV-1"),
                codes.forApplication("other-role", "INV-1"));
    }

    @Test
    void typedCodesForgiveCaseSpacesAndDashesButNotLookalikes() {
        assertEquals(Optional.of("7KXM3QPA"), MonitoringCode.normalise(" 7kxm - 3qpa "));
        assertEquals(Optional.of("7KXM3QPA"), MonitoringCode.normalise("7KXM3QPA"));
        assertTrue(MonitoringCode.normalise("7KXM3QP0").isEmpty(), "zero is never in a code");
        assertTrue(MonitoringCode.normalise("7KXM3QPO").isEmpty(), "nor the letter O");
        assertTrue(MonitoringCode.normalise("7KXM3QP").isEmpty(), "too short");
        assertTrue(MonitoringCode.normalise(null).isEmpty());
    }

    @Test
    void theTableKeepsOnlyTheCodesHmacTheRoleAndTheToken() {
        MonitoringCodes.Entry e = codes.entryFor("scg-member", "INV-7", SUBMITTED);
        String code = codes.forApplication("scg-member", "INV-7");
        assertFalse(e.codeId().contains(code.replace("-", "")));
        assertFalse(e.toString().contains("INV-7"), "the application's reference is not kept");
        assertEquals(tokens.forApplication("scg-member", "INV-7"), e.token());
        assertEquals(SUBMITTED.plus(MonitoringCode.LIFE), e.expiresAt());
    }

    @Test
    void answersByCodeAreKeptUnderTheSameKeyAsThroughTheLink() {
        String code = issued("scg-member", "INV-7");
        assertInstanceOf(MonitoringByCode.Result.Open.class, byCode().open(code, "1.2.3.4"));
        assertInstanceOf(
                MonitoringByCode.Result.Recorded.class,
                byCode().submit(code.toLowerCase(), "1.2.3.4", answers()));
        assertEquals(1, entries.answers.size());
        MonitoringResponse r = entries.answers.get(0);
        assertEquals(keys.forApplication("scg-member", "INV-7"), r.answerKey());
        assertEquals("scg-member", r.roleId());
        assertEquals("25-to-34", r.answers().get("ageBand"));
        assertTrue(entries.audit.isEmpty(), "the applicant's own answers are not audited");
    }

    @Test
    void aCodeIsUsedOnceAndEveryRefusalLooksTheSame() {
        String code = issued("scg-member", "INV-7");
        byCode().submit(code, "a", answers());
        assertInstanceOf(MonitoringByCode.Result.NotUsable.class, byCode().open(code, "a"));
        assertInstanceOf(
                MonitoringByCode.Result.NotUsable.class, byCode().submit(code, "a", answers()));
        assertInstanceOf(MonitoringByCode.Result.NotUsable.class, byCode().open("ABCD-EFGH", "a"));
        assertInstanceOf(MonitoringByCode.Result.NotUsable.class, byCode().open("nonsense", "a"));
        assertEquals(1, entries.answers.size());
    }

    @Test
    void aCodeExpires() {
        String code = issued("scg-member", "INV-7");
        clock = Clock.fixed(SUBMITTED.plus(MonitoringCode.LIFE), ZoneOffset.UTC);
        assertInstanceOf(MonitoringByCode.Result.NotUsable.class, byCode().open(code, "a"));
        assertInstanceOf(
                MonitoringByCode.Result.NotUsable.class, byCode().submit(code, "a", answers()));
        assertTrue(entries.answers.isEmpty());
    }

    @Test
    void triesAreLimitedPerSourceAndWindow() {
        MonitoringByCode b = byCode();
        for (int i = 0; i < MonitoringByCode.TRIES; i++)
            assertInstanceOf(MonitoringByCode.Result.NotUsable.class, b.open("ABCD-EFGH", "a"));
        String code = issued("scg-member", "INV-7");
        assertInstanceOf(MonitoringByCode.Result.TooManyTries.class, b.open(code, "a"));
        assertInstanceOf(MonitoringByCode.Result.Open.class, b.open(code, "b"));
        clock = Clock.offset(clock, Duration.ofMinutes(MonitoringByCode.WINDOW_MINUTES));
        assertInstanceOf(MonitoringByCode.Result.Open.class, byCode().open(code, "a"));
    }

    /**
     * Any 15 minutes, not fixed quarters of the hour: a quarter starting between the tries starts no new count, and a
     * place frees 15 minutes after the try that took it.
     */
    @Test
    void triesAreCountedInAnyWindowWhereverTheQuarterHourFalls() {
        Instant start = Instant.parse("2026-11-03T10:10:00Z");
        clock = Clock.fixed(start, ZoneOffset.UTC);
        for (int i = 0; i < MonitoringByCode.TRIES; i++) {
            assertInstanceOf(
                    MonitoringByCode.Result.NotUsable.class, byCode().open("ABCD-EFGH", "a"));
            clock = Clock.offset(clock, Duration.ofSeconds(30));
        }
        String code = issued("scg-member", "INV-7");
        // 10:15 passed between the tries: still refused at 10:16.
        clock = Clock.fixed(Instant.parse("2026-11-03T10:16:00Z"), ZoneOffset.UTC);
        assertInstanceOf(MonitoringByCode.Result.TooManyTries.class, byCode().open(code, "a"));
        clock = Clock.fixed(start.plus(Duration.ofMinutes(15)).minusMillis(1), ZoneOffset.UTC);
        assertInstanceOf(
                MonitoringByCode.Result.TooManyTries.class,
                byCode().open(code, "a"),
                "the first try counts until 15 minutes after it");
        clock = Clock.fixed(start.plus(Duration.ofMinutes(15)), ZoneOffset.UTC);
        assertInstanceOf(MonitoringByCode.Result.Open.class, byCode().open(code, "a"));
        assertInstanceOf(
                MonitoringByCode.Result.TooManyTries.class,
                byCode().open(code, "a"),
                "only the first one's place was free");
    }

    @Test
    void invalidAnswersKeepTheCodeUnspent() {
        String code = issued("scg-member", "INV-7");
        Map<String, String> bad = answers();
        bad.put("ageBand", "not-an-answer");
        assertInstanceOf(MonitoringByCode.Result.Invalid.class, byCode().submit(code, "a", bad));
        assertInstanceOf(
                MonitoringByCode.Result.Recorded.class, byCode().submit(code, "a", answers()));
    }

    @Test
    void staffOutsideThePanelEnterAnswersAuditedWithoutPersonalData() {
        String code = issued("scg-member", "INV-7");
        assertInstanceOf(
                MonitoringByCode.Result.Open.class, byCode().openForStaff(TestStaff.STAFF, code));
        assertInstanceOf(
                MonitoringByCode.Result.Recorded.class,
                byCode().submitForStaff(TestStaff.STAFF, code, answers()));
        assertEquals(
                keys.forApplication("scg-member", "INV-7"), entries.answers.get(0).answerKey());
        AuditEntry a = entries.audit.get(0);
        assertEquals(TestStaff.STAFF.id(), a.who());
        String all = a.toString();
        assertFalse(all.contains("scg-member") || all.contains("INV-7") || all.contains(code));
        assertFalse(all.contains(code.replace("-", "")));
    }

    @Test
    void nobodyOnTheRolesPanelMayEnterAnswersForIt() {
        String code = issued("scg-member", "INV-7");
        assertFalse(byCode().mayEnter(onPanel, "scg-member"));
        assertTrue(byCode().mayEnter(onPanel, "other-role"));
        assertTrue(byCode().mayEnter(TestStaff.STAFF, "scg-member"));
        assertInstanceOf(
                MonitoringByCode.Result.OnPanel.class, byCode().openForStaff(onPanel, code));
        assertInstanceOf(
                MonitoringByCode.Result.OnPanel.class,
                byCode().submitForStaff(onPanel, code, answers()));
        assertTrue(entries.answers.isEmpty());
        String other = issued("other-role", "INV-8");
        assertInstanceOf(
                MonitoringByCode.Result.Recorded.class,
                byCode().submitForStaff(onPanel, other, answers()));
    }

    @Test
    void panelAndFinanceMayNotEnterAnswers() {
        String code = issued("other-role", "INV-7");
        assertFalse(byCode().mayEnter(TestStaff.PANEL_A, "other-role"));
        assertThrows(AccessDenied.class, () -> byCode().openForStaff(TestStaff.PANEL_A, code));
        assertThrows(
                AccessDenied.class,
                () -> byCode().submitForStaff(TestStaff.FINANCE, code, answers()));
        assertTrue(entries.answers.isEmpty());
    }

    /**
     * A code for a role whose round is over (filled or withdrawn) is told plainly that the form has closed, on the
     * public page and to staff, before any panel check: nothing is kept and the code stays unspent.
     */
    @Test
    void aCodeForARoleWhoseRoundIsOverIsToldTheFormHasClosed() {
        String filled = issued("scg-member", "INV-7");
        String withdrawn = issued("other-role", "INV-8");
        role("scg-member", RoleStatus.FILLED);
        role("other-role", RoleStatus.WITHDRAWN);
        for (String code : List.of(filled, withdrawn)) {
            assertInstanceOf(MonitoringByCode.Result.Closed.class, byCode().open(code, "a"));
            assertInstanceOf(
                    MonitoringByCode.Result.Closed.class, byCode().submit(code, "a", answers()));
            assertInstanceOf(
                    MonitoringByCode.Result.Closed.class,
                    byCode().openForStaff(TestStaff.STAFF, code));
            assertInstanceOf(
                    MonitoringByCode.Result.Closed.class,
                    byCode().submitForStaff(TestStaff.STAFF, code, answers()));
        }
        assertInstanceOf(
                MonitoringByCode.Result.Closed.class,
                byCode().openForStaff(onPanel, filled),
                "closed, whoever asks");
        assertTrue(entries.answers.isEmpty());
        assertTrue(entries.spent.isEmpty(), "the codes are not spent");
        assertInstanceOf(
                MonitoringByCode.Result.NotUsable.class,
                byCode().open("ABCD-EFGH", "b"),
                "a code that is not real is refused as before");
    }

    /** The write checks again: a role whose form closed after the code was read is refused there, and told so. */
    @Test
    void theWritesRefusalIsToldAsClosed() {
        String code = issued("other-role", "INV-8");
        entries.closedRoles.add("other-role");
        assertInstanceOf(
                MonitoringByCode.Result.Closed.class, byCode().submit(code, "a", answers()));
        assertInstanceOf(
                MonitoringByCode.Result.Closed.class,
                byCode().submitForStaff(TestStaff.STAFF, code, answers()));
        assertTrue(entries.answers.isEmpty());
    }
}

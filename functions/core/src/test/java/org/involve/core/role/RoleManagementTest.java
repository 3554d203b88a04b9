package org.involve.core.role;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.involve.core.audit.AuditEntry;
import org.involve.core.fakes.DateCases;
import org.involve.core.fakes.InMemoryRoles;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.TestStaff;
import org.involve.core.kit.Read;
import org.involve.core.staff.AccessDenied;
import org.junit.jupiter.api.Test;

class RoleManagementTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-10T10:00:00Z"));
    private final InMemoryRoles records = new InMemoryRoles();
    private final RoleManagement roles = new RoleManagement(records, records, clock);

    private Role created() {
        return assertInstanceOf(
                        RoleManagement.Done.class,
                        roles.create(TestStaff.STAFF, RoleFormTest.valid()))
                .role();
    }

    @Test
    void onlyStaffMayManageRoles() {
        assertThrows(AccessDenied.class, () -> roles.list(TestStaff.PANEL_A));
        assertThrows(
                AccessDenied.class, () -> roles.create(TestStaff.FINANCE, RoleFormTest.valid()));
        assertTrue(records.roles.isEmpty());
    }

    @Test
    void aNewRoleIsADraftWithAnAuditEntryAndASecondWithTheSameTitleGetsItsOwnId() {
        Role first = created();
        Role second = created();
        assertEquals("community-voices-partner", first.id());
        assertEquals("community-voices-partner-2", second.id());
        assertEquals(RoleStatus.DRAFT, first.status());
        AuditEntry e = records.audit.get(0);
        assertEquals(
                new AuditEntry(
                        TestStaff.STAFF.id(),
                        "role created",
                        "role:community-voices-partner",
                        clock.instant(),
                        null,
                        "DRAFT"),
                e);
    }

    @Test
    void publishingOpensADraftWhoseClosingTimeIsAhead() {
        Role draft = created();
        assertEquals(
                RoleStatus.OPEN,
                roles.publish(TestStaff.STAFF, draft.id(), version(draft.id())).status());
        assertEquals(
                List.of("role created", "role published"),
                records.audit.stream().map(AuditEntry::what).toList());
        assertEquals("DRAFT", records.audit.get(1).fromState());
        var again =
                assertThrows(
                        RoleManagement.Refused.class,
                        () -> roles.publish(TestStaff.STAFF, draft.id(), version(draft.id())));
        assertEquals("Only a draft role can be published. This role is open.", again.getMessage());
    }

    @Test
    void aRoleWhoseClosingDateHasPassedCannotBePublished() {
        Role draft = created();
        clock.set(Instant.parse("2025-02-21T00:00:00Z")); // midnight GMT after the closing date
        var refused =
                assertThrows(
                        RoleManagement.Refused.class,
                        () -> roles.publish(TestStaff.STAFF, draft.id(), version(draft.id())));
        assertTrue(refused.getMessage().startsWith("The closing date has passed"));
        assertEquals(RoleStatus.DRAFT, records.roles.get(draft.id()).status());
    }

    @Test
    void withdrawingIsRecordedAndFinal() {
        Role draft = created();
        roles.publish(TestStaff.STAFF, draft.id(), version(draft.id()));
        assertEquals(
                RoleStatus.WITHDRAWN,
                roles.withdraw(TestStaff.STAFF, draft.id(), version(draft.id())).status());
        assertEquals("OPEN", records.audit.get(2).fromState());
        assertThrows(
                RoleManagement.Refused.class,
                () -> roles.withdraw(TestStaff.STAFF, draft.id(), version(draft.id())));
        assertThrows(
                RoleManagement.Refused.class,
                () ->
                        roles.update(
                                TestStaff.STAFF,
                                draft.id(),
                                current(draft.id(), RoleFormTest.valid())));
    }

    @Test
    void anOpenRolesClosingDateOnlyMovesLaterAndBeforeTheInterviews() {
        Role draft = created();
        assertThrows(
                RoleManagement.Refused.class,
                () ->
                        roles.extend(
                                TestStaff.STAFF,
                                draft.id(),
                                current(draft.id(), date(25, 2, 2025))));
        roles.publish(TestStaff.STAFF, draft.id(), version(draft.id()));
        assertEquals(
                "The new closing date must be after 20 February 2025",
                assertInstanceOf(
                                RoleManagement.Invalid.class,
                                roles.extend(
                                        TestStaff.STAFF,
                                        draft.id(),
                                        current(draft.id(), date(19, 2, 2025))))
                        .errors()
                        .asMap()
                        .get("closingDate-day"));
        assertTrue(
                assertInstanceOf(
                                RoleManagement.Invalid.class,
                                roles.extend(
                                        TestStaff.STAFF,
                                        draft.id(),
                                        current(draft.id(), date(12, 3, 2025))))
                        .errors()
                        .asMap()
                        .get("closingDate-day")
                        .startsWith("The new closing date must be before the interview week"));
        assertInstanceOf(
                RoleManagement.Invalid.class,
                roles.extend(TestStaff.STAFF, draft.id(), current(draft.id(), date(30, 2, 2025))));

        Role extended =
                assertInstanceOf(
                                RoleManagement.Done.class,
                                roles.extend(
                                        TestStaff.STAFF,
                                        draft.id(),
                                        current(draft.id(), date(27, 2, 2025))))
                        .role();
        assertEquals(LocalDate.of(2025, 2, 27), extended.closingDate());
        AuditEntry e = records.audit.get(records.audit.size() - 1);
        assertEquals("closing date extended", e.what());
        assertEquals("OPEN closing 2025-02-20", e.fromState());
        assertEquals("OPEN closing 2025-02-27", e.toState());
    }

    @Test
    void editingAnOpenRoleKeepsItsClosingDate() {
        Role draft = created();
        roles.publish(TestStaff.STAFF, draft.id(), version(draft.id()));
        Map<String, String> posted = new java.util.HashMap<>(RoleFormTest.valid());
        posted.put("closingDate-day", "1");
        posted.put(RoleForm.TITLE, "Community voices partner (changed)");
        Role after =
                assertInstanceOf(
                                RoleManagement.Done.class,
                                roles.update(
                                        TestStaff.STAFF, draft.id(), current(draft.id(), posted)))
                        .role();
        assertEquals("Community voices partner (changed)", after.title());
        assertEquals(LocalDate.of(2025, 2, 20), after.closingDate());
        assertEquals(draft.id(), after.id());
        assertEquals(RoleStatus.OPEN, after.status());
    }

    @Test
    void aChangeMadeMeanwhileIsNotOverwritten() {
        Role draft = created();
        RoleManagement slow =
                new RoleManagement(
                        new org.involve.core.role.RoleEditor() {
                            public List<Role> all() {
                                return records.all();
                            }

                            public java.util.Optional<Role> find(String id, Read read) {
                                var r = records.find(id, read);
                                records.roles.put(id, r.get().withStatus(RoleStatus.WITHDRAWN));
                                return r;
                            }

                            public List<Role> published() {
                                return records.published();
                            }

                            public List<Role> beingShortlisted() {
                                return records.beingShortlisted();
                            }

                            public List<Role> closedBy(java.time.Instant now) {
                                return records.closedBy(now);
                            }

                            public boolean create(Role r, AuditEntry e) {
                                return records.create(r, e);
                            }

                            public void replace(Role b, Role a, AuditEntry e) {
                                records.replace(b, a, e);
                            }
                        },
                        records,
                        clock);
        var refused =
                assertThrows(
                        RoleManagement.Refused.class,
                        () -> slow.publish(TestStaff.STAFF, draft.id(), draft.version()));
        assertTrue(refused.getMessage().startsWith("Someone else changed this role"));
        assertEquals(RoleStatus.WITHDRAWN, records.roles.get(draft.id()).status());
    }

    @Test
    void aRolesVersionNamesItsContent() {
        Role draft = created();
        assertEquals(draft.version(), records.find(draft.id(), Read.CONSISTENT).get().version());
        assertEquals(24, draft.version().length());
        assertNotEquals(draft.version(), draft.withStatus(RoleStatus.OPEN).version());
        assertNotEquals(
                draft.version(), draft.withClosingDate(draft.closingDate().plusDays(1)).version());
    }

    @Test
    void everyChangeMadeFromAnOutOfDateFormIsRefusedWithTheRoleAsItIsNow() {
        Role draft = created();
        String seen = draft.version();
        Map<String, String> edited = new java.util.HashMap<>(RoleFormTest.valid());
        edited.put(RoleForm.TITLE, "Community voices partner (first)");
        edited.put(RoleManagement.VERSION, seen);
        assertInstanceOf(
                RoleManagement.Done.class, roles.update(TestStaff.STAFF, draft.id(), edited));
        Role now = records.roles.get(draft.id());
        int audited = records.audit.size();

        Map<String, String> second = new java.util.HashMap<>(RoleFormTest.valid());
        second.put(RoleForm.TITLE, "Community voices partner (second)");
        second.put(RoleManagement.VERSION, seen);
        for (org.junit.jupiter.api.function.Executable stale :
                List.<org.junit.jupiter.api.function.Executable>of(
                        () -> roles.update(TestStaff.STAFF, draft.id(), second),
                        () -> roles.publish(TestStaff.STAFF, draft.id(), seen),
                        () -> roles.withdraw(TestStaff.STAFF, draft.id(), seen),
                        () -> roles.publish(TestStaff.STAFF, draft.id(), null),
                        () -> roles.update(TestStaff.STAFF, draft.id(), RoleFormTest.valid()))) {
            var changed = assertThrows(RoleManagement.ChangedMeanwhile.class, stale);
            assertEquals(now, changed.current());
            assertTrue(changed.getMessage().startsWith("Someone else changed this role"));
        }
        roles.publish(TestStaff.STAFF, draft.id(), now.version());
        Map<String, String> later = new java.util.HashMap<>(date(27, 2, 2025));
        later.put(RoleManagement.VERSION, now.version());
        assertThrows(
                RoleManagement.ChangedMeanwhile.class,
                () -> roles.extend(TestStaff.STAFF, draft.id(), later));
        assertEquals("Community voices partner (first)", records.roles.get(draft.id()).title());
        assertEquals(LocalDate.of(2025, 2, 20), records.roles.get(draft.id()).closingDate());
        assertEquals(audited + 1, records.audit.size(), "only the publish was saved");
    }

    @Test
    void theListShowsEveryStatusWithApplicationCounts() {
        Role a = created(), b = created();
        roles.publish(TestStaff.STAFF, b.id(), b.version());
        records.applications.put(b.id(), 4);
        var listed = roles.list(TestStaff.STAFF);
        assertEquals(List.of(b.id(), a.id()), listed.stream().map(l -> l.role().id()).toList());
        assertEquals(4, listed.get(0).applications());
    }

    /** The version of the role as stored now: what a form read now would carry. */
    private String version(String roleId) {
        return records.roles.get(roleId).version();
    }

    /** {@code posted} as a form read now would post it, with the role's current version. */
    @Test
    void theNewClosingDateIsReadAsEveryDateIs() {
        Role draft = created();
        roles.publish(TestStaff.STAFF, draft.id(), version(draft.id()));
        DateCases.check(
                (d, m, y) ->
                        roles.extend(
                                                TestStaff.STAFF,
                                                draft.id(),
                                                current(
                                                        draft.id(),
                                                        Map.of(
                                                                "closingDate-day", d,
                                                                "closingDate-month", m,
                                                                "closingDate-year", y)))
                                        instanceof RoleManagement.Invalid bad
                                ? bad.errors().asMap()
                                : Map.of(),
                "closingDate",
                "The new closing date must include {parts}",
                "The new closing date must be a real date, like 8 12 2025",
                LocalDate.of(2025, 2, 27));
        assertEquals(
                Map.of("closingDate-day", "Enter the new closing date"),
                assertInstanceOf(
                                RoleManagement.Invalid.class,
                                roles.extend(
                                        TestStaff.STAFF,
                                        draft.id(),
                                        current(draft.id(), Map.of("closingDate-day", " "))))
                        .errors()
                        .asMap());
    }

    private Map<String, String> current(String roleId, Map<String, String> posted) {
        Map<String, String> out = new java.util.HashMap<>(posted);
        out.put(RoleManagement.VERSION, version(roleId));
        return out;
    }

    private static Map<String, String> date(int d, int m, int y) {
        return Map.of(
                "closingDate-day",
                String.valueOf(d),
                "closingDate-month",
                String.valueOf(m),
                "closingDate-year",
                String.valueOf(y));
    }
}

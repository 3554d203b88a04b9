package org.involve.core.shortlisting;

import static org.involve.core.fakes.TestStaff.PANEL_A;
import static org.involve.core.fakes.TestStaff.PANEL_B;
import static org.involve.core.fakes.TestStaff.PANEL_C;
import static org.involve.core.fakes.TestStaff.STAFF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.involve.core.audit.AuditEntry;
import org.involve.core.fakes.InMemoryAuditTrail;
import org.involve.core.fakes.InMemoryOutbox;
import org.involve.core.fakes.InMemoryPanelGroup;
import org.involve.core.fakes.InMemoryRoles;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.TestRoles;
import org.involve.core.kit.Read;
import org.involve.core.kit.Refused;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.Role;
import org.involve.core.role.RolePanel;
import org.involve.core.role.RoleStatus;
import org.involve.core.staff.AccessDenied;
import org.involve.core.staff.PanelMember;
import org.junit.jupiter.api.Test;

/** Staff choose a role's panel from the panel group; it is kept with the role, audited, and new members told when due. */
class PanelChoiceTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-10T10:00:00Z"));
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final InMemoryRoles roles = new InMemoryRoles(outbox, audit);
    private final InMemoryPanelGroup group = new InMemoryPanelGroup(PANEL_A, PANEL_B, PANEL_C);
    private final PanelChoice choice =
            new PanelChoice(roles, roles, group, clock, "https://staff.example.org/");
    private final Role open = roles.save(TestRoles.dayRate(LocalDate.of(2025, 1, 20)));

    /** Chooses from a form read now: carrying the panel's current version. */
    private PanelChoice.Outcome choose(
            org.involve.core.staff.StaffMember who, String roleId, List<String> ids) {
        return choice.choose(who, roleId, ids, roles.panelOf(roleId, Read.CONSISTENT).version());
    }

    private RolePanel panel(Role r) {
        return roles.panelOf(r.id(), Read.CONSISTENT);
    }

    @Test
    void theFormOffersEveryoneInThePanelGroupByName() {
        group.signedIn(STAFF); // not in the panel group: never offered
        var form = choice.form(STAFF, open.id());
        assertEquals(
                List.of("Alex Panelthree", "Pat Panelone", "Robin Paneltwo"),
                form.candidates().stream().map(PanelMember::name).toList());
        assertTrue(form.panel().isEmpty());
    }

    @Test
    void choosingBeforeClosingKeepsThePanelWithTheRoleAuditedAndSendsNothing() {
        var chosen =
                assertInstanceOf(
                        PanelChoice.Outcome.Chosen.class,
                        choose(STAFF, open.id(), List.of(PANEL_A.id(), PANEL_B.id())));
        assertEquals(List.of(PANEL_A.id(), PANEL_B.id()), panel(open).ids());
        assertEquals(List.of(), chosen.messageIds());
        assertTrue(outbox.messages().isEmpty(), "they are e-mailed when the role closes");
        AuditEntry entry = audit.entries().get(audit.entries().size() - 1);
        assertEquals(
                new AuditEntry(
                        STAFF.id(),
                        "chose the shortlisting panel",
                        "role:" + open.id(),
                        clock.instant(),
                        "no panel",
                        "panel: panel-0001 panel-0002"),
                entry);
    }

    @Test
    void choosingWhileTheRoleIsBeingShortlistedEmailsEachNewMemberOnce() {
        Role r = roles.save(open.withStatus(RoleStatus.SHORTLISTING));
        choose(STAFF, r.id(), List.of(PANEL_A.id()));
        choose(STAFF, r.id(), List.of(PANEL_A.id(), PANEL_B.id()));
        choose(STAFF, r.id(), List.of(PANEL_B.id()));
        choose(STAFF, r.id(), List.of(PANEL_A.id(), PANEL_B.id()));
        List<OutboxMessage> sent = outbox.messages();
        assertEquals(
                List.of("pat.panel@example.org", "robin.panel@example.org"),
                sent.stream().map(m -> m.email().to()).sorted().toList());
        for (OutboxMessage m : sent) {
            assertEquals("Ready for scoring: Group member", m.email().subject());
            assertTrue(
                    m.email()
                            .text()
                            .contains("https://staff.example.org/staff/shortlisting/" + r.id()));
        }
    }

    @Test
    void choosingNobodyOrSomeoneNotInThePanelGroupIsRefusedAndNothingIsSaved() {
        assertInstanceOf(PanelChoice.Outcome.Invalid.class, choose(STAFF, open.id(), List.of()));
        var unknown =
                assertInstanceOf(
                        PanelChoice.Outcome.Invalid.class,
                        choose(STAFF, open.id(), List.of(STAFF.id())));
        assertEquals("Choose panel members from the list", unknown.error());
        assertTrue(panel(open).isEmpty());
        assertTrue(audit.entries().isEmpty());
    }

    @Test
    void onlyStaffChooseAPanel() {
        assertThrows(AccessDenied.class, () -> choice.form(PANEL_A, open.id()));
        assertThrows(AccessDenied.class, () -> choose(PANEL_A, open.id(), List.of(PANEL_A.id())));
    }

    @Test
    void aWithdrawnRolesPanelCannotBeChanged() {
        Role r = roles.save(open.withStatus(RoleStatus.WITHDRAWN));
        assertThrows(Refused.class, () -> choose(STAFF, r.id(), List.of(PANEL_A.id())));
    }

    @Test
    void someoneStillOnThePanelButNoLongerListedInTheGroupCanBeKept() {
        choose(STAFF, open.id(), List.of(PANEL_C.id()));
        group.members.remove(PANEL_C.id());
        assertInstanceOf(
                PanelChoice.Outcome.Chosen.class,
                choose(STAFF, open.id(), List.of(PANEL_C.id(), PANEL_A.id())));
        assertEquals(List.of(PANEL_C.id(), PANEL_A.id()).size(), panel(open).members().size());
    }

    @Test
    void twoStaffChoosingFromTheSamePageDoNotLoseTheFirstChoice() {
        String read = panel(open).version();
        assertInstanceOf(
                PanelChoice.Outcome.Chosen.class,
                choice.choose(STAFF, open.id(), List.of(PANEL_A.id()), read));
        var stale =
                assertThrows(
                        PanelChoice.ChangedMeanwhile.class,
                        () -> choice.choose(STAFF, open.id(), List.of(PANEL_B.id()), read));
        assertEquals(List.of(PANEL_A.id()), panel(open).ids(), "the first choice stands");
        assertEquals(
                List.of(PANEL_A.id()), stale.current().panel().ids(), "the panel as it is now");
        assertEquals(java.util.Set.of(PANEL_B.id()), stale.chosen());
        assertEquals(1, audit.entries().size());
        assertThrows(
                PanelChoice.ChangedMeanwhile.class,
                () -> choice.choose(STAFF, open.id(), List.of(PANEL_B.id()), null),
                "a form with no version saves nothing");
        assertEquals(List.of(PANEL_A.id()), panel(open).ids());
    }
}

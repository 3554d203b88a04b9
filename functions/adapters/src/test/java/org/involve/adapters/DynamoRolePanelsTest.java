package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Read;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.Role;
import org.involve.core.role.RolePanel;
import org.involve.core.role.RoleStatus;
import org.involve.core.role.Roles;
import org.involve.core.staff.PanelMember;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A role's panel on DynamoDB Local: kept on the role's item, audited, conditional on what was read, e-mails once. */
@ExtendWith(AwsEnvironmentExtension.class)
class DynamoRolePanelsTest {
    private static final PanelMember PAT =
            new PanelMember("local-pat", "Pat Panel", "pat@example.org");
    private static final PanelMember ROBIN =
            new PanelMember("local-robin", "Robin Panel", "robin@example.org");
    private final AwsEnvironment aws;
    private final DynamoRoles roles;
    private final DynamoOutbox outbox;
    private final DynamoAuditTrail audit;

    DynamoRolePanelsTest(AwsEnvironment aws) {
        this.aws = aws;
        this.outbox = Samples.outbox(aws);
        this.audit = new DynamoAuditTrail(aws.dynamo(), aws.table("AuditTable"));
        this.roles = new DynamoRoles(aws.dynamo(), aws.table("RolesTable"), outbox, audit);
    }

    private static AuditEntry entry(Role role, String to) {
        return new AuditEntry(
                "staff-1",
                "chose the shortlisting panel",
                "role:" + role.id(),
                Instant.now(),
                "before",
                to);
    }

    private static OutboxMessage toldPat(Role role) {
        Instant now = Instant.now();
        return new OutboxMessage(
                "panel-" + role.id() + "-" + role.closingDate() + "-" + PAT.id(),
                Samples.email(PAT.email()),
                now,
                now,
                0,
                "panel-closing");
    }

    @Test
    void aPanelIsKeptWithTheRoleAndAuditedAndEditingTheRoleLeavesItAlone() {
        Role role = Samples.role(RoleStatus.OPEN, LocalDate.of(2030, 5, 1));
        Samples.putRole(aws, role);
        assertEquals(RolePanel.none(), roles.panelOf(role.id(), Read.CONSISTENT));
        RolePanel two = new RolePanel(List.of(PAT, ROBIN));
        roles.choose(
                role.id(), RoleStatus.OPEN, RolePanel.none(), two, entry(role, "two"), List.of());
        assertEquals(two, roles.panelOf(role.id(), Read.CONSISTENT));
        assertEquals(1, audit.trailOf("role:" + role.id()).size());

        Role edited = role.withClosingDate(LocalDate.of(2030, 5, 8));
        roles.replace(role, edited, entry(role, "edited"));
        assertEquals(two, roles.panelOf(role.id(), Read.CONSISTENT), "an edit keeps the panel");
        assertEquals(edited, roles.find(role.id(), Read.CONSISTENT).orElseThrow());
        Samples.putRole(aws, edited.withStatus(RoleStatus.WITHDRAWN));
    }

    @Test
    void aPanelChangedOrARoleMovedSinceItWasReadIsNotOverwritten() {
        Role role = Samples.role(RoleStatus.OPEN, LocalDate.of(2030, 5, 2));
        Samples.putRole(aws, role);
        RolePanel pat = new RolePanel(List.of(PAT));
        roles.choose(
                role.id(), RoleStatus.OPEN, RolePanel.none(), pat, entry(role, "pat"), List.of());
        assertThrows(
                Roles.ChangedSince.class,
                () ->
                        roles.choose(
                                role.id(),
                                RoleStatus.OPEN,
                                RolePanel.none(),
                                new RolePanel(List.of(ROBIN)),
                                entry(role, "robin"),
                                List.of()));
        assertThrows(
                Roles.ChangedSince.class,
                () ->
                        roles.choose(
                                role.id(),
                                RoleStatus.SHORTLISTING,
                                pat,
                                new RolePanel(List.of(ROBIN)),
                                entry(role, "robin"),
                                List.of()),
                "the role is still open, not shortlisting");
        assertEquals(pat, roles.panelOf(role.id(), Read.CONSISTENT));
        assertEquals(1, audit.trailOf("role:" + role.id()).size());
        Samples.putRole(aws, role.withStatus(RoleStatus.WITHDRAWN));
    }

    @Test
    void aMemberAlreadyToldIsNotToldAgainAndTheOthersAre() {
        Role role = Samples.role(RoleStatus.SHORTLISTING, LocalDate.of(2030, 5, 3));
        Samples.putRole(aws, role);
        OutboxMessage pat = toldPat(role);
        assertTrue(outbox.addOnce(pat));
        Instant now = Instant.now();
        OutboxMessage robin =
                new OutboxMessage(
                        "panel-" + role.id() + "-" + role.closingDate() + "-" + ROBIN.id(),
                        Samples.email(ROBIN.email()),
                        now,
                        now,
                        0,
                        "panel-closing");
        OutboxMessage patAgain =
                new OutboxMessage(
                        pat.id(),
                        Samples.email("changed@example.org"),
                        now,
                        now,
                        0,
                        "panel-closing");
        RolePanel two = new RolePanel(List.of(PAT, ROBIN));
        roles.choose(
                role.id(),
                RoleStatus.SHORTLISTING,
                RolePanel.none(),
                two,
                entry(role, "two"),
                List.of(patAgain, robin));
        assertEquals(two, roles.panelOf(role.id(), Read.CONSISTENT));
        assertEquals(PAT.email(), outbox.find(pat.id()).orElseThrow().email().to());
        assertEquals(ROBIN.email(), outbox.find(robin.id()).orElseThrow().email().to());
        outbox.giveUp(pat.id(), "test over");
        outbox.giveUp(robin.id(), "test over");
        Samples.putRole(aws, role.withStatus(RoleStatus.WITHDRAWN));
    }
}

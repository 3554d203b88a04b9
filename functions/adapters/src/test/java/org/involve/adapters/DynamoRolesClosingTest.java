package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.adapters.internal.Items;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Email;
import org.involve.core.kit.Read;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.Role;
import org.involve.core.role.RolePanel;
import org.involve.core.role.RoleStatus;
import org.involve.core.role.Roles;
import org.involve.core.role.RolesForClosing;
import org.involve.core.shortlisting.AnonymousIds;
import org.involve.core.shortlisting.ClosingRun;
import org.involve.core.shortlisting.PanelPapers;
import org.involve.core.shortlisting.ReadyForScoring;
import org.involve.core.staff.PanelMember;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The closing job against DynamoDB Local. Tests share one emulator, so each keeps to times of its own: only the
 * query test looks at every open role due by its "now" (in 2013, before any other test's open roles close); the
 * others run the job through {@link #only}, a view of the adapter that sees just their role.
 */
@ExtendWith(AwsEnvironmentExtension.class)
class DynamoRolesForClosingTest {
    private static final String STAFF_SITE = "https://staff.example.org";
    private final AwsEnvironment aws;
    private final DynamoRoles roles;
    private final DynamoOutbox outbox;
    private final DynamoAuditTrail audit;
    private final DynamoApplicationStore applications;
    private final DynamoShortlistStore shortlist;
    private final PanelPapers papers;

    DynamoRolesForClosingTest(AwsEnvironment aws) {
        this.aws = aws;
        this.outbox = Samples.outbox(aws);
        this.audit = new DynamoAuditTrail(aws.dynamo(), aws.table("AuditTable"));
        this.roles = new DynamoRoles(aws.dynamo(), aws.table("RolesTable"), outbox, audit);
        this.applications =
                new DynamoApplicationStore(
                        aws.dynamo(),
                        aws.table("ApplicationsTable"),
                        outbox,
                        new DynamoDraftStore(aws.dynamo(), aws.table("DraftsTable")));
        this.shortlist =
                new DynamoShortlistStore(aws.dynamo(), aws.table("ShortlistingTable"), audit);
        this.papers =
                new PanelPapers(
                        new DynamoApplications(
                                aws.dynamo(),
                                aws.table("ApplicationsTable"),
                                outbox,
                                audit,
                                new DynamoDraftStore(aws.dynamo(), aws.table("DraftsTable"))),
                        shortlist,
                        new AnonymousIds("a-closing-test-key-of-enough-length-here"));
    }

    /**
     * 500 roles that must not be closed - open ones closing later, and ones already shortlisting, withdrawn, filled or
     * in draft whose dates have passed - around three that are due: one query on the index, evaluating only those three.
     */
    @Test
    void theDueQueryFindsOnlyOpenRolesDueByNowWithOneQueryOnTheIndex() {
        Instant now = Instant.parse("2013-06-01T12:00:00Z");
        List<Role> others = new ArrayList<>();
        others.add(
                Samples.role(
                        RoleStatus.OPEN,
                        LocalDate.of(
                                2013, 6, 1))); // closes tonight once 23:59 BST is over (23:00 UTC)
        for (int i = 1; i < 250; i++)
            others.add(Samples.role(RoleStatus.OPEN, LocalDate.of(2090, 1, 1).plusDays(i)));
        RoleStatus[] closed = {
            RoleStatus.SHORTLISTING, RoleStatus.WITHDRAWN, RoleStatus.FILLED, RoleStatus.DRAFT
        };
        for (int i = 0; i < 250; i++)
            others.add(
                    Samples.role(
                            closed[i % closed.length], LocalDate.of(2013, 1, 1).plusDays(i % 150)));
        List<Role> dueNow =
                List.of(
                        Samples.role(RoleStatus.OPEN, LocalDate.of(2013, 5, 31)),
                        Samples.role(RoleStatus.OPEN, LocalDate.of(2013, 2, 14)),
                        Samples.role(RoleStatus.OPEN, LocalDate.of(2013, 4, 1)));
        others.forEach(this::save);
        dueNow.forEach(this::save);
        try {
            aws.dynamoCalls().clear();

            List<Role> found = roles.openAndDueBy(now);

            assertEquals(
                    dueNow.stream()
                            .sorted(Comparator.comparing(r -> r.closingTime().instant()))
                            .toList(),
                    found,
                    "due roles, soonest closing first");
            assertEquals(
                    List.of(
                            new RecordedCalls.Call(
                                    "Query", DynamoRoles.BY_STATUS_AND_CLOSING_TIME, 3)),
                    aws.dynamoCalls().calls());
        } finally {
            // Leave no open role of this era behind, so later runs of other tests at later times do
            // not meet them.
            dueNow.forEach(r -> save(r.withStatus(RoleStatus.WITHDRAWN)));
            save(others.get(0).withStatus(RoleStatus.WITHDRAWN));
        }
    }

    @Test
    void runningTheClosingTwiceMovesTheRoleOnceWithOnePanelEmailEachAndOneAuditEntry() {
        Role role = Samples.role(RoleStatus.OPEN, LocalDate.of(2012, 2, 10));
        save(role);
        choosePanel(role);
        applications.submit(
                Samples.application(role.id(), Samples.unique("applicant")), List.of(), null);
        ClosingRun job = new ClosingRun(only(role), roles, papers, STAFF_SITE);
        Instant first = Instant.parse("2012-03-01T10:00:00Z");

        ClosingRun.Result once = job.run(first);
        ClosingRun.Result twice = job.run(first.plusSeconds(300));

        String panelMessage = "panel-" + role.id() + "-2012-02-10-local-pat";
        String second = "panel-" + role.id() + "-2012-02-10-local-robin";
        assertEquals(
                new ClosingRun.Result(List.of(role.id()), List.of(panelMessage, second), 1), once);
        assertEquals(new ClosingRun.Result(List.of(), List.of(), 0), twice);
        assertEquals(
                1, shortlist.papers(role.id()).size(), "the application's paper, written once");
        assertEquals(
                RoleStatus.SHORTLISTING,
                roles.find(role.id(), Read.CONSISTENT).orElseThrow().status(),
                "the role's JSON says shortlisting");
        Map<String, AttributeValue> item = item(role);
        assertEquals(
                "SHORTLISTING",
                item.get("status").s(),
                "and so does the attribute the index keys on");
        assertEquals("2012-02-11T00:00:00.000000000Z", item.get("closesAt").s());
        OutboxMessage sent = outbox.find(panelMessage).orElseThrow();
        assertEquals(first, sent.dueAt());
        assertEquals("pat@example.org", sent.email().to());
        assertEquals("robin@example.org", outbox.find(second).orElseThrow().email().to());
        assertTrue(
                sent.email().text().contains(STAFF_SITE + "/staff/shortlisting/" + role.id()),
                sent.email().text());
        assertEquals(
                List.of(
                        new AuditEntry(
                                "scheduler:closing-run",
                                "closed the role at its closing time",
                                "role:" + role.id(),
                                first,
                                "OPEN",
                                "SHORTLISTING")),
                audit.trailOf("role:" + role.id()).stream()
                        .filter(e -> e.who().startsWith("scheduler:"))
                        .toList());
        outbox.giveUp(panelMessage, "test over");
        outbox.giveUp(second, "test over");
    }

    private static final RolePanel PANEL =
            new RolePanel(
                    List.of(
                            new PanelMember("local-pat", "Pat Panel", "pat@example.org"),
                            new PanelMember("local-robin", "Robin Panel", "robin@example.org")));

    private void choosePanel(Role role) {
        roles.choose(
                role.id(),
                role.status(),
                RolePanel.none(),
                PANEL,
                new AuditEntry(
                        "staff-1",
                        "chose the shortlisting panel",
                        "role:" + role.id(),
                        Instant.parse("2012-01-01T10:00:00Z"),
                        "no panel",
                        "panel: local-pat local-robin"),
                List.of());
    }

    @Test
    void aRoleClosingWithNoPanelEmailsItsTeamToChooseOne() {
        Role role = Samples.role(RoleStatus.OPEN, LocalDate.of(2012, 2, 20));
        save(role);
        new ClosingRun(only(role), roles, papers, STAFF_SITE)
                .run(Instant.parse("2012-03-01T10:00:00Z"));
        OutboxMessage sent = outbox.find(ReadyForScoring.panelNeededId(role)).orElseThrow();
        assertEquals("team@example.org", sent.email().to());
        assertTrue(
                sent.email().text().contains(STAFF_SITE + "/staff/roles/" + role.id() + "/panel"),
                sent.email().text());
        outbox.giveUp(sent.id(), "test over");
    }

    @Test
    void onTheDayTheClocksGoForwardTheWholeMinuteOf2359BstCountsAndItClosesAt2300Utc() {
        Role role = Samples.role(RoleStatus.OPEN, LocalDate.of(2025, 3, 30));
        save(role);
        assertEquals("2025-03-30T23:00:00.000000000Z", item(role).get("closesAt").s());

        assertFalse(dueIds(Instant.parse("2025-03-30T22:59:30Z")).contains(role.id()));
        assertTrue(dueIds(Instant.parse("2025-03-30T23:00:00Z")).contains(role.id()));

        ClosingRun job = new ClosingRun(only(role), roles, papers, STAFF_SITE);
        assertEquals(List.of(), job.run(Instant.parse("2025-03-30T22:59:30Z")).closed());
        assertEquals(List.of(role.id()), job.run(Instant.parse("2025-03-30T23:00:00Z")).closed());
        assertEquals(
                RoleStatus.SHORTLISTING,
                roles.find(role.id(), Read.CONSISTENT).orElseThrow().status());
        outbox.giveUp(ReadyForScoring.panelNeededId(role), "test over");
    }

    @Test
    void onTheDayTheClocksGoBackARoleClosesAtMidnightGmtNotAnHourEarlier() {
        Role role = Samples.role(RoleStatus.OPEN, LocalDate.of(2025, 10, 26));
        save(role);
        assertEquals("2025-10-27T00:00:00.000000000Z", item(role).get("closesAt").s());

        assertFalse(
                dueIds(Instant.parse("2025-10-26T23:00:00Z")).contains(role.id()),
                "23:00 UTC would be midnight had the clocks not gone back");
        assertFalse(dueIds(Instant.parse("2025-10-26T23:59:30Z")).contains(role.id()));
        assertTrue(dueIds(Instant.parse("2025-10-27T00:00:00Z")).contains(role.id()));

        ClosingRun job = new ClosingRun(only(role), roles, papers, STAFF_SITE);
        assertEquals(List.of(), job.run(Instant.parse("2025-10-26T23:59:30Z")).closed());
        assertEquals(List.of(role.id()), job.run(Instant.parse("2025-10-27T00:00:00Z")).closed());
        assertEquals(
                RoleStatus.SHORTLISTING,
                roles.find(role.id(), Read.CONSISTENT).orElseThrow().status());
        outbox.giveUp(ReadyForScoring.panelNeededId(role), "test over");
    }

    @Test
    void aClosingDateExtendedAfterTheRunReadTheIndexIsNotClosedAndNothingIsWritten() {
        Role asRead = Samples.role(RoleStatus.OPEN, LocalDate.of(2020, 1, 10));
        Role extended = asRead.withClosingDate(LocalDate.of(2020, 1, 20));
        save(extended);
        ClosingRun job = new ClosingRun(stale(asRead), roles, papers, STAFF_SITE);

        assertEquals(
                new ClosingRun.Result(List.of(), List.of(), 0),
                job.run(Instant.parse("2020-01-11T09:00:00Z")));

        assertEquals(Optional.of(extended), roles.find(extended.id(), Read.CONSISTENT));
        assertEquals(Optional.empty(), outbox.find(ReadyForScoring.panelNeededId(asRead)));
        assertEquals(List.of(), audit.trailOf("role:" + asRead.id()));
        save(extended.withStatus(RoleStatus.WITHDRAWN));
    }

    @Test
    void aRoleWithdrawnAfterTheRunReadTheIndexIsLeftWithdrawn() {
        Role asRead = Samples.role(RoleStatus.OPEN, LocalDate.of(2020, 2, 10));
        save(asRead.withStatus(RoleStatus.WITHDRAWN));

        assertEquals(
                List.of(),
                new ClosingRun(stale(asRead), roles, papers, STAFF_SITE)
                        .run(Instant.parse("2020-02-11T09:00:00Z"))
                        .closed());

        assertEquals(
                RoleStatus.WITHDRAWN,
                roles.find(asRead.id(), Read.CONSISTENT).orElseThrow().status());
        assertEquals(List.of(), audit.trailOf("role:" + asRead.id()));
    }

    @Test
    void theMoveIsConditionalOnTheRoleBeingExactlyAsReadSoAnEditInBetweenIsNeverLost() {
        Role role = Samples.role(RoleStatus.OPEN, LocalDate.of(2020, 3, 10));
        save(role);
        Map<String, AttributeValue> read = roles.readConsistently(role.id());
        Role edited =
                new Role(
                        role.id(),
                        "A clearer title",
                        role.programme(),
                        role.organisation(),
                        role.summary(),
                        role.whatTheRoleDoes(),
                        role.whoWeAreLookingFor(),
                        role.places(),
                        role.placesNote(),
                        role.priorityPlaces(),
                        role.priorityCommunities(),
                        role.criteria(),
                        role.closingDate(),
                        role.interviewWeekCommencing(),
                        role.interviewFormat(),
                        role.referencesRequired(),
                        role.acknowledgementDays(),
                        role.commitment(),
                        role.tenure(),
                        role.payment(),
                        role.eligibility(),
                        role.contact(),
                        role.status());
        save(edited);

        assertThrows(
                TransactionCanceledException.class,
                () ->
                        aws.dynamo()
                                .transactWriteItems(
                                        r ->
                                                r.transactItems(
                                                        roles.replaceIfUnchanged(
                                                                role.withStatus(
                                                                        RoleStatus.SHORTLISTING),
                                                                read))));

        assertEquals(Optional.of(edited), roles.find(role.id(), Read.CONSISTENT));
        save(edited.withStatus(RoleStatus.WITHDRAWN));
    }

    @Test
    void aPanelEmailAlreadyWrittenForTheSameClosingDoesNotStopTheRoleMovingNorTheOthersBeingSent() {
        Role role = Samples.role(RoleStatus.OPEN, LocalDate.of(2020, 4, 10));
        save(role);
        choosePanel(role);
        Instant at = Instant.parse("2020-04-11T09:00:00Z");
        OutboxMessage earlier =
                new OutboxMessage(
                        "panel-" + role.id() + "-2020-04-10-local-pat",
                        new Email(
                                "pat@example.org",
                                "Ready for scoring",
                                "<p>Earlier</p>",
                                "Earlier"),
                        at.minusSeconds(86_400),
                        at.minusSeconds(86_400),
                        0,
                        "panel-closing");
        assertTrue(outbox.addOnce(earlier));

        assertEquals(
                List.of(role.id()),
                new ClosingRun(only(role), roles, papers, STAFF_SITE).run(at).closed());

        assertEquals(
                RoleStatus.SHORTLISTING,
                roles.find(role.id(), Read.CONSISTENT).orElseThrow().status());
        assertEquals(Optional.of(earlier), outbox.find(earlier.id()), "Pat is not told twice");
        String robin = "panel-" + role.id() + "-2020-04-10-local-robin";
        assertEquals("robin@example.org", outbox.find(robin).orElseThrow().email().to());
        assertEquals(2, audit.trailOf("role:" + role.id()).size(), "the panel chosen, and closing");
        outbox.giveUp(earlier.id(), "test over");
        outbox.giveUp(robin, "test over");
    }

    private List<String> dueIds(Instant now) {
        return roles.openAndDueBy(now).stream().map(Role::id).toList();
    }

    /** The adapter as the job sees it, narrowed to one role: other tests' roles due at the same time are not touched. */
    private RolesForClosing only(Role role) {
        return new RolesForClosing() {
            @Override
            public List<Role> openAndDueBy(Instant now) {
                return roles.openAndDueBy(now).stream()
                        .filter(r -> r.id().equals(role.id()))
                        .toList();
            }

            @Override
            public boolean moveToShortlisting(Roles.Closing closing) {
                return roles.moveToShortlisting(closing);
            }
        };
    }

    /** An index that still lists the role as it was when read, standing for the lag of a global secondary index. */
    private RolesForClosing stale(Role asRead) {
        return new RolesForClosing() {
            @Override
            public List<Role> openAndDueBy(Instant now) {
                return List.of(asRead);
            }

            @Override
            public boolean moveToShortlisting(Roles.Closing closing) {
                return roles.moveToShortlisting(closing);
            }
        };
    }

    private Map<String, AttributeValue> item(Role role) {
        return aws.dynamo()
                .getItem(
                        r ->
                                r.tableName(aws.table("RolesTable"))
                                        .key(Items.key("roleId", role.id()))
                                        .consistentRead(true))
                .item();
    }

    private void save(Role role) {
        Samples.putRole(aws, role);
    }
}

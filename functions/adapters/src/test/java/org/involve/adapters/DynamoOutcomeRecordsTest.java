package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Read;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.outcomes.OutcomeLetters;
import org.involve.core.outcomes.OutcomeReminder;
import org.involve.core.outcomes.Outcomes;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.involve.core.staff.Group;
import org.involve.core.staff.StaffMember;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Outcomes recorded once, closed roles found by the status index, and the weekly reminder, on DynamoDB Local. */
@ExtendWith(AwsEnvironmentExtension.class)
class DynamoOutcomeRecordsTest {
    private static final StaffMember STAFF =
            new StaffMember("staff-1", "Sam Staff", "sam@example.org", Set.of(Group.STAFF));
    private final AwsEnvironment aws;
    private final DynamoOutbox outbox;
    private final DynamoAuditTrail audit;
    private final DynamoApplicationStore store;
    private final DynamoApplications round;
    private final DynamoApplications records;
    private final DynamoRoles roles;
    private final DynamoRoles closed;

    DynamoOutcomeRecordsTest(AwsEnvironment aws) {
        this.aws = aws;
        this.outbox = Samples.outbox(aws);
        this.audit = new DynamoAuditTrail(aws.dynamo(), aws.table("AuditTable"));
        this.store =
                new DynamoApplicationStore(
                        aws.dynamo(),
                        aws.table("ApplicationsTable"),
                        outbox,
                        new DynamoDraftStore(aws.dynamo(), aws.table("DraftsTable")));
        this.round =
                new DynamoApplications(
                        aws.dynamo(),
                        aws.table("ApplicationsTable"),
                        outbox,
                        audit,
                        new DynamoDraftStore(aws.dynamo(), aws.table("DraftsTable")));
        this.records = round;
        this.roles = Samples.roles(aws);
        this.closed = Samples.roles(aws);
    }

    private Role role(RoleStatus status, LocalDate closes) {
        Role r = Samples.role(status, closes);
        assertTrue(
                roles.create(
                        r,
                        new AuditEntry(
                                "staff-1",
                                "role created",
                                "role:" + r.id(),
                                Samples.NOW,
                                null,
                                status.name())));
        return r;
    }

    private Application at(String roleId, Application.Status status) {
        return at(roleId, status, Samples.application(roleId, Samples.unique("person")));
    }

    private Application at(String roleId, Application.Status status, Application sample) {
        Application submitted = store.submit(sample, List.of(), null).application();
        if (status != submitted.status()) {
            assertTrue(
                    round.advance(
                            submitted,
                            status,
                            Map.of(),
                            new AuditEntry(
                                    "staff-1",
                                    "moved",
                                    "application:" + submitted.reference(),
                                    Samples.NOW,
                                    submitted.status().name(),
                                    status.name()),
                            List.of()));
        }
        return round.find(roleId, submitted.applicantKey(), Read.CONSISTENT).orElseThrow();
    }

    private static AuditEntry entry(Application a) {
        return new AuditEntry(
                "staff-1",
                "sent the unsuccessful outcome",
                "application:" + a.reference(),
                Samples.NOW,
                a.status().name(),
                "outcome unsuccessful");
    }

    @Test
    void aFactIsRecordedOnceWithItsAuditEntryAndMessage() {
        Application a =
                at(
                        role(RoleStatus.SHORTLISTING, LocalDate.of(2025, 1, 20)).id(),
                        Application.Status.NOT_SHORTLISTED);
        OutboxMessage m =
                new OutboxMessage(
                        "outcome-" + a.reference(),
                        Samples.email("alex@example.org"),
                        Samples.NOW,
                        Samples.NOW,
                        0,
                        "outcome-unsuccessful");

        assertTrue(
                records.recordOnce(
                        a,
                        "outcome",
                        Map.of("outcome", "unsuccessful", "outcome.by", "email"),
                        entry(a),
                        List.of(m)));
        assertFalse(
                records.recordOnce(
                        a,
                        "outcome",
                        Map.of("outcome", "unsuccessful", "outcome.by", "email"),
                        entry(a),
                        List.of(m)),
                "a stale copy, sent again");

        Application now = round.find(a.roleId(), a.applicantKey(), Read.CONSISTENT).orElseThrow();
        assertEquals(Application.Status.NOT_SHORTLISTED, now.status());
        assertEquals(Map.of("outcome", "unsuccessful", "outcome.by", "email"), now.progress());
        assertEquals(
                2,
                audit.trailOf("application:" + a.reference()).size(),
                "moved, then the outcome: once");
        assertTrue(outbox.find(m.id()).isPresent());
    }

    @Test
    void sendingARolesOutcomesTwiceSendsOnceAndTheRoleIsFilledWhenEveryoneHasOne() {
        Role r = role(RoleStatus.SHORTLISTING, LocalDate.of(2025, 1, 20));
        Application a = at(r.id(), Application.Status.NOT_SHORTLISTED),
                b = at(r.id(), Application.Status.NOT_APPOINTED);
        Outcomes outcomes =
                new Outcomes(
                        roles,
                        round,
                        round,
                        records,
                        new OutcomeLetters("https://staff.example.org"),
                        Clock.fixed(Samples.NOW, ZoneOffset.UTC));

        assertEquals(
                2,
                outcomes.sendUnsuccessful(
                                STAFF, r.id(), outcomes.forRole(STAFF, r.id()).toSendVersion())
                        .emails());
        assertEquals(
                0,
                outcomes.sendUnsuccessful(
                                STAFF, r.id(), outcomes.forRole(STAFF, r.id()).toSendVersion())
                        .emails());

        assertTrue(outbox.find("outcome-" + a.reference()).isPresent());
        assertTrue(outbox.find("outcome-" + b.reference()).isPresent());
        assertEquals(RoleStatus.FILLED, roles.find(r.id(), Read.CONSISTENT).orElseThrow().status());
        assertEquals(
                List.of("FILLED"),
                audit.trailOf("role:" + r.id()).stream().skip(1).map(AuditEntry::toState).toList());
    }

    /** 300 open roles still taking applications are never read: the OPEN query evaluates only roles already closed. */
    @Test
    void closedRolesComeFromTheStatusIndexWithoutReadingRolesStillOpen() {
        Instant now = Instant.parse("2030-06-01T12:00:00Z");
        Role pastClosing = role(RoleStatus.OPEN, LocalDate.of(2030, 5, 31)),
                shortlisting = role(RoleStatus.SHORTLISTING, LocalDate.of(2030, 5, 1)),
                filled = role(RoleStatus.FILLED, LocalDate.of(2030, 4, 1)),
                draft = role(RoleStatus.DRAFT, LocalDate.of(2030, 4, 1)),
                withdrawn = role(RoleStatus.WITHDRAWN, LocalDate.of(2030, 4, 1)),
                closesTonight = role(RoleStatus.OPEN, LocalDate.of(2030, 6, 1));
        List<String> open = new ArrayList<>();
        for (int i = 0; i < 300; i++)
            open.add(role(RoleStatus.OPEN, LocalDate.of(2031, 1, 1).plusDays(i)).id());
        aws.dynamoCalls().clear();

        List<String> found = closed.closedBy(now).stream().map(Role::id).toList();

        assertTrue(found.containsAll(List.of(pastClosing.id(), shortlisting.id(), filled.id())));
        for (String notClosed : List.of(draft.id(), withdrawn.id(), closesTonight.id()))
            assertFalse(found.contains(notClosed), notClosed);
        assertTrue(open.stream().noneMatch(found::contains));
        List<RecordedCalls.Call> calls = aws.dynamoCalls().calls();
        assertTrue(
                calls.stream()
                        .allMatch(
                                c ->
                                        c.operation().equals("Query")
                                                && "ByStatusAndClosingTime".equals(c.index())),
                calls.toString());
        assertTrue(
                calls.get(0).scannedCount() < 300,
                "the OPEN query evaluated only roles closed by now: " + calls.get(0));
    }

    @Test
    void theWeeklyReminderGoesOncePerRolePerWeek() {
        Role r = role(RoleStatus.SHORTLISTING, LocalDate.of(2025, 1, 20));
        Application s = Samples.application(r.id(), Samples.unique("person"));
        at(
                r.id(),
                Application.Status.INTERVIEW_BOOKED,
                new Application(
                        s.reference(),
                        r.id(),
                        s.applicantKey(),
                        s.status(),
                        s.answers(),
                        Instant.parse("2025-01-10T10:00:00Z"), // before the run
                        s.contactMethod(),
                        s.acknowledgement(),
                        "applicant"));
        OutcomeReminder job =
                new OutcomeReminder(
                        closed, round, outbox, new OutcomeLetters("https://staff.example.org"));
        Instant monday = Instant.parse("2025-03-31T08:00:00Z");

        List<String> first = job.run(monday).messageIds();
        List<String> again = job.run(monday.plusSeconds(60)).messageIds();

        String id = "outcomes-due-" + r.id() + "-2025-W14";
        assertTrue(first.contains(id));
        assertFalse(again.contains(id));
        assertEquals(
                "1 applicant still waiting for an outcome: Lived experience partner",
                outbox.find(id).orElseThrow().email().subject());
    }
}

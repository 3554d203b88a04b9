package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Read;
import org.involve.core.outcomes.OutcomeLetters;
import org.involve.core.outcomes.OutcomeReminder;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;
import org.involve.core.role.RoleStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The awaiting-outcome index against DynamoDB Local: an application enters it when stored and leaves it with the step
 * that tells the applicant (an outcome e-mailed or given by staff, a withdrawal, not attending), and it is read one
 * role at a time; so the outcome reminder and the outcomes page read the same items however many applications have
 * heard or are still arriving in open rounds. Tests share one emulator, so each keeps to roles of its own and takes
 * its applications out of the index after.
 */
@ExtendWith(AwsEnvironmentExtension.class)
class DynamoAwaitingOutcomesTest {
    private static final Instant BY = Instant.parse("2012-06-30T12:00:00Z");
    private final AwsEnvironment aws;
    private final DynamoApplications applications;
    private final List<Application> made = new ArrayList<>();
    private final List<String> madeRoles = new ArrayList<>();

    DynamoAwaitingOutcomesTest(AwsEnvironment aws) {
        this.aws = aws;
        DynamoOutbox outbox = Samples.outbox(aws);
        this.applications =
                new DynamoApplications(
                        aws.dynamo(),
                        aws.table("ApplicationsTable"),
                        outbox,
                        new DynamoAuditTrail(aws.dynamo(), aws.table("AuditTable")),
                        new DynamoDraftStore(aws.dynamo(), aws.table("DraftsTable")));
    }

    @AfterEach
    void leaveTheIndexAsFound() {
        for (String roleId : madeRoles)
            aws.dynamo()
                    .deleteItem(
                            r ->
                                    r.tableName(aws.table("RolesTable"))
                                            .key(
                                                    Map.of(
                                                            DynamoRoles.ROLE_ID,
                                                            AttributeValue.fromS(roleId))));
        for (Application a : made)
            aws.dynamo()
                    .updateItem(
                            r ->
                                    r.tableName(aws.table("ApplicationsTable"))
                                            .key(
                                                    DynamoApplicationStore.key(
                                                            a.roleId(), a.applicantKey()))
                                            .updateExpression(
                                                    "REMOVE "
                                                            + DynamoApplicationStore
                                                                    .OUTCOME_AWAITED));
    }

    @Test
    void theStepThatTellsTheApplicantTakesTheApplicationOutAndNoOtherDoes() {
        String role = Samples.unique("role");
        Application emailed = submitted(role, BY.minus(Duration.ofDays(5))),
                toldByStaff = submitted(role, BY.minus(Duration.ofDays(4))),
                taskOpen = submitted(role, BY.minus(Duration.ofDays(3))),
                withdrew = submitted(role, BY.minus(Duration.ofDays(2))),
                interviewed = submitted(role, BY.minus(Duration.ofDays(1))),
                otherRole = submitted(Samples.unique("role"), BY.minus(Duration.ofDays(1)));
        assertEquals("AWAITED", item(emailed).get("outcomeAwaited").s(), "stored awaiting");

        step(emailed, Application.Status.NOT_SHORTLISTED, Map.of());
        step(
                current(emailed),
                Application.Status.NOT_SHORTLISTED,
                Map.of(
                        "outcome",
                        "unsuccessful",
                        "outcome.by",
                        "email",
                        "outcome.sentAt",
                        BY.toString()));
        step(
                toldByStaff,
                Application.Status.NOT_SHORTLISTED,
                Map.of("outcome", "unsuccessful", "outcome.by", "staff"));
        step(
                current(toldByStaff),
                Application.Status.NOT_SHORTLISTED,
                Map.of("outcome.sentAt", BY.toString(), "outcome.taskDoneBy", "staff-1"));
        step(
                taskOpen,
                Application.Status.NOT_SHORTLISTED,
                Map.of("outcome", "unsuccessful", "outcome.by", "staff"));
        step(withdrew, Application.Status.WITHDRAWN, Map.of());
        step(interviewed, Application.Status.INVITED_TO_INTERVIEW, Map.of());
        aws.dynamoCalls().clear();

        List<Application> found = applications.awaitingOutcome(role);

        assertEquals(
                Set.of(taskOpen.reference(), interviewed.reference()),
                found.stream().map(Application::reference).collect(Collectors.toSet()),
                "those of the role not told yet");
        assertEquals(2, found.size());
        assertEquals(
                List.of(
                        new RecordedCalls.Call(
                                "Query", DynamoApplicationStore.AWAITING_OUTCOME_BY_ROLE, 2)),
                aws.dynamoCalls().calls());
        assertFalse(item(withdrew).containsKey("outcomeAwaited"));
        assertTrue(item(otherRole).containsKey("outcomeAwaited"));
    }

    /**
     * The job's and the page's read of a role is flat: 10 awaiting cost 10 items, next to 20 or 220 applications of
     * the role that heard, and 25 or 250 awaiting in another role's round.
     */
    @Test
    void readsTheSameItemsAtManyRecordsAsAtFew() {
        String role = Samples.unique("role"), open = Samples.unique("role");
        List<String> awaiting = new ArrayList<>();
        for (int i = 0; i < 10; i++)
            awaiting.add(submitted(role, BY.minus(Duration.ofHours(i + 1))).reference());
        heard(role, 20);
        for (int i = 0; i < 25; i++) submitted(open, BY.minusSeconds(i));
        aws.dynamoCalls().clear();
        List<Application> atFew = applications.awaitingOutcome(role);
        List<RecordedCalls.Call> fewCalls = aws.dynamoCalls().calls();

        heard(role, 200);
        for (int i = 0; i < 225; i++) submitted(open, BY.minusSeconds(100 + i));
        aws.dynamoCalls().clear();
        List<Application> atMany = applications.awaitingOutcome(role);
        List<RecordedCalls.Call> manyCalls = aws.dynamoCalls().calls();

        assertEquals(
                Set.copyOf(awaiting),
                atFew.stream().map(Application::reference).collect(Collectors.toSet()));
        assertEquals(10, atFew.size());
        assertEquals(Set.copyOf(atFew), Set.copyOf(atMany));
        assertEquals(
                List.of(
                        new RecordedCalls.Call(
                                "Query", DynamoApplicationStore.AWAITING_OUTCOME_BY_ROLE, 10)),
                fewCalls);
        assertEquals(fewCalls, manyCalls, "the same one query, evaluating the same 10 items");
    }

    /**
     * The outcome reminder on the real tables: a role whose round has closed with 3 applicants still to hear (and 4 who
     * heard), next to an open role with 25 applications awaiting its closing. Only the 3 are read: the roles come from
     * their status index and the open role's applications are never asked for.
     */
    @Test
    void theReminderReadsOnlyTheApplicationsThatOweAnOutcome() {
        Instant now = Instant.parse("2012-07-02T08:00:00Z");
        Role closed = Samples.role(RoleStatus.SHORTLISTING, LocalDate.of(2012, 6, 20)),
                open = Samples.role(RoleStatus.OPEN, LocalDate.of(2012, 7, 31));
        Samples.putRole(aws, closed);
        Samples.putRole(aws, open);
        madeRoles.add(closed.id());
        madeRoles.add(open.id());
        for (int i = 0; i < 3; i++) submitted(closed.id(), BY.minus(Duration.ofDays(20 + i)));
        heard(closed.id(), 4);
        for (int i = 0; i < 25; i++) submitted(open.id(), BY.minusSeconds(i));
        DynamoRoles roles = Samples.roles(aws);
        OutcomeReminder job =
                new OutcomeReminder(
                        onlyThese(roles, Set.of(closed.id(), open.id())),
                        applications,
                        Samples.outbox(aws),
                        new OutcomeLetters("https://staff.example.org"));
        aws.dynamoCalls().clear();

        OutcomeReminder.Result result = job.run(now);

        assertEquals(Map.of(closed.id(), 3), result.waiting());
        List<RecordedCalls.Call> applicationReads =
                aws.dynamoCalls().calls().stream()
                        .filter(c -> !"ByStatusAndClosingTime".equals(c.index()))
                        .filter(c -> !c.operation().equals("PutItem")) // the team's e-mail
                        .toList();
        assertEquals(
                List.of(
                        new RecordedCalls.Call(
                                "Query", DynamoApplicationStore.AWAITING_OUTCOME_BY_ROLE, 3)),
                applicationReads,
                "3 items read for the 3 owed, none of the 25 in the open round");
    }

    /** The roles adapter's lists (the real queries), kept to this test's roles: other tests share the table. */
    private static RoleReader onlyThese(DynamoRoles roles, Set<String> ids) {
        return new RoleReader() {
            @Override
            public Optional<Role> find(String roleId, Read read) {
                return roles.find(roleId, read);
            }

            @Override
            public List<Role> published() {
                return mine(roles.published());
            }

            @Override
            public List<Role> beingShortlisted() {
                return mine(roles.beingShortlisted());
            }

            @Override
            public List<Role> closedBy(Instant now) {
                return mine(roles.closedBy(now));
            }

            @Override
            public List<Role> withdrawn() {
                return mine(roles.withdrawn());
            }

            @Override
            public List<Role> all() {
                return mine(roles.all());
            }

            private List<Role> mine(List<Role> list) {
                return list.stream().filter(r -> ids.contains(r.id())).toList();
            }
        };
    }

    private void heard(String roleId, int n) {
        for (int i = 0; i < n; i++) {
            Application a = submitted(roleId, BY.minus(Duration.ofDays(30)).minusSeconds(i));
            step(a, Application.Status.WITHDRAWN, Map.of());
        }
    }

    private Application submitted(String roleId, Instant at) {
        Application s = Samples.application(roleId, Samples.unique("applicant"));
        Application a =
                new Application(
                        s.reference(),
                        s.roleId(),
                        s.applicantKey(),
                        s.status(),
                        s.answers(),
                        at,
                        "email",
                        Application.Acknowledgement.EMAIL_QUEUED,
                        "applicant");
        Application stored = applications.submit(a, List.of(), null).application();
        made.add(stored);
        return stored;
    }

    private Application current(Application a) {
        return applications
                .find(a.roleId(), a.applicantKey(), org.involve.core.kit.Read.CONSISTENT)
                .orElseThrow();
    }

    private void step(Application a, Application.Status to, Map<String, String> facts) {
        assertTrue(
                applications.advance(
                        a,
                        to,
                        facts,
                        new AuditEntry(
                                "staff-1",
                                "moved",
                                "application:" + a.reference(),
                                BY,
                                a.status().name(),
                                to.name()),
                        List.of()));
    }

    private Map<String, AttributeValue> item(Application a) {
        return aws.dynamo()
                .getItem(
                        r ->
                                r.tableName(aws.table("ApplicationsTable"))
                                        .key(
                                                DynamoApplicationStore.key(
                                                        a.roleId(), a.applicantKey()))
                                        .consistentRead(true))
                .item();
    }
}

package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The awaiting-outcome index against DynamoDB Local: an application enters it when stored and leaves it with the step
 * that tells the applicant (an outcome e-mailed or given by staff, a withdrawal, not attending); so the outcome
 * reminder and the outcomes page read the same items however many applications have heard. Tests share one emulator,
 * so these keep to submission times in 2012 (others use 2014, 2015 and now) and take theirs out of the index after.
 */
@ExtendWith(AwsEnvironmentExtension.class)
class DynamoAwaitingOutcomesTest {
    private static final Instant BY = Instant.parse("2012-06-30T12:00:00Z");
    private final AwsEnvironment aws;
    private final DynamoApplications applications;
    private final List<Application> made = new ArrayList<>();

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
        Application emailed = submitted(BY.minus(Duration.ofDays(5))),
                toldByStaff = submitted(BY.minus(Duration.ofDays(4))),
                taskOpen = submitted(BY.minus(Duration.ofDays(3))),
                withdrew = submitted(BY.minus(Duration.ofDays(2))),
                interviewed = submitted(BY.minus(Duration.ofDays(1))),
                later = submitted(BY.plusSeconds(1));
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

        List<Application> found = applications.awaitingOutcome(BY);

        assertEquals(
                List.of(taskOpen.reference(), interviewed.reference()),
                found.stream().map(Application::reference).toList(),
                "those not told yet, submitted by then, oldest first");
        assertEquals(
                List.of(
                        new RecordedCalls.Call(
                                "Query",
                                DynamoApplicationStore.AWAITING_OUTCOME_BY_SUBMITTED_TIME,
                                2)),
                aws.dynamoCalls().calls());
        assertFalse(item(withdrew).containsKey("outcomeAwaited"));
        assertTrue(item(later).containsKey("outcomeAwaited"));
    }

    /** The job's and the page's read is flat: 10 awaiting cost 10 items, next to 20 or 220 applications that heard. */
    @Test
    void readsTheSameItemsAtManyRecordsAsAtFew() {
        List<String> awaiting = new ArrayList<>();
        for (int i = 0; i < 10; i++)
            awaiting.add(submitted(BY.minus(Duration.ofHours(i + 1))).reference());
        heard(20);
        aws.dynamoCalls().clear();
        List<Application> atFew = applications.awaitingOutcome(BY);
        List<RecordedCalls.Call> fewCalls = aws.dynamoCalls().calls();

        heard(200);
        aws.dynamoCalls().clear();
        List<Application> atMany = applications.awaitingOutcome(BY);
        List<RecordedCalls.Call> manyCalls = aws.dynamoCalls().calls();

        assertTrue(atFew.stream().map(Application::reference).toList().containsAll(awaiting));
        assertEquals(10, atFew.size());
        assertEquals(atFew, atMany);
        assertEquals(
                List.of(
                        new RecordedCalls.Call(
                                "Query",
                                DynamoApplicationStore.AWAITING_OUTCOME_BY_SUBMITTED_TIME,
                                10)),
                fewCalls);
        assertEquals(fewCalls, manyCalls, "the same one query, evaluating the same 10 items");
    }

    private void heard(int n) {
        for (int i = 0; i < n; i++) {
            Application a = submitted(BY.minus(Duration.ofDays(30)).minusSeconds(i));
            step(a, Application.Status.WITHDRAWN, Map.of());
        }
    }

    private Application submitted(Instant at) {
        Application s = Samples.application(Samples.unique("role"), Samples.unique("applicant"));
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

package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.adapters.internal.Items;
import org.involve.core.application.AcknowledgementLetters;
import org.involve.core.application.AcknowledgementPromiseCheck;
import org.involve.core.application.Application;
import org.involve.core.kit.Read;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The acknowledgement-promise job's index against DynamoDB Local: applications enter it when stored and leave it
 * when acknowledged (their e-mail sent, or staff recording it). Tests share one emulator, so those that query keep to
 * submission times of their own (2014 and 2015; other tests' applications are submitted now) and tidy up after.
 */
@ExtendWith(AwsEnvironmentExtension.class)
class DynamoOutstandingAcknowledgementsTest {
    private static final Duration LEASE = Duration.ofMinutes(2);
    private final AwsEnvironment aws;
    private final DynamoOutbox outbox;
    private final DynamoOutbox mailersOutbox;
    private final DynamoApplicationStore applications;
    private final DynamoOutstandingAcknowledgements outstanding;
    private final List<String> warnings = new ArrayList<>();

    DynamoOutstandingAcknowledgementsTest(AwsEnvironment aws) {
        this.aws = aws;
        this.outbox = Samples.outbox(aws);
        this.mailersOutbox =
                new DynamoOutbox(
                        aws.dynamo(),
                        aws.table("OutboxTable"),
                        aws.table("ApplicationsTable"),
                        messageId -> {},
                        warnings::add);
        this.applications =
                new DynamoApplicationStore(
                        aws.dynamo(),
                        aws.table("ApplicationsTable"),
                        outbox,
                        new DynamoDraftStore(aws.dynamo(), aws.table("DraftsTable")));
        this.outstanding =
                new DynamoOutstandingAcknowledgements(aws.dynamo(), aws.table("ApplicationsTable"));
    }

    @Test
    void onlyApplicationsStillUnacknowledgedAreFoundOldestFirstWithOneQueryOnTheIndex() {
        Instant by = Instant.parse("2014-05-10T12:00:00Z");
        Application byPhone = submitted("role-a", by.minus(Duration.ofDays(3)), false);
        Application emailNotYetSent = submitted("role-a", by.minus(Duration.ofDays(1)), true);
        Application byPost = submitted("role-b", by.minus(Duration.ofDays(6)), false);
        Application emailSent = submitted("role-a", by.minus(Duration.ofDays(2)), true);
        Application phonedBack = submitted("role-b", by.minus(Duration.ofDays(4)), false);
        Application tooRecent = submitted("role-a", by.plusSeconds(1), false);
        send(ackOf(emailSent), by.minus(Duration.ofDays(2)));
        outstanding.acknowledged(
                phonedBack.roleId(), phonedBack.applicantKey(), by.minus(Duration.ofDays(3)));
        try {
            aws.dynamoCalls().clear();

            List<Application> found = outstanding.submittedBy(by);

            assertEquals(List.of(byPost, byPhone, emailNotYetSent), found);
            assertEquals(
                    List.of(
                            new RecordedCalls.Call(
                                    "Query",
                                    DynamoApplicationStore.UNACKNOWLEDGED_BY_SUBMITTED_TIME,
                                    3)),
                    aws.dynamoCalls().calls());
        } finally {
            for (Application a : List.of(byPhone, emailNotYetSent, byPost, tooRecent))
                outstanding.acknowledged(a.roleId(), a.applicantKey(), by);
        }
    }

    @Test
    void sendingTheAcknowledgementEmailMarksTheApplicationAcknowledged() {
        Application app = submitted("role-a", Samples.NOW, true);
        assertEquals("OUTSTANDING", item(app).get("ackOutstanding").s());
        assertEquals(
                Map.of(
                        "roleId",
                        AttributeValue.fromS(app.roleId()),
                        "applicantKey",
                        AttributeValue.fromS(app.applicantKey())),
                outboxItem(ackOf(app)).get("acknowledges").m(),
                "the e-mail knows which application it acknowledges");

        Instant sentAt = Samples.NOW.plusSeconds(5);
        send(ackOf(app), sentAt);

        Map<String, AttributeValue> item = item(app);
        assertFalse(item.containsKey("ackOutstanding"), "it leaves the unacknowledged index");
        assertEquals(sentAt, Items.time(item, "acknowledgedAt"));
        assertEquals(
                Optional.of(app),
                applications.find(app.roleId(), app.applicantKey(), Read.CONSISTENT));
        assertEquals(List.of(), warnings);
    }

    @Test
    void aStaffTaskBeingSentDoesNotAcknowledgeTheApplication() {
        Application app = submitted("role-a", Samples.NOW, false);
        send("ack-task-" + app.reference(), Samples.NOW.plusSeconds(5));
        assertEquals("OUTSTANDING", item(app).get("ackOutstanding").s());
        outstanding.acknowledged(app.roleId(), app.applicantKey(), Samples.NOW.plusSeconds(60));
        assertFalse(item(app).containsKey("ackOutstanding"));
    }

    @Test
    void anAcknowledgementEmailThatCannotBeDeliveredLeavesTheApplicationUnacknowledged() {
        Application app = submitted("role-a", Samples.NOW, true);
        mailersOutbox.claim(ackOf(app), Samples.NOW, Samples.NOW.plus(LEASE));
        mailersOutbox.giveUp(ackOf(app), "MessageRejected");
        assertEquals("OUTSTANDING", item(app).get("ackOutstanding").s());
    }

    @Test
    void anApplicationErasedBeforeItsEmailWentIsNotRecreated() {
        Application app = submitted("role-a", Samples.NOW, true);
        aws.dynamo()
                .deleteItem(
                        r ->
                                r.tableName(aws.table("ApplicationsTable"))
                                        .key(
                                                DynamoApplicationStore.key(
                                                        app.roleId(), app.applicantKey())));

        send(ackOf(app), Samples.NOW.plusSeconds(5));

        assertTrue(
                aws.dynamo()
                        .getItem(
                                r ->
                                        r.tableName(aws.table("ApplicationsTable"))
                                                .key(
                                                        DynamoApplicationStore.key(
                                                                app.roleId(), app.applicantKey()))
                                                .consistentRead(true))
                        .item()
                        .isEmpty());
        assertEquals("SENT", outboxItem(ackOf(app)).get("status").s());
        assertEquals(List.of(), warnings);
    }

    @Test
    void aFailureToMarkTheApplicationNeverStopsTheEmailBeingRecordedAsSent() {
        Application app = submitted("role-a", Samples.NOW, true);
        DynamoOutbox wrongTable =
                new DynamoOutbox(
                        aws.dynamo(),
                        aws.table("OutboxTable"),
                        "NoSuchTable",
                        messageId -> {},
                        warnings::add);
        wrongTable.claim(ackOf(app), Samples.NOW, Samples.NOW.plus(LEASE));

        wrongTable.markSent(ackOf(app), Samples.NOW.plusSeconds(5));

        assertEquals("SENT", outboxItem(ackOf(app)).get("status").s());
        assertEquals(1, warnings.size());
        assertTrue(
                warnings.get(0).startsWith("Acknowledgement " + ackOf(app) + " was sent but"),
                warnings.get(0));
        assertFalse(warnings.get(0).contains("example.org"), "no personal data in what is logged");
    }

    /** The whole job against DynamoDB: one alert for an application near its promise, however many runs. */
    @Test
    void thePromiseCheckAlertsStaffOnceThroughTheOutbox() {
        Role role =
                Samples.role(
                        RoleStatus.SHORTLISTING,
                        LocalDate.of(2015, 3, 31)); // promises acknowledgement within 5 days
        Samples.putRole(aws, role);
        Application app = submitted(role.id(), Instant.parse("2015-03-02T10:00:00Z"), false);
        AcknowledgementPromiseCheck check =
                new AcknowledgementPromiseCheck(
                        outstanding,
                        Samples.roles(aws),
                        outbox,
                        "https://staff.example.org",
                        Period.ofDays(1));
        String alertId = AcknowledgementPromiseCheck.alertId(app);
        try {
            assertEquals(List.of(), check.run(Instant.parse("2015-03-06T09:59:59Z")).messageIds());
            assertEquals(
                    List.of(alertId),
                    check.run(Instant.parse("2015-03-06T10:00:00Z")).messageIds());
            assertEquals(List.of(), check.run(Instant.parse("2015-03-06T11:00:00Z")).messageIds());
            assertEquals(List.of(), check.run(Instant.parse("2015-03-07T09:00:00Z")).messageIds());

            OutboxMessage alert = outbox.find(alertId).orElseThrow();
            assertEquals("team@example.org", alert.email().to());
            assertEquals(
                    "Acknowledge application " + app.reference() + " by 7 March 2015 at 10:00am",
                    alert.email().subject());
            assertEquals(
                    Instant.parse("2015-03-06T10:00:00Z"),
                    alert.dueAt(),
                    "written by the first run, not rewritten by later ones");
            assertFalse(
                    alert.email().text().contains("Alex Example"),
                    "staff are given the reference, not the name");
        } finally {
            outstanding.acknowledged(
                    app.roleId(), app.applicantKey(), Instant.parse("2015-03-06T12:00:00Z"));
            outbox.giveUp(alertId, "test over");
        }
    }

    @Test
    void addOnceWritesAMessageOnlyOnce() {
        OutboxMessage m = Samples.message(Samples.NOW);
        OutboxMessage sameId =
                new OutboxMessage(
                        m.id(),
                        Samples.email("someone-else@example.org"),
                        Samples.NOW,
                        Samples.NOW,
                        0,
                        "other");
        assertTrue(outbox.addOnce(m));
        assertFalse(outbox.addOnce(sameId));
        assertEquals(Optional.of(m), outbox.find(m.id()));
        outbox.giveUp(m.id(), "test over");
    }

    /** Stored as the public site stores it: with its acknowledgement e-mail, or with a task for staff to acknowledge it. */
    private Application submitted(String roleId, Instant at, boolean byEmail) {
        Application sample = Samples.application(roleId, Samples.unique("applicant"));
        Application app =
                byEmail
                        ? new Application(
                                sample.reference(),
                                roleId,
                                sample.applicantKey(),
                                sample.status(),
                                sample.answers(),
                                at,
                                "email",
                                Application.Acknowledgement.EMAIL_QUEUED,
                                "applicant")
                        : new Application(
                                sample.reference(),
                                roleId,
                                sample.applicantKey(),
                                sample.status(),
                                Map.of(
                                        "fullName",
                                        "Alex Example",
                                        "phone",
                                        "01632 960 123",
                                        "contactMethod",
                                        "telephone"),
                                at,
                                "telephone",
                                Application.Acknowledgement.STAFF_TO_CONTACT,
                                "staff-1");
        OutboxMessage message =
                byEmail
                        ? new OutboxMessage(
                                ackOf(app),
                                Samples.email("alex@example.org"),
                                at,
                                at,
                                0,
                                AcknowledgementLetters.ACKNOWLEDGEMENT)
                        : new OutboxMessage(
                                "ack-task-" + app.reference(),
                                Samples.email("team@example.org"),
                                at,
                                at,
                                0,
                                "acknowledgement-task");
        assertTrue(applications.submit(app, List.of(message), null).created());
        return app;
    }

    private static String ackOf(Application app) {
        return "ack-" + app.reference();
    }

    /** As the mailer does: claim, (send,) mark sent. */
    private void send(String messageId, Instant at) {
        assertTrue(mailersOutbox.claim(messageId, at, at.plus(LEASE)));
        mailersOutbox.markSent(messageId, at);
    }

    private Map<String, AttributeValue> item(Application app) {
        return aws.dynamo()
                .getItem(
                        r ->
                                r.tableName(aws.table("ApplicationsTable"))
                                        .key(
                                                DynamoApplicationStore.key(
                                                        app.roleId(), app.applicantKey()))
                                        .consistentRead(true))
                .item();
    }

    private Map<String, AttributeValue> outboxItem(String messageId) {
        return aws.dynamo()
                .getItem(
                        r ->
                                r.tableName(aws.table("OutboxTable"))
                                        .key(Items.key("messageId", messageId))
                                        .consistentRead(true))
                .item();
    }
}

package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.involve.core.application.AcknowledgementLetters;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationStore;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Read;
import org.involve.core.outbox.OutboxMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Staff entries and acknowledgements against DynamoDB Local: each lands with its audit entry, once. */
@ExtendWith(AwsEnvironmentExtension.class)
class DynamoApplicationRecordsTest {
    private final DynamoOutbox outbox;
    private final DynamoOutbox mailersOutbox;
    private final DynamoAuditTrail audit;
    private final DynamoApplicationRecords records;
    private final DynamoApplications round;
    private final DynamoOutstandingAcknowledgements outstanding;

    DynamoApplicationRecordsTest(AwsEnvironment aws) {
        String applications = aws.table("ApplicationsTable");
        this.outbox = Samples.outbox(aws);
        this.mailersOutbox =
                new DynamoOutbox(
                        aws.dynamo(),
                        aws.table("OutboxTable"),
                        applications,
                        messageId -> {},
                        m -> {});
        this.audit = new DynamoAuditTrail(aws.dynamo(), aws.table("AuditTable"));
        this.records = new DynamoApplicationRecords(aws.dynamo(), applications, outbox, audit);
        this.round =
                new DynamoApplications(
                        aws.dynamo(),
                        applications,
                        outbox,
                        audit,
                        new DynamoDraftStore(aws.dynamo(), aws.table("DraftsTable")));
        this.outstanding = new DynamoOutstandingAcknowledgements(aws.dynamo(), applications);
    }

    /** An application staff entered from a telephone call, for someone who asked to be contacted by e-mail. */
    private static Application entered(String roleId, String applicantKey) {
        Application s = Samples.application(roleId, applicantKey);
        return new Application(
                s.reference(),
                roleId,
                applicantKey,
                s.status(),
                s.answers(),
                Samples.NOW,
                s.contactMethod(),
                s.acknowledgement(),
                "staff-0001",
                Map.of(
                        "applications.channel",
                        "telephone",
                        "applications.enteredByName",
                        "Sam Staffmember"));
    }

    private static AuditEntry entry(Application a, String what) {
        return new AuditEntry(
                "staff-0001",
                what,
                "application:" + a.reference(),
                Samples.NOW,
                null,
                a.status().name());
    }

    private static OutboxMessage ack(Application a) {
        return new OutboxMessage(
                "ack-" + a.reference(),
                Samples.email("alex@example.org"),
                Samples.NOW,
                Samples.NOW,
                0,
                AcknowledgementLetters.ACKNOWLEDGEMENT);
    }

    private boolean outstanding(Application a) {
        return outstanding.submittedBy(Samples.NOW.plusSeconds(1)).stream()
                .anyMatch(o -> o.reference().equals(a.reference()));
    }

    @Test
    void anEnteredApplicationIsStoredWithItsFactsMessagesAndAuditEntryTogether() {
        Application a = entered(Samples.unique("role"), Samples.unique("applicant"));

        ApplicationStore.Stored stored =
                records.enter(
                        a,
                        List.of(ack(a)),
                        entry(a, "application entered for the applicant (telephone)"));

        assertTrue(stored.created());
        Application read = round.findByReference(a.reference(), Read.CONSISTENT).orElseThrow();
        assertEquals(a, read);
        assertEquals("telephone", read.progress("applications.channel"));
        assertEquals("staff-0001", read.enteredBy());
        assertEquals(
                List.of("application entered for the applicant (telephone)"),
                audit.trailOf("application:" + a.reference()).stream()
                        .map(AuditEntry::what)
                        .toList());
        assertTrue(
                outstanding(a),
                "an entered application waits for its acknowledgement like any other");

        // Its acknowledgement e-mail, once sent, marks it acknowledged, as for an application made
        // online.
        mailersOutbox.markSent(ack(a).id(), Samples.NOW);
        assertFalse(outstanding(a));
    }

    @Test
    void theSameApplicantEnteredTwiceMakesOneApplicationOneEmailAndOneAuditEntry() {
        String role = Samples.unique("role"), applicant = Samples.unique("applicant");
        Application first = entered(role, applicant);
        records.enter(first, List.of(ack(first)), entry(first, "entered"));
        Application second = entered(role, applicant);

        ApplicationStore.Stored again =
                records.enter(second, List.of(ack(second)), entry(second, "entered again"));

        assertFalse(again.created());
        assertEquals(first, again.application());
        assertTrue(outbox.find(ack(second).id()).isEmpty());
        assertTrue(audit.trailOf("application:" + second.reference()).isEmpty());
        assertEquals(1, round.forRole(role).size());
    }

    @Test
    void recordingAnAcknowledgementTakesItOffTheListOnceWithItsFactAndAuditEntry() {
        Application a = entered(Samples.unique("role"), Samples.unique("applicant"));
        records.enter(a, List.of(), entry(a, "entered"));
        Instant at = Samples.NOW.plusSeconds(60);
        AuditEntry acknowledged =
                new AuditEntry(
                        "staff-0001",
                        "application acknowledged (telephone)",
                        "application:" + a.reference(),
                        at,
                        "not acknowledged",
                        "acknowledged");

        assertTrue(
                records.acknowledged(
                        a, at, Map.of("applications.acknowledged", "By telephone"), acknowledged));

        assertFalse(outstanding(a));
        Application read = round.findByReference(a.reference(), Read.CONSISTENT).orElseThrow();
        assertEquals("By telephone", read.progress("applications.acknowledged"));
        assertEquals(
                "telephone",
                read.progress("applications.channel"),
                "facts already recorded are kept");
        assertEquals(2, audit.trailOf("application:" + a.reference()).size());

        AuditEntry twice =
                new AuditEntry(
                        "staff-0002",
                        "application acknowledged (post)",
                        "application:" + a.reference(),
                        at.plusSeconds(5),
                        "not acknowledged",
                        "acknowledged");
        assertFalse(
                records.acknowledged(
                        a,
                        at.plusSeconds(5),
                        Map.of("applications.acknowledged", "By letter"),
                        twice));
        assertEquals(
                "By telephone",
                round.findByReference(a.reference(), Read.CONSISTENT)
                        .orElseThrow()
                        .progress("applications.acknowledged"));
        assertEquals(2, audit.trailOf("application:" + a.reference()).size());
    }
}

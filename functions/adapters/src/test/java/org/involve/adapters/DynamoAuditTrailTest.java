package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.involve.core.audit.AuditEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

@ExtendWith(AwsEnvironmentExtension.class)
class DynamoAuditTrailTest {
    private final AwsEnvironment aws;
    private final DynamoAuditTrail audit;

    DynamoAuditTrailTest(AwsEnvironment aws) {
        this.aws = aws;
        this.audit = new DynamoAuditTrail(aws.dynamo(), aws.table("AuditTable"));
    }

    @Test
    void aRecordsTrailReadsBackInTimeOrder() {
        String record = "role:" + Samples.unique("role");
        Instant t = Instant.parse("2025-01-10T10:00:00Z");
        AuditEntry created =
                new AuditEntry("staff-1", "created the role", record, t, null, "DRAFT");
        AuditEntry published =
                new AuditEntry(
                        "staff-2",
                        "published the role",
                        record,
                        t.plusMillis(500),
                        "DRAFT",
                        "OPEN");
        AuditEntry closed =
                AuditEntry.byJob(
                        "closing-run",
                        "closed the role at its closing time",
                        record,
                        t.plusSeconds(86_400),
                        "OPEN",
                        "SHORTLISTING");
        audit.append(closed);
        audit.append(created);
        audit.append(published);
        audit.append(
                new AuditEntry("staff-1", "created the role", "role:another", t, null, "DRAFT"));

        assertEquals(List.of(created, published, closed), audit.trailOf(record));
    }

    @Test
    void theSameEntryAppendedAgainIsOneEntry() {
        String record = "role:" + Samples.unique("role");
        AuditEntry entry =
                new AuditEntry(
                        "staff-1",
                        "published the role",
                        record,
                        Instant.parse("2025-01-10T10:00:00Z"),
                        "DRAFT",
                        "OPEN");
        audit.append(entry);
        audit.append(entry);
        assertEquals(List.of(entry), audit.trailOf(record));
    }

    @Test
    void twoPeopleActingAtTheSameMomentAreBothRecorded() {
        String record = "role:" + Samples.unique("role");
        Instant t = Instant.parse("2025-01-10T10:00:00Z");
        AuditEntry one =
                new AuditEntry("staff-1", "extended the closing date", record, t, "OPEN", "OPEN");
        AuditEntry other =
                new AuditEntry("staff-2", "withdrew the role", record, t, "OPEN", "WITHDRAWN");
        audit.append(one);
        audit.append(other);
        assertEquals(2, audit.trailOf(record).size());
    }

    @Test
    void anEntryCannotBeWrittenOver() {
        String record = "role:" + Samples.unique("role");
        AuditEntry entry =
                new AuditEntry(
                        "staff-1",
                        "published the role",
                        record,
                        Instant.parse("2025-01-10T10:00:00Z"),
                        "DRAFT",
                        "OPEN");
        audit.append(entry);
        assertThrows(
                TransactionCanceledException.class,
                () -> aws.dynamo().transactWriteItems(r -> r.transactItems(audit.putNew(entry))));
        assertEquals(List.of(entry), audit.trailOf(record));
    }

    @Test
    void theViewerPagesARecordsTrailNewestFirstAndOffersANextPageOnlyWhenThereIsOne() {
        String record = "application:" + Samples.unique("INV");
        Instant t = Instant.parse("2025-01-10T10:00:00Z");
        java.util.List<AuditEntry> written = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            AuditEntry e =
                    new AuditEntry(
                            "staff-1", "step " + i, record, t.plusSeconds(60L * i), null, "S" + i);
            audit.append(e);
            written.add(0, e);
        }
        audit.append(new AuditEntry("staff-1", "another record", record + "X", t, null, "S"));

        var first = audit.newestFirst(record, null, 4);
        assertEquals(written.subList(0, 4), first.entries());
        var second = audit.newestFirst(record, first.next(), 4);
        assertEquals(written.subList(4, 6), second.entries());
        assertEquals(null, second.next());

        var exact = audit.newestFirst(record, null, 6);
        assertEquals(written, exact.entries());
        assertEquals(null, exact.next(), "no empty page after the last");
    }
}

package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.involve.core.audit.AuditEntry;
import org.involve.core.links.SignedLink;
import org.involve.core.partners.Involvement;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerChanges;
import org.involve.core.partners.PartnerLetters;
import org.involve.core.partners.PartnerStatus;
import org.involve.core.partners.PauseReturns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A pause ends on its return date, on DynamoDB Local: the job's read is one query of the sparse PausedByReturnDay index
 * that evaluates only the partners paused with a return date by the day (none of those paused without one, back
 * already, or gone), each brought back in one transaction. The tests' partners start in 2040 and later, so no other
 * test's tenure or check-in queries meet them, and only these tests give return dates. The backfill for pauses kept
 * before the index runs on a table of its own.
 */
@ExtendWith(AwsEnvironmentExtension.class)
class DynamoPauseReturnsTest {
    private final AwsEnvironment aws;
    private final AppointedPartners f;
    private final DynamoPartnerRecords partners;

    DynamoPauseReturnsTest(AwsEnvironment aws) {
        this.aws = aws;
        this.f = new AppointedPartners(aws);
        this.partners = f.partners;
    }

    /** An active partner, paused now with {@code back} as their return date (none when null). */
    private Partner paused(LocalDate start, LocalDate back) {
        Partner p = f.appointed(start, PartnerStatus.ACTIVE);
        Involvement i = p.involvement();
        Partner after =
                new Partner(
                        AppointedPartners.with(p.appointment(), PartnerStatus.PAUSED),
                        new Involvement(
                                i.appointmentId(),
                                i.name(),
                                i.email(),
                                i.phone(),
                                i.addressLine1(),
                                i.townOrCity(),
                                i.postcode(),
                                i.contactMethod(),
                                i.adjustments(),
                                i.interestAreas(),
                                back,
                                start.plusMonths(1),
                                null,
                                i.documents(),
                                i.interestsDeclared(),
                                i.inductionDone(),
                                i.itSupport(),
                                i.version() + 1));
        assertTrue(partners.change(p, after, List.of(), List.of()));
        return after;
    }

    private PartnerChanges changes(Instant now) {
        return new PartnerChanges(
                partners,
                Samples.roles(aws),
                f.round,
                new PartnerLetters(
                        "https://involve.example",
                        "https://staff.example",
                        new SignedLink("a-test-signing-key-of-at-least-32-characters"),
                        Duration.ofDays(30)),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    /**
     * 3 partners paused with a return date by 1 June 2040 among 12 paused until later, 3 paused with no date, 3 active
     * and one whose pause ended with their time in the role: one query evaluating only the 3, then each brought back
     * in one transaction (read again first), and a second run finds nothing.
     */
    @Test
    void theJobReadsOnlyThePausesThatEndByTheDayAndBringsThoseBack() {
        LocalDate day = LocalDate.of(2040, 6, 1), start = LocalDate.of(2040, 1, 2);
        List<String> due = new ArrayList<>();
        due.add(paused(start, LocalDate.of(2040, 2, 1)).id());
        due.add(paused(start, day.minusDays(1)).id());
        due.add(paused(start, day).id());
        List<String> later = new ArrayList<>();
        for (int i = 1; i <= 12; i++) later.add(paused(start, day.plusDays(i)).id());
        for (int i = 0; i < 3; i++) {
            paused(start, null);
            f.appointed(start, PartnerStatus.ACTIVE);
        }
        Partner pausedThenEnded = paused(start, day.minusDays(2));
        assertTrue(
                partners.change(
                        pausedThenEnded,
                        pausedThenEnded.endedOn(day.minusDays(3)),
                        List.of(),
                        List.of()));

        aws.dynamoCalls().clear();
        assertEquals(Set.copyOf(due), Set.copyOf(partners.returningBy(day)));
        assertEquals(
                List.of(
                        new RecordedCalls.Call(
                                "Query", DynamoPartnerRecords.PAUSED_BY_RETURN_DAY, 3)),
                aws.dynamoCalls().calls());

        // 06:30 BST on 1 June 2040
        Instant now = Instant.parse("2040-06-01T05:30:00Z");
        aws.dynamoCalls().clear();
        assertEquals(3, new PauseReturns(partners, changes(now)).run(now));
        var calls = aws.dynamoCalls().calls();
        assertEquals(
                List.of(
                        new RecordedCalls.Call(
                                "Query", DynamoPartnerRecords.PAUSED_BY_RETURN_DAY, 3)),
                calls.stream().filter(c -> c.operation().equals("Query")).toList(),
                "one query, evaluating only the 3 due");
        assertEquals(
                3, calls.stream().filter(c -> c.operation().equals("TransactWriteItems")).count());
        assertTrue(calls.stream().noneMatch(c -> c.operation().equals("Scan")));
        for (String id : due) {
            Partner back = partners.partner(id).orElseThrow().partner().orElseThrow();
            assertEquals(PartnerStatus.ACTIVE, back.status());
            assertNull(back.involvement().returnDate());
            assertNull(back.involvement().pausedOn());
            AuditEntry entry = f.audit.trailOf(back.auditRecord()).get(0);
            assertEquals("scheduler:pause-return", entry.who());
            assertEquals("PAUSED", entry.fromState());
            assertEquals("ACTIVE", entry.toState());
        }
        for (String id : later)
            assertEquals(PartnerStatus.PAUSED, partners.find(id).orElseThrow().status());

        aws.dynamoCalls().clear();
        assertEquals(0, new PauseReturns(partners, changes(now)).run(now), "running twice");
        assertEquals(
                List.of(
                        new RecordedCalls.Call(
                                "Query", DynamoPartnerRecords.PAUSED_BY_RETURN_DAY, 0)),
                aws.dynamoCalls().calls());
    }

    /** Each write keeps the index in step: a new return date moves the entry, coming back or leaving removes it. */
    @Test
    void theIndexFollowsEveryChangeToThePause() {
        LocalDate start = LocalDate.of(2050, 1, 3);
        Partner p = paused(start, LocalDate.of(2050, 3, 1));
        assertTrue(partners.returningBy(LocalDate.of(2050, 3, 1)).contains(p.id()));
        assertFalse(partners.returningBy(LocalDate.of(2050, 2, 28)).contains(p.id()));

        Partner back = p.changedTo(AppointedPartners.with(p.appointment(), PartnerStatus.ACTIVE));
        assertTrue(partners.change(p, back, List.of(), List.of()));
        assertFalse(partners.returningBy(LocalDate.of(2050, 12, 31)).contains(p.id()));

        Partner retired = paused(start, LocalDate.of(2050, 4, 1));
        assertTrue(
                partners.change(
                        retired,
                        retired.changedTo(
                                AppointedPartners.with(
                                        retired.appointment(), PartnerStatus.RETIRED)),
                        List.of(),
                        List.of()));
        assertFalse(
                partners.returningBy(LocalDate.of(2050, 12, 31)).contains(retired.id()),
                "a partner who is not paused is not in the index, whatever their involvement says");
    }

    /**
     * {@code infrastructure/pause-return-backfill} (the AWS CLI and jq, as an operator would run it), on a table of its
     * own holding copies of records the adapter wrote, less the index's keys, as a record paused before the index
     * existed is: a pause with a return date gets the keys the adapter writes; a pause without one, an active record and
     * a partner's own item do not; running it again changes nothing.
     */
    @Test
    void theBackfillGivesPausesKeptBeforeTheIndexTheKeysTheAdapterWrites() throws Exception {
        assumeTrue(onPath("aws") && onPath("jq"), "the backfill needs the AWS CLI and jq");
        String table = Samples.unique("backfill-pauses");
        aws.dynamo()
                .createTable(
                        r ->
                                r.tableName(table)
                                        .attributeDefinitions(
                                                AttributeDefinition.builder()
                                                        .attributeName("appointmentId")
                                                        .attributeType(ScalarAttributeType.S)
                                                        .build())
                                        .keySchema(
                                                KeySchemaElement.builder()
                                                        .attributeName("appointmentId")
                                                        .keyType(KeyType.HASH)
                                                        .build())
                                        .billingMode(BillingMode.PAY_PER_REQUEST));
        LocalDate start = LocalDate.of(2060, 1, 5);
        Partner withDate = paused(start, LocalDate.of(2060, 3, 1));
        Partner noDate = paused(start, null);
        Partner active = f.appointed(start, PartnerStatus.ACTIVE);
        Map<String, Map<String, AttributeValue>> written = new HashMap<>();
        for (Partner p : List.of(withDate, noDate, active)) {
            Map<String, AttributeValue> item = stored(aws.table("PartnersTable"), p.id());
            written.put(p.id(), item);
            Map<String, AttributeValue> old = new HashMap<>(item);
            old.remove(DynamoPartnerRecords.PAUSE_QUEUE);
            old.remove(DynamoPartnerRecords.RETURN_DAY);
            aws.dynamo().putItem(r -> r.tableName(table).item(old));
        }
        assertEquals(
                "2060-03-01",
                written.get(withDate.id()).get(DynamoPartnerRecords.RETURN_DAY).s(),
                "what the adapter writes");
        aws.dynamo()
                .putItem(
                        r ->
                                r.tableName(table)
                                        .item(
                                                Map.of(
                                                        "appointmentId",
                                                        AttributeValue.fromS(
                                                                "checkin#" + withDate.id() + "#1"),
                                                        "status",
                                                        AttributeValue.fromS("PAUSED"))));

        String dry = backfill(table, "--dry-run");
        assertTrue(
                dry.contains("would set " + table + " " + withDate.id() + " returnDay=2060-03-01"),
                dry);
        assertFalse(stored(table, withDate.id()).containsKey(DynamoPartnerRecords.RETURN_DAY));

        String out = backfill(table);
        assertTrue(out.contains("given their return day: 1."), out);
        for (Partner p : List.of(withDate, noDate, active))
            assertEquals(written.get(p.id()), stored(table, p.id()), p.id());

        String again = backfill(table);
        assertTrue(again.contains("given their return day: 0."), again);
    }

    private Map<String, AttributeValue> stored(String table, String id) {
        return aws.dynamo()
                .getItem(
                        r ->
                                r.tableName(table)
                                        .key(Map.of("appointmentId", AttributeValue.fromS(id)))
                                        .consistentRead(true))
                .item();
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":"))
            if (Files.isExecutable(Path.of(dir, command))) return true;
        return false;
    }

    private String backfill(String table, String... extra) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("template.yaml"))) root = root.getParent();
        List<String> command =
                new ArrayList<>(
                        List.of(
                                "bash",
                                root.resolve("infrastructure/pause-return-backfill").toString(),
                                "--partners-table",
                                table,
                                "--endpoint-url",
                                aws.dynamo()
                                        .serviceClientConfiguration()
                                        .endpointOverride()
                                        .orElseThrow()
                                        .toString()));
        command.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("AWS_ACCESS_KEY_ID", "local");
        pb.environment().put("AWS_SECRET_ACCESS_KEY", "local");
        pb.environment().put("AWS_DEFAULT_REGION", "eu-west-2");
        pb.environment().put("AWS_REGION", "eu-west-2");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}

package org.involve.adapters;

import static org.involve.adapters.internal.Items.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * {@code infrastructure/retention-backfill} (it uses the AWS CLI and jq, as an operator would) on DynamoDB Local,
 * against tables of its own so that its scans change nothing other tests keep: roles whose round was over before the
 * monitoring clock existed get it today, a role whose answers have gone already and an open role do not, a clock a
 * step set stays, and a role given answers after its answers went gets a clock that is due at once; check-ins and
 * tenure reviews stored before the ByPartner index get their partner; e-mails sent, failed or not known to have gone
 * get the clock of their text from the UK day that happened. Running it again changes nothing.
 */
@ExtendWith(AwsEnvironmentExtension.class)
class RetentionBackfillTest {
    private final AwsEnvironment aws;
    private final String roles = Samples.unique("backfill-roles"),
            monitoring = Samples.unique("backfill-monitoring"),
            partners = Samples.unique("backfill-partners"),
            outbox = Samples.unique("backfill-outbox");

    RetentionBackfillTest(AwsEnvironment aws) {
        this.aws = aws;
    }

    private void table(String name, String hash, String range) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        List<KeySchemaElement> keys = new ArrayList<>();
        attributes.add(
                AttributeDefinition.builder()
                        .attributeName(hash)
                        .attributeType(ScalarAttributeType.S)
                        .build());
        keys.add(KeySchemaElement.builder().attributeName(hash).keyType(KeyType.HASH).build());
        if (range != null) {
            attributes.add(
                    AttributeDefinition.builder()
                            .attributeName(range)
                            .attributeType(ScalarAttributeType.S)
                            .build());
            keys.add(
                    KeySchemaElement.builder().attributeName(range).keyType(KeyType.RANGE).build());
        }
        aws.dynamo()
                .createTable(
                        r ->
                                r.tableName(name)
                                        .attributeDefinitions(attributes)
                                        .keySchema(keys)
                                        .billingMode(BillingMode.PAY_PER_REQUEST));
    }

    private void put(String table, Map<String, AttributeValue> item) {
        aws.dynamo().putItem(r -> r.tableName(table).item(item));
    }

    private Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key) {
        return aws.dynamo().getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":"))
            if (Files.isExecutable(Path.of(dir, command))) return true;
        return false;
    }

    private String run(String... extra) throws IOException, InterruptedException {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("template.yaml"))) root = root.getParent();
        List<String> command =
                new ArrayList<>(
                        List.of(
                                "bash",
                                root.resolve("infrastructure/retention-backfill").toString()));
        command.addAll(
                List.of(
                        "--roles-table",
                        roles,
                        "--monitoring-table",
                        monitoring,
                        "--partners-table",
                        partners,
                        "--outbox-table",
                        outbox,
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

    private static Map<String, AttributeValue> role(String id, String status) {
        return Map.of("roleId", s(id), "status", s(status), "data", s("{}"));
    }

    @Test
    void rolesFilledOrWithdrawnBeforeTheClockGetItAndCheckInsGetTheirPartner() throws Exception {
        assumeTrue(onPath("aws") && onPath("jq"), "the backfill needs the AWS CLI and jq");
        table(roles, "roleId", null);
        table(monitoring, "roleId", "answerKey");
        table(partners, "appointmentId", null);
        table(outbox, "messageId", null);
        put(roles, role("filled", "FILLED"));
        put(roles, role("withdrawn", "WITHDRAWN"));
        put(roles, role("open", "OPEN"));
        put(roles, role("gone", "FILLED"));
        put(
                monitoring,
                Map.of(
                        "roleId",
                        s("gone"),
                        "answerKey",
                        s("#deleted"),
                        "deletedOn",
                        s("2026-01-02")));
        Map<String, AttributeValue> set = new java.util.HashMap<>(role("set", "FILLED"));
        set.put("retention", s("ROUND_OVER"));
        set.put("retentionFrom", s("2025-05-05"));
        put(roles, set);
        put(partners, Map.of("appointmentId", s("checkin#appt-1#2026"), "data", s("{}")));
        put(
                partners,
                Map.of("appointmentId", s("tenure-review#appt-1#2027-01-01"), "data", s("{}")));
        put(partners, Map.of("appointmentId", s("appt-1"), "status", s("ACTIVE"), "data", s("{}")));

        // Answers given after the role's answers went, before the form closed for such roles.
        put(roles, role("late", "WITHDRAWN"));
        put(
                monitoring,
                Map.of(
                        "roleId",
                        s("late"),
                        "answerKey",
                        s("#deleted"),
                        "deletedOn",
                        s("2026-01-02")));
        put(
                monitoring,
                Map.of(
                        "roleId",
                        s("late"),
                        "answerKey",
                        s("0a1b2c3d"),
                        "answers",
                        AttributeValue.fromM(Map.of("ageBand", s("25-to-34")))));
        // E-mails: failed at 00:30 BST on 1 July 2025 (23:30 UTC on 30 June); failed in an older
        // version (GAVE_UP, no
        // time recorded); not known to have gone; sent; a failed one whose clock a step started;
        // one whose text went;
        // one still waiting.
        put(outbox, mail("failed", "FAILED", "troubleAt", "2025-06-30T23:30:00.000000000Z"));
        put(outbox, mail("gave-up", "GAVE_UP", null, null));
        put(
                outbox,
                mail("unsure", "NEEDS_CHECKING", "troubleAt", "2025-07-02T10:00:00.000000000Z"));
        put(outbox, mail("sent", "SENT", "sentAt", "2025-07-03T10:00:00.000000000Z"));
        Map<String, AttributeValue> clocked =
                new java.util.HashMap<>(
                        mail("clocked", "FAILED", "troubleAt", "2025-07-04T10:00:00.000000000Z"));
        clocked.put("retention", s("SET_ASIDE"));
        clocked.put("retentionFrom", s("2025-07-04"));
        put(outbox, clocked);
        Map<String, AttributeValue> stripped =
                new java.util.HashMap<>(
                        mail("stripped", "FAILED", "troubleAt", "2025-01-01T10:00:00.000000000Z"));
        stripped.put("bodyRemovedAt", s("2025-02-01T03:00:00.000000000Z"));
        put(outbox, stripped);
        put(outbox, mail("waiting", "PENDING", null, null));

        String dry = run("--dry-run");
        assertTrue(dry.contains("3 roles' monitoring answers (1 of them"), dry);
        assertTrue(dry.contains("1 sent e-mails, 3 e-mails not sent"), dry);
        assertFalse(
                get(roles, Map.of("roleId", s("filled"))).containsKey("retention"),
                "a dry run writes nothing");

        String out = run();
        assertTrue(
                out.contains(
                        "3 roles' monitoring answers (1 of them given after the role's answers were"
                                + " deleted, due at once); 2 check-ins and tenure reviews"),
                out);
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        var late = get(roles, Map.of("roleId", s("late")));
        assertEquals("ROUND_OVER", late.get("retention").s());
        assertEquals(
                "1970-01-01", late.get("retentionFrom").s(), "overdue: the next run deletes them");
        assertClock("failed", "SET_ASIDE", "2025-07-01");
        assertEquals(
                "SET_ASIDE", get(outbox, Map.of("messageId", s("gave-up"))).get("retention").s());
        assertTrue(
                Set.of(today, LocalDate.parse(today).plusDays(1).toString())
                        .contains(
                                get(outbox, Map.of("messageId", s("gave-up")))
                                        .get("retentionFrom")
                                        .s()),
                "no time recorded: today");
        assertClock("unsure", "SET_ASIDE", "2025-07-02");
        assertClock("sent", "SENT", "2025-07-03");
        assertClock("clocked", "SET_ASIDE", "2025-07-04");
        for (String id : List.of("stripped", "waiting"))
            assertFalse(get(outbox, Map.of("messageId", s(id))).containsKey("retention"), id);
        for (String id : List.of("filled", "withdrawn")) {
            var item = get(roles, Map.of("roleId", s(id)));
            assertEquals("ROUND_OVER", item.get("retention").s(), id);
            assertTrue(
                    item.get("retentionFrom").s().equals(today)
                            || item.get("retentionFrom")
                                    .s()
                                    .equals(LocalDate.parse(today).plusDays(1).toString()),
                    id);
        }
        assertFalse(get(roles, Map.of("roleId", s("open"))).containsKey("retention"));
        assertFalse(
                get(roles, Map.of("roleId", s("gone"))).containsKey("retention"),
                "its answers went already");
        assertEquals("2025-05-05", get(roles, Map.of("roleId", s("set"))).get("retentionFrom").s());
        assertEquals(
                "appt-1",
                get(partners, Map.of("appointmentId", s("checkin#appt-1#2026")))
                        .get("partnerOf")
                        .s());
        assertEquals(
                "appt-1",
                get(partners, Map.of("appointmentId", s("tenure-review#appt-1#2027-01-01")))
                        .get("partnerOf")
                        .s());
        assertFalse(get(partners, Map.of("appointmentId", s("appt-1"))).containsKey("partnerOf"));

        String again = run();
        assertTrue(
                again.contains(
                        "0 sent e-mails, 0 e-mails not sent, 0 roles' monitoring answers (0 of them"),
                again);
        assertTrue(again.contains("; 0 check-ins"), again);
    }

    private void assertClock(String messageId, String kind, String from) {
        var item = get(outbox, Map.of("messageId", s(messageId)));
        assertEquals(kind, item.get("retention").s(), messageId);
        assertEquals(from, item.get("retentionFrom").s(), messageId);
    }

    /** An outbox item as the outbox keeps it, with its text, and {@code time} under {@code timeName} if given. */
    private static Map<String, AttributeValue> mail(
            String id, String status, String timeName, String time) {
        Map<String, AttributeValue> item = new java.util.HashMap<>();
        item.put("messageId", s(id));
        item.put("status", s(status));
        item.put("purpose", s("acknowledgement"));
        item.put("to", s("alex@example.org"));
        item.put("subject", s("We have received your application"));
        item.put("text", s("Thank you"));
        if (timeName != null) item.put(timeName, s(time));
        return item;
    }
}

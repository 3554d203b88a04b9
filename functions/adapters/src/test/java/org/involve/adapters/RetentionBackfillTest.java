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
 * step set stays; check-ins and tenure reviews stored before the ByPartner index get their partner. Running it again
 * changes nothing.
 */
@ExtendWith(AwsEnvironmentExtension.class)
class RetentionBackfillTest {
    private final AwsEnvironment aws;
    private final String roles = Samples.unique("backfill-roles"),
            monitoring = Samples.unique("backfill-monitoring"),
            partners = Samples.unique("backfill-partners");

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

        String dry = run("--dry-run");
        assertTrue(dry.contains("2 roles' monitoring answers"), dry);
        assertFalse(
                get(roles, Map.of("roleId", s("filled"))).containsKey("retention"),
                "a dry run writes nothing");

        String out = run();
        assertTrue(
                out.contains("2 roles' monitoring answers; 2 check-ins and tenure reviews"), out);
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
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
        assertTrue(again.contains("0 roles' monitoring answers; 0 check-ins"), again);
    }
}

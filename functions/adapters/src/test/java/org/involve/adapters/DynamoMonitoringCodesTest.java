package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.involve.adapters.internal.Items;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.monitoring.MonitoringAnswers;
import org.involve.core.monitoring.MonitoringByCode;
import org.involve.core.monitoring.MonitoringCode;
import org.involve.core.monitoring.MonitoringCodes;
import org.involve.core.monitoring.MonitoringKey;
import org.involve.core.monitoring.MonitoringQuestions;
import org.involve.core.monitoring.MonitoringResponse;
import org.involve.core.monitoring.MonitoringStore;
import org.involve.core.monitoring.MonitoringToken;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.involve.core.staff.Group;
import org.involve.core.staff.StaffMember;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The short codes' table on DynamoDB Local: a code is issued with its application, in the same transaction, found by
 * what is typed, used once, and answers given with it land where the link's answers would; the codes table joins
 * neither the applications nor the answers.
 */
@ExtendWith(AwsEnvironmentExtension.class)
class DynamoMonitoringCodesTest {
    private static final StaffMember STAFF =
            new StaffMember("staff-0001", "Sam Staff", "sam@example.org", Set.of(Group.STAFF));
    private static final String SIGNING = "a-test-signing-key-of-enough-length-for-links";
    private final AwsEnvironment aws;
    private final MonitoringToken tokens = new MonitoringToken(SIGNING);
    private final MonitoringKey keys =
            new MonitoringKey("a-test-monitoring-key-only-the-form-and-report-hold", tokens);
    private final MonitoringCode code = new MonitoringCode(SIGNING, tokens);
    private final DynamoAuditTrail audit;
    private final DynamoMonitoringCodes codes;
    private final DynamoApplications applications;
    private final MonitoringAnswers answers;

    DynamoMonitoringCodesTest(AwsEnvironment aws) {
        this.aws = aws;
        this.audit = new DynamoAuditTrail(aws.dynamo(), aws.table("AuditTable"));
        this.codes =
                new DynamoMonitoringCodes(
                        aws.dynamo(),
                        aws.table("MonitoringCodesTable"),
                        aws.table("MonitoringTable"),
                        aws.table("RolesTable"),
                        code,
                        () -> audit);
        this.applications =
                new DynamoApplications(
                        aws.dynamo(),
                        aws.table("ApplicationsTable"),
                        Samples.outbox(aws),
                        () -> audit,
                        new DynamoDraftStore(aws.dynamo(), aws.table("DraftsTable")),
                        Clock.systemUTC(),
                        () -> codes);
        this.answers =
                new DynamoMonitoringAnswers(aws.dynamo(), aws.table("MonitoringTable"), keys);
    }

    private MonitoringByCode byCode() {
        return new MonitoringByCode(
                code,
                codes,
                DynamoAttempts.inCodes(aws.dynamo(), aws.table("MonitoringCodesTable")),
                keys,
                this::roles,
                this::roles,
                SIGNING,
                Clock.systemUTC());
    }

    private DynamoRoles roles() {
        return new DynamoRoles(
                aws.dynamo(), aws.table("RolesTable"), Samples.outbox(aws), () -> audit);
    }

    /** A role of {@code status} in the table: its id. */
    private String role(RoleStatus status) {
        Role r = Samples.role(status, LocalDate.of(2026, 10, 1));
        Samples.putRole(aws, r);
        return r.id();
    }

    private static Map<String, String> answered(String ageBand) {
        Map<String, String> m = new HashMap<>();
        MonitoringQuestions.section().fields().forEach(f -> m.put(f.name(), ""));
        m.put("ageBand", ageBand);
        return m;
    }

    private Application submitted(String roleId) {
        Application a = Samples.application(roleId, Samples.unique("applicant"));
        applications.submit(a, List.of(), null);
        return a;
    }

    @Test
    void everyStoredApplicationHasItsCodeIssuedWithIt() {
        String roleId = role(RoleStatus.OPEN);
        Application online = submitted(roleId);
        Application byPhone = Samples.application(roleId, Samples.unique("applicant"));
        applications.enter(
                byPhone,
                List.of(),
                AuditEntry.by(STAFF, "entered", "application:x", Instant.now(), null, "NEW"));
        for (Application a : List.of(online, byPhone)) {
            String typed = code.forApplication(roleId, a.reference()).toLowerCase();
            MonitoringCode.normalise(typed)
                    .map(code::idOf)
                    .flatMap(codes::find)
                    .ifPresentOrElse(
                            e -> {
                                assertEquals(roleId, e.roleId());
                                assertEquals(
                                        tokens.forApplication(roleId, a.reference()), e.token());
                                assertTrue(e.expiresAt().isAfter(Instant.now()));
                            },
                            () -> {
                                throw new AssertionError("no code for " + a.reference());
                            });
        }
    }

    @Test
    void answersByCodeAreFoundWhereTheLinksWouldBeAndTheCodeIsUsedOnce() {
        String roleId = role(RoleStatus.OPEN);
        Application a = submitted(roleId);
        String c = code.forApplication(roleId, a.reference());
        assertInstanceOf(
                MonitoringByCode.Result.Recorded.class,
                byCode().submit(c, Samples.unique("source"), answered("35-to-44")));
        assertEquals(
                "35-to-44", answers.answersFor(roleId, a.reference()).orElseThrow().get("ageBand"));
        assertInstanceOf(
                MonitoringByCode.Result.NotUsable.class,
                byCode().submit(c, Samples.unique("source"), answered("16-to-24")));
        assertEquals(
                "35-to-44", answers.answersFor(roleId, a.reference()).orElseThrow().get("ageBand"));
        assertTrue(codes.find(code.idOf(MonitoringCode.normalise(c).orElseThrow())).isEmpty());
    }

    @Test
    void staffEntryIsAuditedWithoutTheCodeRoleOrAnswers() {
        String roleId = role(RoleStatus.OPEN);
        Application a = submitted(roleId);
        String c = code.forApplication(roleId, a.reference());
        assertInstanceOf(
                MonitoringByCode.Result.Recorded.class,
                byCode().submitForStaff(STAFF, c, answered("45-to-54")));
        List<AuditEntry> trail = audit.trailOf(MonitoringByCode.AUDIT_RECORD);
        assertFalse(trail.isEmpty());
        String all = trail.toString();
        assertFalse(
                all.contains(roleId) || all.contains(a.reference()) || all.contains("45-to-54"));
    }

    @Test
    void theCodesTableJoinsNeitherTheApplicationsNorTheAnswers() {
        String roleId = role(RoleStatus.OPEN);
        List<Application> apps = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Application a = submitted(roleId);
            apps.add(a);
            byCode().submit(
                            code.forApplication(roleId, a.reference()),
                            "s" + i,
                            answered("16-to-24"));
        }
        List<Map<String, AttributeValue>> codeItems =
                everyItem("MonitoringCodesTable").stream()
                        .filter(m -> roleId.equals(Items.string(m, "roleId")))
                        .toList();
        assertEquals(5, codeItems.size());
        Set<String> appValues = values(everyItem("ApplicationsTable"), roleId);
        Set<String> answerValues = values(everyItem("MonitoringTable"), roleId);
        assertEquals(5, answers.forRole(roleId).size());
        for (Map<String, AttributeValue> item : codeItems) {
            assertEquals(
                    Set.of("codeId", "roleId", "token", "expiresAtEpoch", "spentAt"),
                    item.keySet());
            Set<String> mine = values(List.of(item), roleId);
            for (String v : mine) {
                assertFalse(appValues.contains(v), "an application holds " + v);
                assertFalse(answerValues.contains(v), "the answers hold " + v);
            }
            for (Application a : apps) {
                assertFalse(item.toString().contains(a.reference()));
                assertFalse(
                        item.toString()
                                .contains(
                                        MonitoringCode.normalise(
                                                        code.forApplication(roleId, a.reference()))
                                                .orElseThrow()),
                        "the code itself is not kept");
            }
        }
    }

    /**
     * A code for a role whose round is over is told the form has closed; and the write itself refuses answers for
     * such a role, or for one whose answers the retention job deleted, leaving the code unspent and nothing kept.
     */
    @Test
    void answersByCodeAreRefusedOnceTheRolesRoundIsOverOrItsAnswersWereDeleted() {
        String roleId = role(RoleStatus.SHORTLISTING);
        Application a = submitted(roleId), b = submitted(roleId);
        Samples.putRole(
                aws,
                roles().find(roleId, org.involve.core.kit.Read.CONSISTENT)
                        .orElseThrow()
                        .withStatus(RoleStatus.FILLED));
        String c = code.forApplication(roleId, a.reference());
        assertInstanceOf(
                MonitoringByCode.Result.Closed.class, byCode().open(c, Samples.unique("source")));
        assertInstanceOf(
                MonitoringByCode.Result.Closed.class,
                byCode().submitForStaff(STAFF, c, answered("35-to-44")));

        // The write, whatever was read before it.
        MonitoringCodes.Entry entry =
                codes.find(code.idOf(MonitoringCode.normalise(c).orElseThrow())).orElseThrow();
        MonitoringResponse response =
                new MonitoringResponse(keys.forToken(entry.token()), roleId, answered("35-to-44"));
        assertEquals(
                MonitoringStore.Outcome.CLOSED,
                codes.record(response, entry.codeId(), Instant.now(), null));
        assertTrue(answers.answersFor(roleId, a.reference()).isEmpty());
        assertTrue(codes.find(entry.codeId()).isPresent(), "the code is not spent");

        // Answers deleted by the retention job (its marker): refused even were the role open.
        Samples.putRole(
                aws,
                roles().find(roleId, org.involve.core.kit.Read.CONSISTENT)
                        .orElseThrow()
                        .withStatus(RoleStatus.SHORTLISTING));
        aws.dynamo()
                .putItem(
                        p ->
                                p.tableName(aws.table("MonitoringTable"))
                                        .item(
                                                Map.of(
                                                        "roleId",
                                                        Items.s(roleId),
                                                        "answerKey",
                                                        Items.s(DynamoMonitoringRetention.GONE),
                                                        "deletedOn",
                                                        Items.s("2027-10-01"))));
        String other = code.forApplication(roleId, b.reference());
        assertInstanceOf(
                MonitoringByCode.Result.Closed.class,
                byCode().submit(other, Samples.unique("source"), answered("16-to-24")));
        assertTrue(answers.answersFor(roleId, b.reference()).isEmpty());
        assertEquals(Map.of(), answers.forRole(roleId));
    }

    private List<Map<String, AttributeValue>> everyItem(String table) {
        return aws
                .dynamo()
                .scanPaginator(r -> r.tableName(aws.table(table)).consistentRead(true))
                .items()
                .stream()
                .toList();
    }

    /** Every string value of the items of a role, the role and short values (states, times) aside. */
    private static Set<String> values(List<Map<String, AttributeValue>> items, String roleId) {
        Set<String> out = new HashSet<>();
        for (Map<String, AttributeValue> item : items) {
            if (!item.toString().contains(roleId)) continue;
            item.values().forEach(v -> collect(v, out));
        }
        out.remove(roleId);
        out.removeIf(v -> v.length() < 12);
        return out;
    }

    private static void collect(AttributeValue v, Set<String> out) {
        if (v.s() != null) out.add(v.s());
        if (v.hasM()) v.m().values().forEach(x -> collect(x, out));
        if (v.hasL()) v.l().forEach(x -> collect(x, out));
    }
}

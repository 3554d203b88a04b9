package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.involve.core.application.Application;
import org.involve.core.monitoring.MonitoringAnswers;
import org.involve.core.monitoring.MonitoringForm;
import org.involve.core.monitoring.MonitoringKey;
import org.involve.core.monitoring.MonitoringQuestions;
import org.involve.core.monitoring.MonitoringToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The monitoring table on DynamoDB Local, written through the form as applicants do: the applications table and the
 * monitoring table alone cannot be joined, and only the monitoring key finds an application's answers.
 */
@ExtendWith(AwsEnvironmentExtension.class)
class DynamoMonitoringAnswersTest {
    private static final int N = 13;
    private final AwsEnvironment aws;
    private final MonitoringToken tokens =
            new MonitoringToken("a-test-signing-key-of-enough-length-for-links");
    private final MonitoringKey keys =
            new MonitoringKey("a-test-monitoring-key-only-the-form-and-report-hold", tokens);
    private final MonitoringForm form;
    private final MonitoringAnswers answers;
    private final DynamoApplicationStore applications;

    DynamoMonitoringAnswersTest(AwsEnvironment aws) {
        this.aws = aws;
        this.form =
                new MonitoringForm(
                        new DynamoMonitoringStore(
                                aws.dynamo(),
                                aws.table("MonitoringTable"),
                                aws.table("RolesTable")),
                        tokens,
                        keys,
                        Samples.roles(aws));
        this.answers =
                new DynamoMonitoringAnswers(aws.dynamo(), aws.table("MonitoringTable"), keys);
        this.applications =
                new DynamoApplicationStore(
                        aws.dynamo(),
                        aws.table("ApplicationsTable"),
                        Samples.outbox(aws),
                        new DynamoDraftStore(aws.dynamo(), aws.table("DraftsTable")));
    }

    /** A role in the table whose round is running, so its form takes answers: its id. */
    private String openRole() {
        var role =
                Samples.role(
                        org.involve.core.role.RoleStatus.SHORTLISTING,
                        java.time.LocalDate.of(2026, 10, 1));
        Samples.putRole(aws, role);
        return role.id();
    }

    private static Map<String, String> answered(String ageBand) {
        Map<String, String> m = new HashMap<>();
        MonitoringQuestions.section()
                .fields()
                .forEach(f -> m.put(f.name(), MonitoringQuestions.PREFER_NOT_TO_SAY));
        m.put("ageBand", ageBand);
        return m;
    }

    /** N applications for a fresh role, each of which answered the monitoring form through its own link. */
    private List<Application> roundWithAnswers(String roleId) {
        List<Application> apps = new java.util.ArrayList<>();
        for (int i = 0; i < N; i++) {
            Application a = Samples.application(roleId, Samples.unique("applicant"));
            applications.submit(a, List.of(), null);
            String token = tokens.forApplication(roleId, a.reference());
            assertTrue(
                    form.submit(token, roleId, answered(i % 2 == 0 ? "16-to-24" : "25-to-34"))
                            instanceof MonitoringForm.Result.Recorded);
            apps.add(a);
        }
        return apps;
    }

    private List<Map<String, AttributeValue>> everyItem(String table, String roleId) {
        return aws
                .dynamo()
                .scanPaginator(r -> r.tableName(aws.table(table)).consistentRead(true))
                .items()
                .stream()
                .filter(item -> item.toString().contains(roleId))
                .toList();
    }

    /** Every string in an item, however deep (map and list attributes included). */
    private static Set<String> strings(AttributeValue v) {
        Set<String> out = new HashSet<>();
        if (v.s() != null) out.add(v.s());
        if (v.n() != null) out.add(v.n());
        if (v.hasM()) v.m().values().forEach(x -> out.addAll(strings(x)));
        if (v.hasL()) v.l().forEach(x -> out.addAll(strings(x)));
        return out;
    }

    @Test
    void theApplicationsAndMonitoringTablesAloneCannotBeJoined() {
        String roleId = openRole();
        roundWithAnswers(roleId);
        List<Map<String, AttributeValue>> withRole = everyItem("ApplicationsTable", roleId);
        // The role's count of applications (DynamoApplicationCounts) names the role and holds a
        // number, nothing of anyone.
        List<Map<String, AttributeValue>> counts =
                withRole.stream()
                        .filter(i -> DynamoApplicationCounts.PARTITION.equals(i.get("roleId").s()))
                        .toList();
        assertEquals(1, counts.size());
        assertEquals(
                Set.of("roleId", "applicantKey", DynamoApplicationCounts.APPLICATIONS),
                counts.get(0).keySet());
        assertEquals(
                String.valueOf(N), counts.get(0).get(DynamoApplicationCounts.APPLICATIONS).n());
        List<Map<String, AttributeValue>> apps =
                withRole.stream().filter(i -> !counts.contains(i)).toList();
        List<Map<String, AttributeValue>> monitoring = everyItem("MonitoringTable", roleId);
        assertEquals(N, apps.size());
        assertEquals(N, monitoring.size());

        int joined = 0;
        for (Map<String, AttributeValue> m : monitoring) {
            assertEquals(Set.of("roleId", "answerKey", "answers"), m.keySet(), "nothing else kept");
            Set<String> identifying = strings(m.get("answerKey"));
            long matches =
                    apps.stream()
                            .filter(
                                    a -> {
                                        String all = a.toString();
                                        return identifying.stream().anyMatch(all::contains);
                                    })
                            .count();
            if (matches > 0) joined++;
        }
        assertEquals(0, joined, "of " + N + " answers, none shares a value with an application");

        // And nothing an application holds (its reference, key, any value) is in the monitoring
        // table.
        for (Map<String, AttributeValue> a : apps) {
            Set<String> values = new HashSet<>();
            a.forEach((k, v) -> values.addAll(strings(v)));
            values.remove(roleId);
            values.removeIf(v -> v.length() < 6);
            for (Map<String, AttributeValue> m : monitoring)
                for (String v : values)
                    assertFalse(m.toString().contains(v), "the monitoring table holds " + v);
        }
    }

    @Test
    void withTheMonitoringKeyEveryApplicationsAnswersAreFound() {
        String roleId = openRole();
        List<Application> apps = roundWithAnswers(roleId);
        Map<String, Map<String, String>> all = answers.forRole(roleId);
        assertEquals(N, all.size());
        int found = 0;
        for (int i = 0; i < N; i++) {
            Application a = apps.get(i);
            assertEquals(
                    all.get(keys.forApplication(roleId, a.reference())),
                    answers.answersFor(roleId, a.reference()).orElseThrow());
            assertEquals(
                    i % 2 == 0 ? "16-to-24" : "25-to-34",
                    answers.answersFor(roleId, a.reference()).orElseThrow().get("ageBand"));
            found++;
        }
        assertEquals(N, found);
        MonitoringKey withoutTheKey =
                new MonitoringKey("a-guess-at-the-monitoring-key-by-someone-else", tokens);
        assertTrue(
                apps.stream()
                        .noneMatch(
                                a ->
                                        all.containsKey(
                                                withoutTheKey.forApplication(
                                                        roleId, a.reference()))),
                "the signing key alone finds nothing");
    }

    @Test
    void forgettingOneApplicationsAnswersLeavesTheOthers() {
        String roleId = openRole();
        List<Application> apps = roundWithAnswers(roleId);
        assertTrue(answers.forget(roleId, apps.get(0).reference()));
        assertFalse(answers.forget(roleId, apps.get(0).reference()), "already gone");
        assertEquals(Optional.empty(), answers.answersFor(roleId, apps.get(0).reference()));
        assertTrue(answers.answersFor(roleId, apps.get(1).reference()).isPresent());
        assertEquals(N - 1, answers.forRole(roleId).size());
        assertEquals(Optional.empty(), answers.answersFor(Samples.unique("role"), "INV-NONE"));
    }
}

package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.InterceptorContext;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** The stand-in for IAM's attribute conditions reads expressions as DynamoDB does and refuses what the template does not allow. */
class AttributeConditionsTest {
    private static final Map<String, AttributeValue> KEY =
            Map.of("roleId", AttributeValue.fromS("r"), "applicantKey", AttributeValue.fromS("a"));

    @Test
    void anUpdateTouchesItsKeyAndTheFirstNameOfEachPathInItsExpressions() {
        assertEquals(
                Set.of("roleId", "applicantKey", "status", "progress"),
                AttributeConditions.touched(
                        KEY.keySet(),
                        Map.of(
                                "#status",
                                "status",
                                "#progress",
                                "progress",
                                "#f0",
                                "outcomeSentAt"),
                        "SET #status = :to, #progress.#f0 = :f0",
                        "#status = :from AND attribute_not_exists(#progress.#f0)"));
        assertEquals(
                Set.of("ackOutstanding", "acknowledgedAt"),
                AttributeConditions.touched(
                        Set.of(),
                        Map.of(),
                        "REMOVE ackOutstanding SET acknowledgedAt = :at",
                        "attribute_exists(ackOutstanding)"));
    }

    @Test
    void theTemplateLimitsApplicationUpdatesToStepsAndAcknowledgements() {
        Set<String> allowed = AttributeConditions.limits().get("ApplicationsTable");
        assertEquals(
                Set.of(
                        "roleId",
                        "applicantKey",
                        "status",
                        "progress",
                        "ackOutstanding",
                        "acknowledgedAt",
                        "bookingReminder",
                        "bookingReminderAt",
                        "retention",
                        "retentionFrom",
                        "outcomeAwaited",
                        "talkFirstHeld",
                        "supportWaiting",
                        "applications",
                        "counted",
                        "data"),
                allowed);
    }

    /**
     * An application's answers ({@code data}) are as sent: the one function allowed to rewrite them is the data
     * protection function, which replaces an erased referee's details with a note.
     */
    @Test
    @SuppressWarnings("unchecked")
    void onlyTheDataProtectionFunctionMayRewriteAnApplicationsAnswers() {
        Map<String, Object> resources =
                (Map<String, Object>) AttributeConditions.template().get("Resources");
        java.util.Set<String> rewriting = new java.util.TreeSet<>();
        resources.forEach(
                (name, r) -> {
                    Map<String, Object> resource = (Map<String, Object>) r;
                    if (!"AWS::Serverless::Function".equals(resource.get("Type"))) return;
                    Map<String, Object> p = (Map<String, Object>) resource.get("Properties");
                    for (Object policy :
                            (java.util.List<Object>)
                                    p.getOrDefault("Policies", java.util.List.of())) {
                        if (!(policy instanceof Map<?, ?> m)
                                || !(m.get("Statement") instanceof java.util.List<?> sts)) continue;
                        for (Object st : sts)
                            if (String.valueOf(st).contains("ApplicationsTable.Arn")
                                    && ((Map<String, Object>) st).get("Condition")
                                            instanceof Map<?, ?> condition
                                    && condition.get("ForAllValues:StringEquals")
                                            instanceof Map<?, ?> forAll
                                    && forAll.get("dynamodb:Attributes")
                                            instanceof java.util.List<?> attributes
                                    && attributes.contains("data")) rewriting.add(name);
                    }
                });
        assertEquals(Set.of("StaffDataProtectionFunction"), rewriting);
    }

    /**
     * A round step that tells an applicant their outcome also removes {@code outcomeAwaited} (see
     * DynamoRoundApplications#step), so every function allowed to move applications on (to change their status) must
     * be allowed that attribute too, or IAM would refuse its telling step: a function added later included.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyFunctionThatMovesApplicationsOnMayTakeThemOutOfTheAwaitingOutcomeIndex() {
        Map<String, Object> resources =
                (Map<String, Object>) AttributeConditions.template().get("Resources");
        java.util.List<String> checked = new java.util.ArrayList<>();
        resources.forEach(
                (name, r) -> {
                    Map<String, Object> resource = (Map<String, Object>) r;
                    if (!"AWS::Serverless::Function".equals(resource.get("Type"))) return;
                    Map<String, Object> p = (Map<String, Object>) resource.get("Properties");
                    for (Object policy :
                            (java.util.List<Object>)
                                    p.getOrDefault("Policies", java.util.List.of())) {
                        if (!(policy instanceof Map<?, ?> m)
                                || !(m.get("Statement") instanceof java.util.List<?> sts)) continue;
                        for (Object st : sts) {
                            if (!String.valueOf(st).contains("ApplicationsTable.Arn")
                                    || !(((Map<String, Object>) st).get("Condition")
                                            instanceof Map<?, ?> condition)
                                    || !(condition.get("ForAllValues:StringEquals")
                                            instanceof Map<?, ?> forAll)
                                    || !(forAll.get("dynamodb:Attributes")
                                            instanceof java.util.List<?> attributes)) continue;
                            if (!attributes.contains("status")) continue;
                            checked.add(name);
                            assertTrue(
                                    attributes.contains("outcomeAwaited"),
                                    name
                                            + " moves applications on but may not remove outcomeAwaited");
                        }
                    }
                });
        assertTrue(checked.contains("StaffOutcomesFunction"), checked.toString());
        assertTrue(checked.contains("WithdrawalFunction"), checked.toString());
    }

    @Test
    void anUpdateOfAnAttributeNoConditionAllowsIsRefusedAsIamWouldRefuseIt() {
        AttributeConditions conditions =
                new AttributeConditions(
                        Map.of("ApplicationsTable", Set.of("roleId", "applicantKey", "status")));
        UpdateItemRequest rewrite =
                UpdateItemRequest.builder()
                        .tableName("ApplicationsTable")
                        .key(KEY)
                        .updateExpression("SET #status = :to, #data = :answers")
                        .expressionAttributeNames(Map.of("#status", "status", "#data", "data"))
                        .build();
        AssertionError refused =
                assertThrows(
                        AssertionError.class,
                        () -> conditions.beforeExecution(of(rewrite), new ExecutionAttributes()));
        assertTrue(refused.getMessage().contains("[data]"), refused.getMessage());
        UpdateItemRequest step =
                rewrite.toBuilder()
                        .updateExpression("SET #status = :to")
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .build();
        conditions.beforeExecution(of(step), new ExecutionAttributes());
        UpdateItemRequest otherTable = rewrite.toBuilder().tableName("RolesTable").build();
        conditions.beforeExecution(of(otherTable), new ExecutionAttributes());
    }

    private static Context.BeforeExecution of(Object request) {
        return InterceptorContext.builder()
                .request((software.amazon.awssdk.core.SdkRequest) request)
                .build();
    }
}

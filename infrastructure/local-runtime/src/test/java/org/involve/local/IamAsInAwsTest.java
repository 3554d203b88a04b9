package org.involve.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.involve.emulators.IamGrants;
import org.involve.emulators.LocalDynamoDb;
import org.involve.emulators.SamTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** A function's DynamoDB calls locally are refused as IAM in AWS would refuse them, from its template policy. */
@LocalDynamoDb
class IamAsInAwsTest {
    private static final Map<String, AttributeValue> CONDITIONED =
            Map.of("roleId", AttributeValue.fromS("iam-test-conditions"));
    private static final Map<String, AttributeValue> ROLE =
            Map.of("roleId", AttributeValue.fromS("iam-test"));

    @TempDir Path folder;

    private void enforce() throws Exception {
        Path template = folder.resolve("template.yaml");
        Files.writeString(
                template,
                """
                Resources:
                  ApplicationsTable:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      AttributeDefinitions:
                        - {AttributeName: roleId, AttributeType: S}
                        - {AttributeName: applicantKey, AttributeType: S}
                      KeySchema:
                        - {AttributeName: roleId, KeyType: HASH}
                        - {AttributeName: applicantKey, KeyType: RANGE}
                  RoleReaderFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: org.example.Reader::handleRequest
                      Policies:
                        - Statement:
                            - Effect: Allow
                              Action: [dynamodb:GetItem]
                              Resource: !GetAtt RolesTable.Arn
                            - Effect: Allow
                              Action: dynamodb:Query
                              Resource: !Sub '${RolesTable.Arn}/index/ByStatusAndClosingTime'
                            - Effect: Allow
                              Action: [s3:GetObject]
                              Resource: '*'
                            - Effect: Allow
                              Action: [dynamodb:UpdateItem]
                              Resource: !GetAtt RolesTable.Arn
                              Condition:
                                ForAllValues:StringEquals:
                                  dynamodb:Attributes: [roleId, status]
                                StringEqualsIfExists:
                                  dynamodb:ReturnValues: [NONE]
                            - Effect: Allow
                              Action: [dynamodb:GetItem]
                              Resource: !GetAtt ApplicationsTable.Arn
                              Condition:
                                ForAllValues:StringEquals:
                                  dynamodb:LeadingKeys: ['#counts']
                """);
        IamAsInAws.enforce(IamGrants.of(SamTemplate.load(template)));
    }

    @AfterEach
    void stopEnforcing() {
        IamAsInAws.enforce(null);
    }

    private static void assertRefused(Runnable call) {
        DynamoDbException refused =
                assertThrows(
                        DynamoDbException.class,
                        () ->
                                IamAsInAws.as(
                                        "RoleReaderFunction",
                                        () -> {
                                            call.run();
                                            return null;
                                        }));
        assertEquals("AccessDeniedException", refused.awsErrorDetails().errorCode());
        assertTrue(
                refused.getMessage().contains("RoleReaderFunction is not allowed"),
                refused.getMessage());
    }

    @Test
    void whatThePolicyGrantsIsAnsweredAndNothingElse(DynamoDbClient dynamo) throws Exception {
        enforce();
        IamAsInAws.as(
                "RoleReaderFunction",
                () -> dynamo.getItem(r -> r.tableName("RolesTable").key(ROLE)));
        IamAsInAws.as(
                "RoleReaderFunction",
                () ->
                        dynamo.query(
                                r ->
                                        r.tableName("RolesTable")
                                                .indexName("ByStatusAndClosingTime")
                                                .keyConditionExpression("#s = :s")
                                                .expressionAttributeNames(Map.of("#s", "status"))
                                                .expressionAttributeValues(
                                                        Map.of(
                                                                ":s",
                                                                AttributeValue.fromS("OPEN")))));

        assertRefused(() -> dynamo.putItem(r -> r.tableName("RolesTable").item(ROLE)));
        assertFalse(
                dynamo.getItem(r -> r.tableName("RolesTable").key(ROLE)).hasItem(),
                "nothing written");
        // A grant on an index is not a grant on its table, nor on another table.
        assertRefused(
                () ->
                        dynamo.query(
                                r ->
                                        r.tableName("RolesTable")
                                                .keyConditionExpression("roleId = :r")
                                                .expressionAttributeValues(
                                                        Map.of(":r", AttributeValue.fromS("x")))));
        assertRefused(
                () ->
                        dynamo.getItem(
                                r ->
                                        r.tableName("DraftsTable")
                                                .key(
                                                        Map.of(
                                                                "draftId",
                                                                AttributeValue.fromS("x")))));
        // A transaction needs each of its parts' own actions.
        assertRefused(
                () ->
                        dynamo.transactWriteItems(
                                r ->
                                        r.transactItems(
                                                t ->
                                                        t.put(
                                                                p ->
                                                                        p.tableName("RolesTable")
                                                                                .item(ROLE)))));
    }

    @Test
    void theConditionsOfAStatementLimitWhatItAllows(DynamoDbClient dynamo) throws Exception {
        enforce();
        IamAsInAws.as(
                "RoleReaderFunction",
                () ->
                        dynamo.updateItem(
                                r ->
                                        r.tableName("RolesTable")
                                                .key(CONDITIONED)
                                                .updateExpression("SET #s = :s")
                                                .expressionAttributeNames(Map.of("#s", "status"))
                                                .expressionAttributeValues(
                                                        Map.of(
                                                                ":s",
                                                                AttributeValue.fromS("DRAFT")))));
        // An attribute the condition does not list, and ReturnValues it does not allow.
        assertRefused(
                () ->
                        dynamo.updateItem(
                                r ->
                                        r.tableName("RolesTable")
                                                .key(CONDITIONED)
                                                .updateExpression("SET title = :t")
                                                .expressionAttributeValues(
                                                        Map.of(":t", AttributeValue.fromS("x")))));
        assertRefused(
                () ->
                        dynamo.updateItem(
                                r ->
                                        r.tableName("RolesTable")
                                                .key(CONDITIONED)
                                                .updateExpression("SET #s = :s")
                                                .expressionAttributeNames(Map.of("#s", "status"))
                                                .expressionAttributeValues(
                                                        Map.of(":s", AttributeValue.fromS("DRAFT")))
                                                .returnValues("ALL_OLD")));
        // Only the items whose partition key the condition names.
        Map<String, AttributeValue> counts =
                Map.of(
                        "roleId",
                        AttributeValue.fromS("#counts"),
                        "applicantKey",
                        AttributeValue.fromS("r1"));
        IamAsInAws.as(
                "RoleReaderFunction",
                () -> dynamo.getItem(r -> r.tableName("ApplicationsTable").key(counts)));
        assertRefused(
                () ->
                        dynamo.getItem(
                                r ->
                                        r.tableName("ApplicationsTable")
                                                .key(
                                                        Map.of(
                                                                "roleId",
                                                                AttributeValue.fromS("r1"),
                                                                "applicantKey",
                                                                AttributeValue.fromS("a")))));
    }

    @Test
    void onlyCallsMadeWhileAFunctionRunsAreCheckedIncludingOnThreadsItStarts(DynamoDbClient dynamo)
            throws Exception {
        enforce();
        dynamo.putItem(r -> r.tableName("RolesTable").item(ROLE)); // the runtime's own set-up
        dynamo.deleteItem(r -> r.tableName("RolesTable").key(ROLE));

        AtomicReference<Throwable> onThread = new AtomicReference<>();
        IamAsInAws.as(
                "RoleReaderFunction",
                () -> {
                    Thread t =
                            new Thread(
                                    () -> {
                                        try {
                                            dynamo.putItem(
                                                    r -> r.tableName("RolesTable").item(ROLE));
                                        } catch (Throwable e) {
                                            onThread.set(e);
                                        }
                                    });
                    t.start();
                    t.join();
                    return null;
                });
        assertTrue(onThread.get() instanceof DynamoDbException, String.valueOf(onThread.get()));
    }

    /** The template's own grants: the calculator reads a partner's earlier payments before paying a claim. */
    @Test
    void theTemplateGrantsThePaymentCalculatorItsReadOfEarlierPayments() {
        IamGrants grants = IamGrants.of(SamTemplate.loadFromWorkingDirectory());
        assertEquals(
                Optional.empty(),
                grants.refusal(
                        "PaymentCalculatorFunction",
                        "dynamodb:Query",
                        "PaymentsTable/index/ByAppointment"));
        assertTrue(
                grants.refusal("PaymentCalculatorFunction", "dynamodb:Scan", "PaymentsTable")
                        .isPresent());
        // The roles list and the applications overview read every role's count in one batch.
        for (String f : List.of("StaffRolesFunction", "StaffApplicationsFunction"))
            assertEquals(
                    Optional.empty(),
                    grants.refusal(f, "dynamodb:BatchGetItem", "ApplicationsTable"),
                    f);
        // SAM's SQSSendMessagePolicy, and a secret by !Ref.
        assertEquals(
                Optional.empty(),
                grants.refusal("PaymentsSweepFunction", "sqs:SendMessage", "PaymentsQueue"));
        assertTrue(
                grants.refusal("PaymentsSweepFunction", "sqs:SendMessage", "MailQueue")
                        .isPresent());
        assertEquals(
                Optional.empty(),
                grants.refusal(
                        "PublicSiteFunction",
                        "secretsmanager:GetSecretValue",
                        "ApplicantLinksKeySecret"));
    }
}

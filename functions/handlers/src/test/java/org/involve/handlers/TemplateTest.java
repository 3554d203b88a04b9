package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * template.yaml keeps its promises: every handler it names exists as Lambda expects, every table is encrypted
 * and recoverable, every queue has a dead-letter queue, every function keeps logs for a set time, and each
 * function's policy grants only what it needs - above all, only the monitoring form can touch the monitoring table.
 */
class TemplateTest {
    private static final Map<String, Object> TEMPLATE = load();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resources() {
        return (Map<String, Object>) TEMPLATE.get("Resources");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> props(String logicalId) {
        return (Map<String, Object>)
                ((Map<String, Object>) resources().get(logicalId)).get("Properties");
    }

    private static List<String> ofType(String type) {
        return resources().entrySet().stream()
                .filter(e -> type.equals(((Map<?, ?>) e.getValue()).get("Type")))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    @Test
    void everyFunctionsHandlerIsAPublicClassWithANoArgumentConstructor() throws Exception {
        for (String fn : ofType("AWS::Serverless::Function")) {
            String handler = (String) props(fn).get("Handler");
            Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")));
            assertTrue(Modifier.isPublic(type.getModifiers()), fn);
            assertNotNull(
                    type.getConstructor(), fn + " needs a no-argument constructor for Lambda");
            assertTrue(
                    java.util.Arrays.stream(type.getMethods())
                            .anyMatch(m -> m.getName().equals("handleRequest")),
                    fn);
        }
    }

    @Test
    void everyTableIsOnDemandEncryptedAndRecoverable() {
        for (String table : ofType("AWS::DynamoDB::Table")) {
            Map<String, Object> p = props(table);
            assertEquals("PAY_PER_REQUEST", p.get("BillingMode"), table);
            assertEquals(true, ((Map<?, ?>) p.get("SSESpecification")).get("SSEEnabled"), table);
            assertEquals(
                    true,
                    ((Map<?, ?>) p.get("PointInTimeRecoverySpecification"))
                            .get("PointInTimeRecoveryEnabled"),
                    table);
        }
    }

    @Test
    void everyQueueHasADeadLetterQueue() {
        List<String> queues = ofType("AWS::SQS::Queue");
        List<String> deadLetter = new ArrayList<>();
        for (String q : queues) {
            Object redrive = props(q).get("RedrivePolicy");
            if (redrive != null)
                deadLetter.add(String.valueOf(((Map<?, ?>) redrive).get("deadLetterTargetArn")));
        }
        for (String q : queues) {
            boolean isDeadLetter = deadLetter.stream().anyMatch(arn -> arn.contains(q + "."));
            assertTrue(
                    isDeadLetter || props(q).get("RedrivePolicy") != null,
                    q + " has no dead-letter queue");
        }
    }

    @Test
    void everyFunctionHasALogGroupWithRetention() {
        List<String> logGroups =
                ofType("AWS::Logs::LogGroup").stream()
                        .map(lg -> String.valueOf(props(lg).get("LogGroupName")))
                        .toList();
        for (String fn : ofType("AWS::Serverless::Function")) {
            assertTrue(
                    logGroups.stream().anyMatch(name -> name.contains("${" + fn + "}")),
                    fn + " has no log group with retention");
        }
        ofType("AWS::Logs::LogGroup")
                .forEach(lg -> assertNotNull(props(lg).get("RetentionInDays"), lg));
    }

    @Test
    void onlyTheMonitoringFormCanTouchTheMonitoringTableAndOnlyToAddAnswers() {
        for (String fn : ofType("AWS::Serverless::Function")) {
            String policies = String.valueOf(props(fn).get("Policies"));
            String env = String.valueOf(props(fn).get("Environment"));
            if (fn.equals("MonitoringFormFunction")) {
                assertTrue(policies.contains("MonitoringTable"));
                assertEquals(List.of("dynamodb:PutItem"), actionsOn(fn, "MonitoringTable"));
            } else {
                assertFalse(
                        policies.contains("MonitoringTable"),
                        fn + " can reach the monitoring table");
                assertFalse(
                        env.contains("MonitoringTable"),
                        fn + " is told where the monitoring table is");
            }
        }
    }

    @Test
    void noFunctionMayScanOrDeleteTables() {
        for (String fn : ofType("AWS::Serverless::Function")) {
            String policies = String.valueOf(props(fn).get("Policies"));
            assertFalse(policies.contains("dynamodb:Scan"), fn);
            assertFalse(policies.contains("dynamodb:*"), fn);
            assertFalse(
                    policies.contains("DynamoDBCrudPolicy"), fn + " uses a broad policy template");
            assertFalse(policies.contains("dynamodb:DeleteTable"), fn);
        }
    }

    @Test
    void thePublicSiteCannotSendMailItselfAndOnlyAddsToTheOutbox() {
        assertEquals(List.of("dynamodb:PutItem"), actionsOn("PublicSiteFunction", "OutboxTable"));
        assertFalse(String.valueOf(props("PublicSiteFunction").get("Policies")).contains("ses:"));
    }

    @Test
    void onlyTheMailersSendMailAndOnlyFromTheServiceAddress() {
        for (String fn : ofType("AWS::Serverless::Function")) {
            String policies = String.valueOf(props(fn).get("Policies"));
            boolean mailer = Set.of("MailerFunction", "OutboxSweepFunction").contains(fn);
            assertEquals(mailer, policies.contains("ses:SendEmail"), fn);
            if (mailer)
                assertTrue(policies.contains("ses:FromAddress"), fn + " may send from any address");
        }
    }

    @Test
    void theMailerTakesBatchesAndReportsSingleFailures() {
        Map<?, ?> event =
                (Map<?, ?>)
                        ((Map<?, ?>) props("MailerFunction").get("Events")).get("MailAnnounced");
        Map<?, ?> p = (Map<?, ?>) event.get("Properties");
        assertEquals(10, p.get("BatchSize"));
        assertEquals(List.of("ReportBatchItemFailures"), p.get("FunctionResponseTypes"));
    }

    @Test
    void theAuditTrailCanOnlyBeAddedTo() {
        Set<String> rewriting =
                Set.of(
                        "dynamodb:UpdateItem",
                        "dynamodb:DeleteItem",
                        "dynamodb:BatchWriteItem",
                        "dynamodb:PartiQLUpdate",
                        "dynamodb:PartiQLDelete",
                        "dynamodb:PartiQLInsert");
        for (String fn : ofType("AWS::Serverless::Function")) {
            assertTrue(
                    actionsOn(fn, "AuditTable").stream().noneMatch(rewriting::contains),
                    fn + " can change or delete audit entries");
        }
        assertEquals(List.of("dynamodb:PutItem"), actionsOn("ClosingJobFunction", "AuditTable"));
    }

    /** The application pages read and move applications on, add e-mails and audit entries, and can delete nothing. */
    @Test
    void theApplicationPagesCanChangeApplicationsButDeleteNothing() {
        assertEquals(
                List.of(
                        "dynamodb:Query",
                        "dynamodb:GetItem",
                        "dynamodb:PutItem",
                        "dynamodb:UpdateItem",
                        "dynamodb:Query"),
                actionsOn("StaffApplicationsFunction", "ApplicationsTable"));
        assertEquals(
                List.of("dynamodb:GetItem", "dynamodb:Query"),
                actionsOn("StaffApplicationsFunction", "RolesTable"));
        assertEquals(
                List.of("dynamodb:PutItem"), actionsOn("StaffApplicationsFunction", "OutboxTable"));
        assertEquals(
                List.of("dynamodb:PutItem"), actionsOn("StaffApplicationsFunction", "AuditTable"));
        assertFalse(
                String.valueOf(props("StaffApplicationsFunction").get("Policies"))
                        .contains("DraftsTable"));
    }

    @Test
    void everyScheduleKeepsUkTime() {
        for (String fn : ofType("AWS::Serverless::Function")) {
            Map<?, ?> events = (Map<?, ?>) props(fn).get("Events");
            if (events == null) continue;
            for (Object e : events.values()) {
                Map<?, ?> event = (Map<?, ?>) e;
                if (!"ScheduleV2".equals(event.get("Type"))) continue;
                assertEquals(
                        "Europe/London",
                        ((Map<?, ?>) event.get("Properties")).get("ScheduleExpressionTimezone"),
                        fn);
            }
        }
    }

    /**
     * The jobs find what is due through indexes keyed by due time: a Query is granted on an index, never on a table,
     * except where the closing job reads the role it has found due by that role's key (its applications, to prepare the
     * panel's papers) - a cost that follows the role's applications, not the table.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theScheduledJobsQueryOnlyIndexes() {
        Map<String, Set<String>> byRoleKey =
                Map.of("ClosingJobFunction", Set.of("ApplicationsTable", "ShortlistingTable"));
        for (String fn :
                List.of(
                        "ClosingJobFunction",
                        "AcknowledgementPromiseFunction",
                        "OutboxSweepFunction",
                        "InterviewReminderFunction",
                        "ReferenceReminderFunction")) {
            boolean queriesAnIndex = false;
            for (Object policy : (List<Object>) props(fn).get("Policies")) {
                if (!(policy instanceof Map<?, ?> m) || !m.containsKey("Statement")) continue;
                for (Map<String, Object> st : (List<Map<String, Object>>) m.get("Statement")) {
                    if (!((List<String>) st.get("Action")).contains("dynamodb:Query")) continue;
                    Object resource = st.get("Resource");
                    List<Object> resources =
                            resource instanceof List<?> l ? (List<Object>) l : List.of(resource);
                    for (String r : resources.stream().map(String::valueOf).toList()) {
                        if (r.contains("/index/")) {
                            queriesAnIndex = true;
                        } else if (!fn.equals("OutboxSweepFunction")) {
                            assertTrue(
                                    byRoleKey.getOrDefault(fn, Set.of()).stream()
                                            .anyMatch(r::contains),
                                    fn + " may query a table itself: " + r);
                        }
                    }
                }
            }
            assertTrue(queriesAnIndex, fn + " finds nothing through an index");
        }
    }

    /**
     * The panel's function reads papers and scores only: never applications (names, contacts), monitoring answers or the
     * audit trail, which it may only append to (a declared conflict of interest is audited).
     */
    @Test
    void thePanelsFunctionCannotReachApplicationsMonitoringOrReadTheAuditTrail() {
        String fn = "StaffShortlistingFunction";
        String policies = String.valueOf(props(fn).get("Policies"));
        assertEquals(List.of("dynamodb:PutItem"), actionsOn(fn, "AuditTable"));
        for (String table :
                List.of("ApplicationsTable", "MonitoringTable", "DraftsTable", "UsedLinksTable"))
            assertFalse(policies.contains(table), fn + " can reach " + table);
        assertFalse(
                String.valueOf(props(fn).get("Environment")).contains("TOKEN_SIGNING_KEY"),
                "the panel cannot work anonymous ids back");
        assertEquals(
                List.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem"),
                actionsOn(fn, "ShortlistingTable"));
        assertEquals(List.of("dynamodb:PutItem"), actionsOn(fn, "OutboxTable"));
    }

    @Test
    void onlyShortlistingAndTheClosingJobTouchTheShortlistingTable() {
        Set<String> allowed =
                Set.of("StaffShortlistingFunction", "StaffShortlistFunction", "ClosingJobFunction");
        for (String fn : ofType("AWS::Serverless::Function")) {
            assertEquals(
                    allowed.contains(fn),
                    String.valueOf(props(fn).get("Policies")).contains("ShortlistingTable"),
                    fn);
        }
    }

    /**
     * The interview functions: the booking page spends links and books slots but cannot delete or scan anything nor read
     * the links table; the reminder job only queries its index, marks slots reminded and reads what it needs to write.
     */
    @Test
    void theInterviewFunctionsGetOnlyWhatTheirStepsWrite() {
        assertEquals(
                List.of("dynamodb:PutItem"),
                actionsOn("InterviewBookingFunction", "UsedLinksTable"));
        assertEquals(
                List.of("dynamodb:Query", "dynamodb:UpdateItem"),
                actionsOn("InterviewBookingFunction", "InterviewSlotsTable"));
        assertEquals(
                List.of("dynamodb:Query", "dynamodb:UpdateItem"),
                actionsOn("InterviewReminderFunction", "InterviewSlotsTable"));
        // Reads the application reminded; moves an invitee out of the reminder-to-book index (an
        // update) as it writes that
        // reminder, finding them through that index.
        assertEquals(
                List.of("dynamodb:Query", "dynamodb:GetItem", "dynamodb:UpdateItem"),
                actionsOn("InterviewReminderFunction", "ApplicationsTable"));
        for (String fn :
                List.of(
                        "StaffInterviewsFunction",
                        "InterviewBookingFunction",
                        "InterviewReminderFunction")) {
            assertEquals(List.of("dynamodb:PutItem"), actionsOn(fn, "OutboxTable"), fn);
            assertTrue(
                    actionsOn(fn, "ApplicationsTable").stream()
                            .noneMatch(
                                    a ->
                                            a.equals("dynamodb:PutItem")
                                                    || a.equals("dynamodb:DeleteItem")),
                    fn);
        }
        assertTrue(
                actionsOn("StaffInterviewsFunction", "UsedLinksTable").isEmpty(),
                "staff book by telephone without a link");
        assertTrue(
                String.valueOf(props("InterviewBookingFunction").get("Events"))
                        .contains("/interview/{token}"));
    }

    /** The DynamoDB actions a function's inline statements allow on one table (and its indexes). */
    @SuppressWarnings("unchecked")
    private static List<String> actionsOn(String fn, String table) {
        List<String> actions = new ArrayList<>();
        for (Object policy : (List<Object>) props(fn).getOrDefault("Policies", List.of())) {
            if (!(policy instanceof Map<?, ?> m) || !m.containsKey("Statement")) continue;
            for (Map<String, Object> st : (List<Map<String, Object>>) m.get("Statement")) {
                if (String.valueOf(st.get("Resource")).contains(table))
                    actions.addAll((List<String>) st.get("Action"));
            }
        }
        return actions;
    }

    /** template.yaml as plain maps and lists, for other tests of what it declares. */
    static Map<String, Object> template() {
        return TEMPLATE;
    }

    private static Map<String, Object> load() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("template.yaml"))) dir = dir.getParent();
        try {
            return new Yaml(new CloudFormationTags())
                    .load(Files.readString(dir.resolve("template.yaml")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Reads CloudFormation's short tags (!Ref, !GetAtt, !Sub ...) as plain maps, enough to inspect references. */
    private static final class CloudFormationTags extends SafeConstructor {
        CloudFormationTags() {
            super(new LoaderOptions());
            for (String tag :
                    List.of(
                            "Ref",
                            "GetAtt",
                            "Sub",
                            "Join",
                            "If",
                            "Equals",
                            "Select",
                            "Split",
                            "FindInMap",
                            "ImportValue",
                            "Not",
                            "And",
                            "Or")) {
                this.yamlConstructors.put(
                        new Tag("!" + tag),
                        new AbstractConstruct() {
                            @Override
                            public Object construct(Node node) {
                                Object value =
                                        node instanceof ScalarNode s
                                                ? s.getValue()
                                                : node instanceof SequenceNode q
                                                        ? constructSequence(q)
                                                        : constructMapping(
                                                                (org.yaml.snakeyaml.nodes
                                                                                .MappingNode)
                                                                        node);
                                return Map.of(tag.equals("Ref") ? "Ref" : "Fn::" + tag, value);
                            }
                        });
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> httpApiEvents(String fn) {
        Map<String, Map<String, Object>> found = new java.util.LinkedHashMap<>();
        Map<String, Object> events = (Map<String, Object>) props(fn).get("Events");
        if (events == null) return found;
        events.forEach(
                (name, body) -> {
                    Map<String, Object> e = (Map<String, Object>) body;
                    if ("HttpApi".equals(e.get("Type")))
                        found.put(fn + "." + name, (Map<String, Object>) e.get("Properties"));
                });
        return found;
    }

    @Test
    void everyStaffRouteButSignInHasTheStaffSessionAuthorizer() {
        Set<String> open = Set.of("/staff/sign-in", "/staff/callback", "/staff/sign-out");
        int staffRoutes = 0;
        for (String fn : ofType("AWS::Serverless::Function")) {
            for (var e : httpApiEvents(fn).entrySet()) {
                String path = String.valueOf(e.getValue().get("Path"));
                if (!(path.equals("/staff") || path.startsWith("/staff/"))) continue;
                staffRoutes++;
                Object auth = e.getValue().get("Auth");
                String authorizer =
                        auth == null ? null : String.valueOf(((Map<?, ?>) auth).get("Authorizer"));
                if (open.contains(path)) {
                    assertTrue(
                            authorizer == null || authorizer.equals("NONE"),
                            e.getKey() + " must be reachable before signing in");
                } else {
                    assertEquals(
                            "StaffSession",
                            authorizer,
                            e.getKey() + " " + path + " has no StaffSession authorizer");
                }
            }
        }
        assertTrue(staffRoutes >= 5);
        @SuppressWarnings("unchecked")
        Map<String, Object> api =
                (Map<String, Object>)
                        ((Map<String, Object>) props("InvolveHttpApi").get("Auth"))
                                .get("Authorizers");
        assertEquals(Set.of("StaffJwt", "StaffSession"), api.keySet());
        assertNotNull(api.get("StaffSession"));
        assertEquals(true, ((Map<?, ?>) api.get("StaffSession")).get("EnableSimpleResponses"));
    }

    @Test
    void theSessionAuthorizerReadsNoTableAndIsToldOnlyWhomToTrust() {
        Map<String, Object> p = props("StaffSessionAuthorizerFunction");
        assertEquals(
                null, p.get("Policies"), "the authorizer needs no permissions beyond its logs");
        assertTrue(httpApiEvents("StaffSessionAuthorizerFunction").isEmpty());
        String env = String.valueOf(p.get("Environment"));
        for (String table : ofType("AWS::DynamoDB::Table"))
            assertFalse(env.contains(table), "the authorizer is told where " + table + " is");
        assertTrue(
                env.contains("STAFF_TOKEN_ISSUER")
                        && env.contains("STAFF_TOKEN_AUDIENCE")
                        && env.contains("STAFF_JWKS_URL"));
    }

    @Test
    void thereAreStaffPanelAndFinanceGroupsAndACodeFlowClient() {
        List<String> groups =
                ofType("AWS::Cognito::UserPoolGroup").stream()
                        .map(g -> String.valueOf(props(g).get("GroupName")))
                        .sorted()
                        .toList();
        assertEquals(List.of("finance", "panel", "staff"), groups);
        Map<String, Object> client = props("StaffUserPoolClient");
        assertEquals(List.of("code"), client.get("AllowedOAuthFlows"));
        assertEquals(false, client.get("GenerateSecret"));
        assertTrue(String.valueOf(client.get("CallbackURLs")).contains("/staff/callback"));
    }
}

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
import java.util.stream.Stream;
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
    private static final Map<String, Object> TEMPLATE = load("template.yaml");

    /** The nested stack of alarms and the dashboard (the Operations resource), see {@link #operationsParameters}. */
    private static final Map<String, Object> OPERATIONS = load("operations.yaml");

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

    /**
     * The form only adds answers; only the equality report reads them (and changes nothing), and the data protection
     * function finds or erases one application's answers for the person they are about; no other function can reach
     * the table or is told where it is.
     */
    @Test
    void onlyTheMonitoringFormAddsAnswersAndOnlyTheEqualityReportReadsThem() {
        for (String fn : ofType("AWS::Serverless::Function")) {
            String policies = String.valueOf(props(fn).get("Policies"));
            String env = String.valueOf(props(fn).get("Environment"));
            if (fn.equals("MonitoringFormFunction") || fn.equals("StaffMonitoringEntryFunction")) {
                // The form, and staff outside the panel entering answers given by telephone or on
                // paper: it adds answers, and in the same transaction checks the retention job's
                // marker is not there, naming the key alone and asking for nothing back.
                assertTrue(policies.contains("MonitoringTable"));
                assertEquals(
                        List.of("dynamodb:PutItem", "dynamodb:ConditionCheckItem"),
                        actionsOn(fn, "MonitoringTable"));
                for (Grant g : grants(fn))
                    if (g.on("MonitoringTable") && g.allows("dynamodb:ConditionCheckItem"))
                        assertEquals(
                                "{ForAllValues:StringEquals={dynamodb:Attributes=[roleId,"
                                        + " answerKey]},"
                                        + " StringEqualsIfExists={dynamodb:ReturnValues=[NONE]}}",
                                String.valueOf(g.condition()),
                                fn + " " + g.sid());
                // The role's status, to close the form once its round is over.
                assertTrue(actionsOn(fn, "RolesTable").contains("dynamodb:ConditionCheckItem"), fn);
            } else if (fn.equals("StaffDataProtectionFunction")) {
                // One application's answers, for the person's subject access request or erasure.
                assertEquals(
                        List.of("dynamodb:GetItem", "dynamodb:DeleteItem"),
                        actionsOn(fn, "MonitoringTable"));
            } else if (fn.equals("StaffEqualityFunction")) {
                assertEquals(
                        List.of("dynamodb:Query", "dynamodb:GetItem"),
                        actionsOn(fn, "MonitoringTable"));
            } else if (fn.equals("RetentionJobFunction")) {
                // A role's answers all together, by key: it may delete, never read an answer.
                assertEquals(
                        List.of("dynamodb:Query", "dynamodb:DeleteItem", "dynamodb:PutItem"),
                        actionsOn(fn, "MonitoringTable"));
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

    /**
     * The monitoring key finds an application's answers: only the form (to write), the equality report (to read) and
     * the data protection function (one person's answers, to show or erase them) hold it, so nobody else holding both
     * tables can join them.
     */
    @Test
    void onlyTheMonitoringFormAndTheEqualityReportHoldTheMonitoringKey() {
        Set<String> holders = new java.util.TreeSet<>();
        for (String fn : ofType("AWS::Serverless::Function"))
            if (String.valueOf(props(fn).get("Environment"))
                    .contains("MONITORING_ANSWERS_KEY_SECRET")) holders.add(fn);
        assertEquals(
                Set.of(
                        "MonitoringFormFunction",
                        "StaffMonitoringEntryFunction",
                        "StaffEqualityFunction",
                        "StaffDataProtectionFunction"),
                holders);
        assertTrue(
                String.valueOf(props("StaffEqualityFunction").get("Environment"))
                        .contains("MonitoringKeySecret"));
    }

    /**
     * The monitoring short codes: the functions that store applications only issue them (PutItem, no monitoring key);
     * only the two that record answers with a code read them, and those read no application. So no function holds a
     * code's entry, the monitoring key and the applications together.
     */
    @Test
    void monitoringCodesAreIssuedWithApplicationsAndReadOnlyWhereNoApplicationIs() {
        Set<String> readers = new java.util.TreeSet<>(), issuers = new java.util.TreeSet<>();
        for (String fn : ofType("AWS::Serverless::Function")) {
            List<String> actions = actionsOn(fn, "MonitoringCodesTable");
            if (actions.isEmpty()) continue;
            if (actions.equals(List.of("dynamodb:PutItem"))) issuers.add(fn);
            else {
                assertEquals(List.of("dynamodb:GetItem", "dynamodb:UpdateItem"), actions, fn);
                readers.add(fn);
                assertEquals(List.of(), actionsOn(fn, "ApplicationsTable"), fn);
            }
        }
        assertEquals(Set.of("PublicSiteFunction", "StaffApplicationsFunction"), issuers);
        assertEquals(Set.of("MonitoringFormFunction", "StaffMonitoringEntryFunction"), readers);
        for (String fn : issuers)
            assertFalse(
                    String.valueOf(props(fn).get("Environment"))
                            .contains("MONITORING_ANSWERS_KEY_SECRET"),
                    fn);
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

    /** Deleting is allowed only to the retention job and to erasure (issue 11). */
    private static final Set<String> MAY_DELETE =
            Set.of("RetentionJobFunction", "StaffDataProtectionFunction");

    /**
     * Three narrow deletes of a function's own working records, each on one table, none of them records the retention
     * periods cover (they make less kept, never more): a refused applicant's draft is deleted at once rather than kept
     * for the draft period; a person no longer in the panel group is forgotten; a free interview time staff remove
     * (only while nobody has booked it).
     */
    private static final Map<String, String> OWN_WORKING_DELETES =
            Map.of(
                    "PublicSiteFunction", "DraftsTable",
                    "StaffSignInFunction", "PanelGroupTable",
                    "StaffInterviewsFunction", "InterviewSlotsTable");

    /** Each grant that lets a function delete items when it should not, policy templates expanded. */
    private static List<String> deleteProblems(List<Grant> grants) {
        List<String> problems = new ArrayList<>();
        for (Grant g : grants) {
            boolean deletes =
                    Stream.of(
                                    "dynamodb:DeleteItem",
                                    "dynamodb:BatchWriteItem",
                                    "dynamodb:PartiQLDelete")
                            .anyMatch(g::allows);
            if (!deletes || MAY_DELETE.contains(g.fn())) continue;
            String own = OWN_WORKING_DELETES.get(g.fn());
            if (own == null || g.resources().size() != 1 || !g.on(own))
                problems.add(g.fn() + " may delete (" + g.sid() + " on " + g.resources() + ")");
        }
        return problems;
    }

    /**
     * Payment records are kept for tax law: erasure finds a partner's claims and payment records by their
     * ByAppointment indexes, deletes claims not approved and only updates (restricts) approved claims and payment
     * records; nothing but the retention job may delete a payment record.
     */
    @Test
    void erasureKeepsPaymentRecordsRestrictedAndNeverDeletesThem() {
        assertEquals(
                List.of("dynamodb:Query", "dynamodb:UpdateItem"),
                actionsOn("StaffDataProtectionFunction", "PaymentsTable"));
        assertEquals(
                List.of("dynamodb:Query", "dynamodb:DeleteItem", "dynamodb:UpdateItem"),
                actionsOn("StaffDataProtectionFunction", "ClaimsTable"));
        for (Grant g : grants("StaffDataProtectionFunction"))
            if (g.on("ClaimsTable") && g.allows("dynamodb:UpdateItem"))
                assertTrue(
                        String.valueOf(g.condition())
                                .contains("restricted, restrictedOn, mayGoOn]"),
                        g.sid() + " may change more than the restriction");
        for (Grant g : allGrants())
            if (g.on("PaymentsTable") && !g.fn().equals("RetentionJobFunction"))
                assertFalse(g.allows("dynamodb:DeleteItem"), g.fn() + " may delete payments");
        String env = String.valueOf(props("StaffDataProtectionFunction").get("Environment"));
        assertTrue(env.contains("CLAIMS_TABLE") && env.contains("PAYMENTS_TABLE"), env);
    }

    @Test
    void onlyTheRetentionJobAndErasureMayDelete() {
        assertEquals(List.of(), deleteProblems(allGrants()));
        assertTrue(
                grants("RetentionJobFunction").stream()
                        .anyMatch(
                                g -> g.allows("dynamodb:DeleteItem") && g.on("ApplicationsTable")));
        // The check can fail: a policy template that deletes, or a delete beyond a function's own
        // working table.
        assertEquals(
                1,
                deleteProblems(
                                grantsOf(
                                        "StaffOutcomesFunction",
                                        List.of(
                                                Map.of(
                                                        "DynamoDBCrudPolicy",
                                                        Map.of("TableName", "ApplicationsTable")))))
                        .size());
        assertEquals(
                1,
                deleteProblems(
                                grantsOf(
                                        "PublicSiteFunction",
                                        List.of(
                                                Map.of(
                                                        "Statement",
                                                        List.of(
                                                                Map.of(
                                                                        "Effect",
                                                                        "Allow",
                                                                        "Action",
                                                                        List.of(
                                                                                "dynamodb:BatchWriteItem"),
                                                                        "Resource",
                                                                        "ApplicationsTable"))))))
                        .size());
    }

    /**
     * The retention job: the retention indexes (queries, never a scan), deletes on the tables what it deletes lives in,
     * one update on the outbox (a sent e-mail's text), append-only audit; nothing else, no mail, no monitoring answers.
     */
    @Test
    void theRetentionJobReadsOnlyWhatIsDueAndDeletesOnlyWhereItMust() {
        // UpdateItem: only the roles' counts of applications (see
        // everyCountOfApplicationsIsChangedOnlyInItsPartition).
        assertEquals(
                List.of(
                        "dynamodb:UpdateItem",
                        "dynamodb:Query",
                        "dynamodb:GetItem",
                        "dynamodb:DeleteItem"),
                actionsOn("RetentionJobFunction", "ApplicationsTable"));
        assertEquals(
                List.of("dynamodb:Query", "dynamodb:DeleteItem"),
                actionsOn("RetentionJobFunction", "PartnersTable"));
        assertTrue(
                grants("RetentionJobFunction").stream()
                        .filter(
                                g ->
                                        (g.on("ApplicationsTable") || g.on("PartnersTable"))
                                                && g.allows("dynamodb:Query"))
                        .allMatch(
                                g ->
                                        g.resources().stream()
                                                .allMatch(
                                                        r ->
                                                                r.contains("/index/RetentionByDay")
                                                                        // A due partner's own
                                                                        // check-ins and reviews.
                                                                        || r.contains(
                                                                                "/index/ByPartner"))));
        assertEquals(
                List.of("dynamodb:DeleteItem"),
                actionsOn("RetentionJobFunction", "ReferencesTable"));
        assertEquals(
                List.of("dynamodb:GetItem", "dynamodb:DeleteItem"),
                actionsOn("RetentionJobFunction", "InterviewSlotsTable"));
        assertEquals(
                List.of("dynamodb:Query", "dynamodb:DeleteItem"),
                actionsOn("RetentionJobFunction", "ShortlistingTable"));
        assertEquals(
                List.of("dynamodb:Query", "dynamodb:UpdateItem"),
                actionsOn("RetentionJobFunction", "OutboxTable"));
        assertEquals(List.of("dynamodb:PutItem"), actionsOn("RetentionJobFunction", "AuditTable"));
        // Payment records, keys only from their retention index, each deleted with its claim.
        assertEquals(
                List.of("dynamodb:Query", "dynamodb:DeleteItem"),
                actionsOn("RetentionJobFunction", "PaymentsTable"));
        assertEquals(
                List.of("dynamodb:DeleteItem"), actionsOn("RetentionJobFunction", "ClaimsTable"));
        for (Grant g : grants("RetentionJobFunction"))
            if (g.on("PaymentsTable") && g.allows("dynamodb:Query"))
                assertTrue(
                        g.resources().stream().allMatch(r -> r.contains("/index/RetentionByDay")),
                        g.sid());
        for (String table : List.of("DraftsTable", "UsedLinksTable", "PanelGroupTable"))
            assertTrue(actionsOn("RetentionJobFunction", table).isEmpty(), table);
        // Meetings: a deleted partner's attendance marks and flags (the role's meetings found by
        // ByRole).
        assertEquals(
                List.of("dynamodb:Query", "dynamodb:DeleteItem"),
                actionsOn("RetentionJobFunction", "MeetingsTable"));
        // Roles: only the sparse index of rounds that are over, and taking a role off it.
        assertEquals(
                List.of("dynamodb:Query", "dynamodb:UpdateItem"),
                actionsOn("RetentionJobFunction", "RolesTable"));
        for (Grant g : grants("RetentionJobFunction")) {
            if (g.on("RolesTable") && g.allows("dynamodb:Query"))
                assertTrue(
                        g.resources().stream().allMatch(r -> r.contains("/index/RetentionByDay")),
                        g.sid());
        }
        // Monitoring answers: deleted by key without the monitoring key. The query may return the
        // keys alone (IAM refuses one that asks for more), there is no GetItem, and the one put is
        // the marker of the day they went.
        assertFalse(
                String.valueOf(props("RetentionJobFunction").get("Environment"))
                        .contains("MONITORING_ANSWERS_KEY_SECRET"));
        List<Grant> monitoring =
                grants("RetentionJobFunction").stream()
                        .filter(g -> g.on("MonitoringTable"))
                        .toList();
        assertFalse(monitoring.isEmpty());
        for (Grant g : monitoring) {
            assertFalse(g.allows("dynamodb:GetItem") || g.allows("dynamodb:BatchGetItem"), g.sid());
            assertTrue(g.resources().stream().noneMatch(r -> r.contains("/index/")), g.sid());
            String condition = String.valueOf(g.condition());
            if (g.allows("dynamodb:Query"))
                assertEquals(
                        "{ForAllValues:StringEquals={dynamodb:Attributes=[roleId, answerKey]},"
                                + " StringEquals={dynamodb:Select=SPECIFIC_ATTRIBUTES}}",
                        condition,
                        g.sid());
            else
                assertTrue(
                        condition.contains("dynamodb:Attributes=[roleId, answerKey, deletedOn]")
                                && condition.contains("dynamodb:ReturnValues=[NONE]"),
                        g.sid() + " " + condition);
        }
        String policies = String.valueOf(props("RetentionJobFunction").get("Policies"));
        assertFalse(policies.contains("ses:") || policies.contains("sqs:"), policies);
        Map<?, ?> schedule =
                (Map<?, ?>)
                        ((Map<?, ?>)
                                        ((Map<?, ?>) props("RetentionJobFunction").get("Events"))
                                                .get("EveryNight"))
                                .get("Properties");
        assertEquals("Europe/London", schedule.get("ScheduleExpressionTimezone"));
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
                        "dynamodb:UpdateItem",
                        "dynamodb:BatchGetItem",
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
                String.valueOf(props(fn).get("Environment")).contains("PANEL_IDS_KEY_SECRET"),
                "the panel cannot work anonymous ids back");
        assertEquals(
                List.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem"),
                actionsOn(fn, "ShortlistingTable"));
        assertEquals(List.of("dynamodb:PutItem"), actionsOn(fn, "OutboxTable"));
    }

    @Test
    void onlyShortlistingTheClosingJobAndTheRetentionJobTouchTheShortlistingTable() {
        // The retention job only queries and deletes an applicant's papers when they are due (its
        // own test above).
        Set<String> allowed =
                Set.of(
                        "StaffShortlistingFunction",
                        "StaffShortlistFunction",
                        "ClosingJobFunction",
                        "RetentionJobFunction",
                        // One applicant's papers, scores and conflicts, for subject access and
                        // erasure.
                        "StaffDataProtectionFunction");
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

    /**
     * The actions a function's policy allows on one table (and its indexes), its SAM policy templates expanded: a
     * DynamoDBReadPolicy counts as the GetItem, Scan, Query, BatchGetItem and DescribeTable it grants.
     */
    private static List<String> actionsOn(String fn, String table) {
        List<String> actions = new ArrayList<>();
        for (Grant g : grants(fn)) if (g.on(table)) actions.addAll(g.actions());
        return actions;
    }

    /** template.yaml as plain maps and lists, for other tests of what it declares. */
    static Map<String, Object> template() {
        return TEMPLATE;
    }

    private static Map<String, Object> load(String file) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("template.yaml"))) dir = dir.getParent();
        try {
            return new Yaml(new CloudFormationTags()).load(Files.readString(dir.resolve(file)));
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
        Set<String> open =
                Set.of(
                        "/staff/sign-in",
                        "/staff/callback",
                        "/staff/sign-out",
                        "/staff/session-ended");
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
    void theSessionAuthorizerReadsOnlyEndedSessionsAndIsToldOnlyWhomToTrust() {
        Map<String, Object> p = props("StaffSessionAuthorizerFunction");
        assertEquals(
                "[{Statement=[{Sid=EndedSessionsRead, Effect=Allow, Action=[dynamodb:GetItem],"
                        + " Resource={Fn::GetAtt=EndedSessionsTable.Arn}}]}]",
                String.valueOf(p.get("Policies")),
                "the authorizer may read one thing: whether a session was ended by signing out");
        assertTrue(httpApiEvents("StaffSessionAuthorizerFunction").isEmpty());
        String env = String.valueOf(p.get("Environment"));
        for (String table : ofType("AWS::DynamoDB::Table"))
            if (!table.equals("EndedSessionsTable"))
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

    @Test
    void staffNeedASecondFactorAndThreatProtectionIsEnforced() {
        Map<String, Object> pool = props("StaffUserPool");
        assertEquals(
                "ON", pool.get("MfaConfiguration"), "staff MFA must be required, not optional");
        assertEquals(List.of("SOFTWARE_TOKEN_MFA"), pool.get("EnabledMfas"));
        assertEquals(
                "ENFORCED",
                ((Map<?, ?>) pool.get("UserPoolAddOns")).get("AdvancedSecurityMode"),
                "advanced security (threat protection) must block, not only audit");
        assertEquals("PLUS", pool.get("UserPoolTier"), "threat protection needs the Plus plan");
    }

    /** Abuse (issue 12, item 7): the authorizer and the mailer keep their own capacity and queues never flood them. */
    @Test
    void theAuthorizerAndMailerHaveReservedConcurrencyAndQueuePollersAreCapped() {
        for (String fn : List.of("StaffSessionAuthorizerFunction", "MailerFunction"))
            assertTrue(
                    props(fn).get("ReservedConcurrentExecutions") instanceof Integer n && n > 0,
                    fn + " has no reserved concurrency");
        int sqsSources = 0;
        for (String fn : ofType("AWS::Serverless::Function")) {
            Object events = props(fn).get("Events");
            if (!(events instanceof Map<?, ?> all)) continue;
            for (Object e : all.values()) {
                Map<?, ?> event = (Map<?, ?>) e;
                if (!"SQS".equals(event.get("Type"))) continue;
                sqsSources++;
                Map<?, ?> p = (Map<?, ?>) event.get("Properties");
                Object scaling = p.get("ScalingConfig");
                assertTrue(
                        scaling instanceof Map<?, ?> m
                                && m.get("MaximumConcurrency") instanceof Integer max
                                && max >= 2,
                        fn + "'s queue has no maximum concurrency (2 or more)");
                Object reserved = props(fn).get("ReservedConcurrentExecutions");
                if (reserved instanceof Integer r)
                    assertTrue(
                            (Integer) ((Map<?, ?>) scaling).get("MaximumConcurrency") <= r,
                            fn + " polls with more concurrency than it has reserved");
            }
        }
        assertTrue(sqsSources > 0, "no queue consumer found: the check looked at nothing");
    }

    /** Bounces and complaints (issue 12, item 3): SES publishes them, encrypted, to the queue one function reads. */
    @Test
    void sesPublishesBouncesAndComplaintsThroughAnEncryptedTopicToTheFeedbackFunction() {
        assertEquals(1, ofType("AWS::SES::ConfigurationSet").size());
        Map<?, ?> destination =
                (Map<?, ?>) props("MailFeedbackDestination").get("EventDestination");
        assertEquals(List.of("bounce", "complaint"), destination.get("MatchingEventTypes"));
        assertTrue(String.valueOf(destination.get("SnsDestination")).contains("MailFeedbackTopic"));
        assertTrue(
                String.valueOf(props("MailEmailIdentity").get("ConfigurationSetAttributes"))
                        .contains("MailConfigurationSet"),
                "the identity's mail is published through the configuration set");
        assertNotNull(props("MailFeedbackTopic").get("KmsMasterKeyId"), "notices hold addresses");
        Map<String, Object> subscription = props("MailFeedbackSubscription");
        assertEquals("sqs", subscription.get("Protocol"));
        assertTrue(String.valueOf(subscription.get("Endpoint")).contains("MailFeedbackQueue"));
        assertNotNull(props("MailFeedbackQueue").get("KmsMasterKeyId"));
        Map<?, ?> event =
                (Map<?, ?>)
                        ((Map<?, ?>) props("MailFeedbackFunction").get("Events"))
                                .get("MailFeedback");
        Map<?, ?> p = (Map<?, ?>) event.get("Properties");
        assertTrue(String.valueOf(p.get("Queue")).contains("MailFeedbackQueue"));
        assertEquals(List.of("ReportBatchItemFailures"), p.get("FunctionResponseTypes"));
        assertTrue(
                grants("MailFeedbackFunction").stream()
                        .anyMatch(g -> g.allows("kms:Decrypt") && g.on("MailFeedbackKey")),
                "the function cannot read the encrypted queue");
        for (String mailer : List.of("MailerFunction", "OutboxSweepFunction")) {
            String env = String.valueOf(props(mailer).get("Environment"));
            assertTrue(env.contains("MAIL_CONFIGURATION_SET={Ref=MailConfigurationSet}"), mailer);
            assertTrue(
                    grants(mailer).stream()
                            .anyMatch(g -> g.allows("ses:SendEmail") && g.on("configuration-set")),
                    mailer + " may not send with the configuration set");
        }
    }

    @Test
    void onlyTheFeedbackFunctionAddsToTheUndeliverableListAndOnlyErasureDeletesFromIt() {
        for (Grant g : allGrants()) {
            if (!g.on("UndeliverableAddressesTable")) continue;
            // Erasure removes one person's entry, found by its key (issue 11): a delete, nothing
            // more.
            if (g.fn().equals("StaffDataProtectionFunction")) {
                assertEquals(List.of("dynamodb:GetItem", "dynamodb:DeleteItem"), g.actions());
                continue;
            }
            boolean writes =
                    g.allows("dynamodb:PutItem")
                            || g.allows("dynamodb:UpdateItem")
                            || g.allows("dynamodb:DeleteItem")
                            || g.allows("dynamodb:BatchWriteItem");
            if (writes) {
                assertEquals("MailFeedbackFunction", g.fn(), g.fn() + " may change the list");
                assertEquals(List.of("dynamodb:PutItem"), g.actions(), "adds only");
            }
        }
    }

    /** Observability (issue 12, item 8): every function traced, and one access log line per request without personal data. */
    @Test
    @SuppressWarnings("unchecked")
    void functionsAreTracedAndTheApiLogsEachRequestWithoutPersonalData() throws Exception {
        Map<String, Object> globals =
                (Map<String, Object>)
                        ((Map<String, Object>) TEMPLATE.get("Globals")).get("Function");
        assertEquals("Active", globals.get("Tracing"));
        for (String fn : ofType("AWS::Serverless::Function"))
            assertFalse("PassThrough".equals(props(fn).get("Tracing")), fn + " turns tracing off");
        for (String api : ofType("AWS::Serverless::HttpApi")) {
            Map<?, ?> logs = (Map<?, ?>) props(api).get("AccessLogSettings");
            assertNotNull(logs, api + " keeps no access log");
            String format = String.valueOf(logs.get("Format"));
            var line =
                    new com.fasterxml.jackson.databind.ObjectMapper()
                            .readTree(format.replaceAll("\\$context\\.[A-Za-z.]+", "x"));
            assertTrue(line.isObject(), "each line is JSON");
            for (String needed :
                    List.of("$context.requestId", "$context.routeKey", "$context.status"))
                assertTrue(format.contains(needed), api + "'s access log lacks " + needed);
            for (String personal :
                    List.of(
                            "$context.path",
                            "$context.identity",
                            "$context.authorizer.sub",
                            "$context.authorizer.email",
                            "$context.authorizer.name",
                            "$context.authorizer.claims",
                            "$context.authorizer.lambda"))
                assertFalse(format.contains(personal), api + "'s access log keeps " + personal);
            String target = String.valueOf(logs.get("DestinationArn"));
            String group =
                    ofType("AWS::Logs::LogGroup").stream()
                            .filter(target::contains)
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new AssertionError(
                                                    api + " logs to no log group of the stack"));
            assertNotNull(props(group).get("RetentionInDays"));
        }
    }

    // ---------- Least privilege, with SAM policy templates expanded (issue 12, item 6) ----------

    /**
     * One Allow statement of a function's policy: its actions, its resources as text (references stay readable, e.g.
     * {@code {Fn::GetAtt=RolesTable.Arn}}) and its condition (null when it has none).
     */
    record Grant(
            String fn,
            String sid,
            List<String> actions,
            List<String> resources,
            Map<?, ?> condition) {
        boolean allows(String action) {
            return actions.stream().anyMatch(a -> matches(a, action));
        }

        boolean allowsAnyOf(String service) {
            return actions.stream().anyMatch(a -> a.equals("*") || a.startsWith(service + ":"));
        }

        boolean on(String logicalId) {
            return resources.stream().anyMatch(r -> r.contains(logicalId));
        }

        /** IAM's wildcards: {@code dynamodb:*} and {@code dynamodb:Sc*} both allow {@code dynamodb:Scan}; case does not matter. */
        private static boolean matches(String pattern, String action) {
            String regex =
                    java.util.Arrays.stream(pattern.toLowerCase().split("\\*", -1))
                            .map(java.util.regex.Pattern::quote)
                            .collect(java.util.stream.Collectors.joining(".*"));
            return action.toLowerCase().matches(regex);
        }
    }

    /** One statement of a SAM policy template: its actions and resources, {@code ${Parameter}} standing for a parameter. */
    private record TemplateStatement(List<String> actions, List<String> resources) {}

    private static final String DDB =
            "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/";
    private static final String REGION_ACCOUNT = ":${AWS::Region}:${AWS::AccountId}:";

    private static TemplateStatement statement(List<String> actions, String... resources) {
        return new TemplateStatement(
                actions.stream().map(a -> a.contains(":") ? a : "dynamodb:" + a).toList(),
                List.of(resources));
    }

    /**
     * The SAM policy templates a function might be given, as samtranslator/policy_templates_data/policy_templates.json in
     * aws/serverless-application-model defines them (actions in its order). A template not listed here fails every test
     * below until its expansion is added from that file: it is never assumed harmless.
     */
    private static final Map<String, List<TemplateStatement>> SAM_POLICY_TEMPLATES =
            Map.ofEntries(
                    Map.entry(
                            "DynamoDBReadPolicy",
                            List.of(
                                    statement(
                                            List.of(
                                                    "GetItem",
                                                    "Scan",
                                                    "Query",
                                                    "BatchGetItem",
                                                    "DescribeTable"),
                                            DDB + "${TableName}",
                                            DDB + "${TableName}/index/*"))),
                    Map.entry(
                            "DynamoDBCrudPolicy",
                            List.of(
                                    statement(
                                            List.of(
                                                    "GetItem",
                                                    "DeleteItem",
                                                    "PutItem",
                                                    "Scan",
                                                    "Query",
                                                    "UpdateItem",
                                                    "BatchWriteItem",
                                                    "BatchGetItem",
                                                    "DescribeTable",
                                                    "ConditionCheckItem"),
                                            DDB + "${TableName}",
                                            DDB + "${TableName}/index/*"))),
                    Map.entry(
                            "DynamoDBReconfigurePolicy",
                            List.of(statement(List.of("UpdateTable"), DDB + "${TableName}"))),
                    Map.entry(
                            "DynamoDBStreamReadPolicy",
                            List.of(
                                    statement(
                                            List.of(
                                                    "DescribeStream",
                                                    "GetRecords",
                                                    "GetShardIterator"),
                                            DDB + "${TableName}/stream/${StreamName}"),
                                    statement(
                                            List.of("ListStreams"),
                                            DDB + "${TableName}/stream/*"))),
                    Map.entry(
                            "DynamoDBBackupFullAccessPolicy",
                            List.of(
                                    statement(
                                            List.of("CreateBackup", "DescribeContinuousBackups"),
                                            DDB + "${TableName}"),
                                    statement(
                                            List.of(
                                                    "DeleteBackup",
                                                    "DescribeBackup",
                                                    "ListBackups"),
                                            DDB + "${TableName}/backup/*"))),
                    Map.entry(
                            "DynamoDBRestoreFromBackupPolicy",
                            List.of(
                                    statement(
                                            List.of("RestoreTableFromBackup"),
                                            DDB + "${TableName}/backup/*"),
                                    statement(
                                            List.of(
                                                    "PutItem",
                                                    "UpdateItem",
                                                    "DeleteItem",
                                                    "GetItem",
                                                    "Query",
                                                    "Scan",
                                                    "BatchWriteItem"),
                                            DDB + "${TableName}"))),
                    Map.entry(
                            "SQSSendMessagePolicy",
                            List.of(
                                    statement(
                                            List.of("sqs:SendMessage*"),
                                            "arn:${AWS::Partition}:sqs"
                                                    + REGION_ACCOUNT
                                                    + "${QueueName}"))),
                    Map.entry(
                            "SQSPollerPolicy",
                            List.of(
                                    statement(
                                            List.of(
                                                    "sqs:ChangeMessageVisibility",
                                                    "sqs:ChangeMessageVisibilityBatch",
                                                    "sqs:DeleteMessage",
                                                    "sqs:DeleteMessageBatch",
                                                    "sqs:GetQueueAttributes",
                                                    "sqs:ReceiveMessage"),
                                            "arn:${AWS::Partition}:sqs"
                                                    + REGION_ACCOUNT
                                                    + "${QueueName}"))),
                    Map.entry(
                            "SNSPublishMessagePolicy",
                            List.of(
                                    statement(
                                            List.of("sns:Publish"),
                                            "arn:${AWS::Partition}:sns"
                                                    + REGION_ACCOUNT
                                                    + "${TopicName}"))),
                    Map.entry(
                            "SESCrudPolicy",
                            List.of(
                                    statement(
                                            List.of(
                                                    "ses:GetIdentityVerificationAttributes",
                                                    "ses:SendEmail",
                                                    "ses:SendRawEmail",
                                                    "ses:VerifyEmailIdentity"),
                                            "arn:${AWS::Partition}:ses"
                                                    + REGION_ACCOUNT
                                                    + "identity/${IdentityName}"))),
                    Map.entry(
                            "SESBulkTemplatedCrudPolicy",
                            List.of(
                                    statement(
                                            List.of(
                                                    "ses:GetIdentityVerificationAttributes",
                                                    "ses:SendEmail",
                                                    "ses:SendRawEmail",
                                                    "ses:SendTemplatedEmail",
                                                    "ses:SendBulkTemplatedEmail",
                                                    "ses:VerifyEmailIdentity"),
                                            "arn:${AWS::Partition}:ses"
                                                    + REGION_ACCOUNT
                                                    + "identity/${IdentityName}"))),
                    Map.entry(
                            "SESSendBouncePolicy",
                            List.of(
                                    statement(
                                            List.of("ses:SendBounce"),
                                            "arn:${AWS::Partition}:ses"
                                                    + REGION_ACCOUNT
                                                    + "identity/${IdentityName}"))),
                    Map.entry(
                            "SESEmailTemplateCrudPolicy",
                            List.of(
                                    statement(
                                            List.of(
                                                    "ses:CreateTemplate",
                                                    "ses:GetTemplate",
                                                    "ses:ListTemplates",
                                                    "ses:UpdateTemplate",
                                                    "ses:DeleteTemplate",
                                                    "ses:TestRenderTemplate"),
                                            "*"))),
                    Map.entry(
                            "AWSSecretsManagerGetSecretValuePolicy",
                            List.of(
                                    statement(
                                            List.of("secretsmanager:GetSecretValue"),
                                            "${SecretArn}"))),
                    Map.entry(
                            "SSMParameterReadPolicy",
                            List.of(
                                    statement(List.of("ssm:DescribeParameters"), "*"),
                                    statement(
                                            List.of(
                                                    "ssm:GetParameters",
                                                    "ssm:GetParameter",
                                                    "ssm:GetParametersByPath"),
                                            "arn:${AWS::Partition}:ssm"
                                                    + REGION_ACCOUNT
                                                    + "parameter/${ParameterName}"))),
                    Map.entry(
                            "S3ReadPolicy",
                            List.of(
                                    statement(
                                            List.of(
                                                    "s3:GetObject",
                                                    "s3:ListBucket",
                                                    "s3:GetBucketLocation",
                                                    "s3:GetObjectVersion",
                                                    "s3:GetLifecycleConfiguration"),
                                            "arn:${AWS::Partition}:s3:::${BucketName}",
                                            "arn:${AWS::Partition}:s3:::${BucketName}/*"))),
                    Map.entry(
                            "S3CrudPolicy",
                            List.of(
                                    statement(
                                            List.of(
                                                    "s3:GetObject",
                                                    "s3:ListBucket",
                                                    "s3:GetBucketLocation",
                                                    "s3:GetObjectVersion",
                                                    "s3:PutObject",
                                                    "s3:PutObjectAcl",
                                                    "s3:GetLifecycleConfiguration",
                                                    "s3:PutLifecycleConfiguration",
                                                    "s3:DeleteObject"),
                                            "arn:${AWS::Partition}:s3:::${BucketName}",
                                            "arn:${AWS::Partition}:s3:::${BucketName}/*"))),
                    Map.entry(
                            "LambdaInvokePolicy",
                            List.of(
                                    statement(
                                            List.of("lambda:InvokeFunction"),
                                            "arn:${AWS::Partition}:lambda"
                                                    + REGION_ACCOUNT
                                                    + "function:${FunctionName}*"))),
                    Map.entry(
                            "CloudWatchPutMetricPolicy",
                            List.of(statement(List.of("cloudwatch:PutMetricData"), "*"))),
                    Map.entry(
                            "KMSDecryptPolicy",
                            List.of(
                                    statement(
                                            List.of("kms:Decrypt"),
                                            "arn:${AWS::Partition}:kms"
                                                    + REGION_ACCOUNT
                                                    + "key/${KeyId}"))));

    /** Every Allow statement of a function's policy, SAM policy templates expanded. */
    private static List<Grant> grants(String fn) {
        return grantsOf(fn, (List<?>) props(fn).getOrDefault("Policies", List.of()));
    }

    private static List<Grant> allGrants() {
        List<Grant> all = new ArrayList<>();
        for (String fn : ofType("AWS::Serverless::Function")) all.addAll(grants(fn));
        return all;
    }

    @SuppressWarnings("unchecked")
    static List<Grant> grantsOf(String fn, List<?> policies) {
        List<Grant> grants = new ArrayList<>();
        for (Object policy : policies) {
            if (!(policy instanceof Map<?, ?> m))
                throw new AssertionError(
                        fn
                                + " has the managed policy "
                                + policy
                                + ": grant what it needs in a Statement, so it can be checked");
            if (m.containsKey("Statement")) {
                for (Map<String, Object> st : (List<Map<String, Object>>) m.get("Statement")) {
                    if (!"Allow".equals(st.get("Effect"))) continue;
                    grants.add(
                            new Grant(
                                    fn,
                                    String.valueOf(st.get("Sid")),
                                    asList(st.get("Action")).stream().map(String::valueOf).toList(),
                                    asList(st.get("Resource")).stream()
                                            .map(String::valueOf)
                                            .toList(),
                                    (Map<?, ?>) st.get("Condition")));
                }
                continue;
            }
            for (var entry : m.entrySet()) {
                String name = String.valueOf(entry.getKey());
                List<TemplateStatement> expansion = SAM_POLICY_TEMPLATES.get(name);
                if (expansion == null)
                    throw new AssertionError(
                            fn
                                    + " uses the SAM policy template "
                                    + name
                                    + ", which TemplateTest cannot expand: add its actions from"
                                    + " policy_templates.json to SAM_POLICY_TEMPLATES");
                Map<?, ?> parameters = entry.getValue() instanceof Map<?, ?> p ? p : Map.of();
                for (TemplateStatement st : expansion) {
                    List<String> resources = new ArrayList<>();
                    for (String r : st.resources()) {
                        String filled = r;
                        for (var p : parameters.entrySet())
                            filled =
                                    filled.replace(
                                            "${" + p.getKey() + "}", String.valueOf(p.getValue()));
                        resources.add(filled);
                    }
                    grants.add(new Grant(fn, name, st.actions(), resources, null));
                }
            }
        }
        return grants;
    }

    private static List<?> asList(Object o) {
        return o instanceof List<?> l ? l : o == null ? List.of() : List.of(o);
    }

    /** What the checks below refuse, over any list of grants (so the checks themselves can be shown to fail). */
    private static List<String> leastPrivilegeProblems(List<Grant> grants) {
        List<String> tables = ofType("AWS::DynamoDB::Table");
        List<String> problems = new ArrayList<>();
        for (Grant g : grants) {
            String where = g.fn() + " (" + g.sid() + ")";
            // A Scan reads a whole table; PartiQL's SELECT can do the same. Nothing here lists
            // anything that way.
            for (String reading : List.of("dynamodb:Scan", "dynamodb:PartiQLSelect"))
                if (g.allows(reading)) problems.add(where + " may " + reading);
            if (g.allowsAnyOf("dynamodb"))
                for (String r : g.resources())
                    if (r.equals("*")
                            || r.endsWith(":table/*")
                            || tables.stream().noneMatch(r::contains))
                        problems.add(
                                where + " grants DynamoDB actions on " + r + ", not one table");
            if (g.allowsAnyOf("ses"))
                for (String r : g.resources())
                    if (r.equals("*")
                            || !(r.contains(":identity/") || r.contains(":configuration-set/")))
                        problems.add(where + " grants SES on " + r + ", not the sending identity");
        }
        return problems;
    }

    @Test
    void afterExpandingPolicyTemplatesNothingScansAndDynamoDbAndSesNeverActOnEverything() {
        assertEquals(List.of(), leastPrivilegeProblems(allGrants()));
    }

    /** The checks above fail on what the security review found: the SAM read template (it grants Scan), SES on "*". */
    @Test
    void theLeastPrivilegeChecksCatchAReadPolicyTemplateSesOnEverythingAndAWildcardTable() {
        List<?> reviewed =
                List.of(
                        Map.of(
                                "DynamoDBReadPolicy",
                                Map.of("TableName", Map.of("Ref", "RolesTable"))),
                        Map.of(
                                "Statement",
                                List.of(
                                        Map.of(
                                                "Sid", "SendMail",
                                                "Effect", "Allow",
                                                "Action", List.of("ses:SendEmail"),
                                                "Resource", "*"),
                                        Map.of(
                                                "Sid", "AnyTable",
                                                "Effect", "Allow",
                                                "Action", "dynamodb:GetItem",
                                                "Resource",
                                                        "arn:aws:dynamodb:eu-west-2:1:table/*"))));
        List<String> problems = leastPrivilegeProblems(grantsOf("Reviewed", reviewed));
        assertEquals(3, problems.size(), String.valueOf(problems));
        assertTrue(problems.get(0).contains("dynamodb:Scan"), problems.get(0));
        assertTrue(problems.get(1).contains("SES on *"), problems.get(1));
        assertTrue(problems.get(2).contains("table/*"), problems.get(2));
        assertTrue(
                grantsOf(
                                "Reviewed",
                                List.of(
                                        Map.of(
                                                "Statement",
                                                List.of(
                                                        Map.of(
                                                                "Effect",
                                                                "Allow",
                                                                "Action",
                                                                "dynamodb:*",
                                                                "Resource",
                                                                "x")))))
                        .get(0)
                        .allows("dynamodb:Scan"),
                "dynamodb:* allows Scan");
        try {
            grantsOf("Reviewed", List.of(Map.of("SomeNewPolicy", Map.of())));
            throw new IllegalStateException("an unknown policy template was assumed harmless");
        } catch (AssertionError expected) {
            assertTrue(expected.getMessage().contains("SomeNewPolicy"));
        }
    }

    /**
     * Each role's count of applications lives in the ApplicationsTable under the partition key {@code #counts}, which no
     * role has: the grants that keep or read it are limited to that partition ({@code dynamodb:LeadingKeys}), so they
     * reach no application, and those that change it to the count's own attributes.
     */
    @Test
    void everyCountOfApplicationsIsChangedOnlyInItsPartition() {
        int counts = 0;
        for (Grant g : allGrants()) {
            if (!g.on("ApplicationsTable")
                    || !String.valueOf(g.sid()).startsWith("ApplicationCounts")) continue;
            counts++;
            String where = g.fn() + " (" + g.sid() + ")";
            assertNotNull(g.condition(), where);
            Map<?, ?> forAll = (Map<?, ?>) g.condition().get("ForAllValues:StringEquals");
            assertNotNull(forAll, where);
            assertEquals(List.of("#counts"), forAll.get("dynamodb:LeadingKeys"), where);
            if (g.allows("dynamodb:UpdateItem"))
                assertTrue(
                        List.of("roleId", "applicantKey", "applications", "counted")
                                .containsAll((List<?>) forAll.get("dynamodb:Attributes")),
                        where);
        }
        // Storing (public site, staff entry), deleting (retention, erasure), reading (roles list,
        // overview: keeping a count not kept yet, and reading many in one batch).
        assertEquals(7, counts);
    }

    /**
     * Where a function changes only some attributes of an application (a round step: its status and a fact under
     * progress; an acknowledgement), its UpdateItem is limited to those attributes: never the submitted answers
     * ({@code data}), the reference or when it was submitted. The condition sits on a statement granting UpdateItem
     * alone, since on a read without a projection the attribute condition would limit nothing.
     */
    @Test
    void everyUpdateOfAnApplicationIsLimitedToTheAttributesItChanges() {
        int limited = 0;
        for (Grant g : allGrants()) {
            if (!g.on("ApplicationsTable") || !g.allows("dynamodb:UpdateItem")) continue;
            String where = g.fn() + " (" + g.sid() + ")";
            assertEquals(List.of("dynamodb:UpdateItem"), g.actions(), where + " mixes reads in");
            assertNotNull(g.condition(), where + " may update any attribute of an application");
            Map<?, ?> forAll = (Map<?, ?>) g.condition().get("ForAllValues:StringEquals");
            assertNotNull(forAll, where);
            List<?> attributes = (List<?>) forAll.get("dynamodb:Attributes");
            assertNotNull(attributes, where);
            // DynamoDB counts the key in every request: without it nothing could be updated.
            assertTrue(attributes.containsAll(List.of("roleId", "applicantKey")), where);
            for (String untouchable : List.of("data", "reference", "submittedAt"))
                // The one exception: erasing a referee replaces their details in the answers with a
                // note.
                if (!(untouchable.equals("data")
                        && where.equals(
                                "StaffDataProtectionFunction (RefereesDetailsReplacedInApplications)")))
                    assertFalse(
                            attributes.contains(untouchable), where + " may change " + untouchable);
            limited++;
        }
        assertTrue(limited >= 8, "the round's functions and the mailers update applications");
    }

    // ---------- Alarms (issue 12, item 4) ----------

    @SuppressWarnings("unchecked")
    private static Map<String, Object> alarm(String logicalId) {
        return (Map<String, Object>)
                ((Map<String, Object>)
                                ((Map<String, Object>) OPERATIONS.get("Resources")).get(logicalId))
                        .get("Properties");
    }

    /** The resources of the operations stack of {@code type}. */
    private static List<String> operationsOfType(String type) {
        return ((Map<?, ?>) OPERATIONS.get("Resources"))
                .entrySet().stream()
                        .filter(e -> type.equals(((Map<?, ?>) e.getValue()).get("Type")))
                        .map(e -> String.valueOf(e.getKey()))
                        .sorted()
                        .toList();
    }

    /** What the main stack's Operations resource passes the nested stack, by parameter name. */
    private static Map<?, ?> operationsParameters() {
        return (Map<?, ?>) props("Operations").get("Parameters");
    }

    /**
     * Whether {@code value} in the operations stack refers to the main stack's {@code logicalId}: it is a parameter,
     * and the main stack passes that resource (or one of its attributes) as it.
     */
    private static boolean operationsRefersTo(Object value, String logicalId) {
        if (!(value instanceof Map<?, ?> m) || !(m.get("Ref") instanceof String parameter))
            return false;
        return refersTo(operationsParameters().get(parameter), logicalId);
    }

    /** The alarms on one metric of one resource (the dimension's value refers to it), each e-mailing operations. */
    private static List<String> alarmsOn(
            String namespace, String metric, String dimension, String logicalId) {
        List<String> found = new ArrayList<>();
        for (String a : operationsOfType("AWS::CloudWatch::Alarm")) {
            Map<String, Object> p = alarm(a);
            if (!namespace.equals(p.get("Namespace")) || !metric.equals(p.get("MetricName")))
                continue;
            boolean onIt =
                    asList(p.get("Dimensions")).stream()
                            .map(d -> (Map<?, ?>) d)
                            .anyMatch(
                                    d ->
                                            dimension.equals(d.get("Name"))
                                                    && operationsRefersTo(
                                                            d.get("Value"), logicalId));
            if (!onIt) continue;
            assertTrue(
                    asList(p.get("AlarmActions")).contains(Map.of("Ref", "OperationsAlarmTopic")),
                    a + " tells nobody");
            found.add(a);
        }
        return found;
    }

    private static boolean refersTo(Object value, String logicalId) {
        if (!(value instanceof Map<?, ?> m)) return false;
        if (logicalId.equals(m.get("Ref"))) return true;
        Object att = m.get("Fn::GetAtt");
        return att != null && String.valueOf(att).startsWith(logicalId + ".");
    }

    @Test
    void alarmsEmailTheOperationsAddress() {
        Map<String, Object> topic = props("OperationsAlarmTopic");
        assertEquals(
                List.of(Map.of("Protocol", "email", "Endpoint", Map.of("Ref", "OperationsEmail"))),
                topic.get("Subscription"));
        assertTrue(((Map<?, ?>) TEMPLATE.get("Parameters")).containsKey("OperationsEmail"));
        for (String a : operationsOfType("AWS::CloudWatch::Alarm"))
            assertEquals(
                    List.of(Map.of("Ref", "OperationsAlarmTopic")),
                    alarm(a).get("AlarmActions"),
                    a + " must e-mail operations");
    }

    @Test
    void everyFunctionHasAnAlarmOnItsErrorsAndOnItsThrottles() {
        for (String fn : ofType("AWS::Serverless::Function")) {
            assertEquals(
                    1, alarmsOn("AWS/Lambda", "Errors", "FunctionName", fn).size(), fn + " errors");
            assertEquals(
                    1,
                    alarmsOn("AWS/Lambda", "Throttles", "FunctionName", fn).size(),
                    fn + " throttles");
        }
        // The authorizer failing refuses every staff page: it is one of the functions above, and
        // named here so it stays.
        assertFalse(
                alarmsOn("AWS/Lambda", "Errors", "FunctionName", "StaffSessionAuthorizerFunction")
                        .isEmpty());
    }

    @Test
    void theHttpApisServerErrorsAlarm() {
        for (String api : ofType("AWS::Serverless::HttpApi"))
            assertEquals(1, alarmsOn("AWS/ApiGateway", "5xx", "ApiId", api).size(), api);
    }

    /** A dead-letter queue alarms on any message in it; any other queue when its oldest message has waited too long. */
    @Test
    void everyQueueHasAnAlarmAndEveryDeadLetterQueueAlarmsOnItsFirstMessage() {
        List<String> queues = ofType("AWS::SQS::Queue");
        Set<String> deadLetter = new java.util.HashSet<>();
        for (String q : queues) {
            Object redrive = props(q).get("RedrivePolicy");
            if (redrive != null)
                queues.stream()
                        .filter(t -> refersTo(((Map<?, ?>) redrive).get("deadLetterTargetArn"), t))
                        .forEach(deadLetter::add);
        }
        assertFalse(deadLetter.isEmpty());
        for (String q : queues) {
            if (deadLetter.contains(q)) {
                List<String> alarms =
                        alarmsOn("AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", q);
                assertEquals(1, alarms.size(), q + " is a dead-letter queue without an alarm");
                Map<String, Object> a = alarm(alarms.get(0));
                assertEquals(0, ((Number) a.get("Threshold")).intValue(), q);
                assertEquals("GreaterThanThreshold", a.get("ComparisonOperator"), q);
            } else {
                assertEquals(
                        1,
                        alarmsOn("AWS/SQS", "ApproximateAgeOfOldestMessage", "QueueName", q).size(),
                        q + " has no alarm on its oldest message");
            }
        }
    }

    /**
     * A queue a function consumes hides a received message for at least six times that function's timeout plus its
     * batching window (AWS's advice for SQS event sources), so a slow or throttled batch is not handed out again.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyQueuesVisibilityTimeoutIsAtLeastSixTimesItsConsumersTimeout() {
        int globalTimeout =
                ((Number)
                                ((Map<String, Object>)
                                                ((Map<String, Object>) TEMPLATE.get("Globals"))
                                                        .get("Function"))
                                        .get("Timeout"))
                        .intValue();
        int consumers = 0;
        for (String fn : ofType("AWS::Serverless::Function")) {
            Map<String, Object> events = (Map<String, Object>) props(fn).get("Events");
            if (events == null) continue;
            int timeout = ((Number) props(fn).getOrDefault("Timeout", globalTimeout)).intValue();
            for (Object e : events.values()) {
                Map<String, Object> event = (Map<String, Object>) e;
                if (!"SQS".equals(event.get("Type"))) continue;
                Map<String, Object> p = (Map<String, Object>) event.get("Properties");
                String queue =
                        ofType("AWS::SQS::Queue").stream()
                                .filter(q -> refersTo(p.get("Queue"), q))
                                .findFirst()
                                .orElseThrow(
                                        () ->
                                                new AssertionError(
                                                        fn + " reads a queue not in the template"));
                int window =
                        ((Number) p.getOrDefault("MaximumBatchingWindowInSeconds", 0)).intValue();
                Object visibility = props(queue).get("VisibilityTimeout");
                assertNotNull(visibility, queue + " keeps SQS's 30-second default");
                assertTrue(
                        ((Number) visibility).intValue() >= 6 * timeout + window,
                        queue
                                + " hides a message for "
                                + visibility
                                + "s; "
                                + fn
                                + " may take "
                                + timeout
                                + "s: at least "
                                + (6 * timeout + window)
                                + "s needed");
                consumers++;
            }
        }
        assertTrue(consumers >= 1);
    }

    /**
     * The nested operations stack gets every name it uses from the main stack, each parameter named for what it
     * stands for: a resource's own name for its Ref, the resource and attribute run together for a GetAtt.
     */
    @Test
    void theOperationsStackGetsEachNameItUsesFromTheResourceItIsNamedFor() {
        Map<?, ?> declared = (Map<?, ?>) OPERATIONS.get("Parameters");
        Map<?, ?> passed = operationsParameters();
        assertEquals(
                new java.util.TreeSet<>(declared.keySet().stream().map(String::valueOf).toList()),
                new java.util.TreeSet<>(passed.keySet().stream().map(String::valueOf).toList()));
        assertEquals("operations.yaml", props("Operations").get("Location"));
        for (var e : passed.entrySet()) {
            String name = String.valueOf(e.getKey());
            Map<?, ?> value = (Map<?, ?>) e.getValue();
            if (name.equals("ParentStackName")) {
                assertEquals(Map.of("Ref", "AWS::StackName"), value);
                continue;
            }
            if (value.containsKey("Ref")) {
                assertEquals(name, value.get("Ref"), name);
                assertTrue(resources().containsKey(name), name);
            } else {
                String[] att = String.valueOf(value.get("Fn::GetAtt")).split("\\.");
                assertEquals(name, att[0] + att[1], name);
                assertTrue(resources().containsKey(att[0]), name);
            }
        }
    }

    /**
     * CloudFormation refuses a stack of more than 500 resources, counted after SAM has expanded the template: each
     * function becomes its function, role, version and alias, a permission for each of its routes and a rule and role
     * for each of its schedules (SAM 1.110's expansion, checked against aws-sam-translator: 472 for this template when
     * this test was written, 565 before the alarms moved to operations.yaml). A margin of 20 is kept, so the next few
     * routes do not break a deploy; when this fails, move more to a nested stack.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theStackStaysWithinCloudFormationsLimitOnceSamHasExpandedIt() {
        Map<String, Object> globals =
                (Map<String, Object>)
                        ((Map<String, Object>) TEMPLATE.get("Globals")).get("Function");
        int count = 0;
        for (var e : resources().entrySet()) {
            Map<String, Object> r = (Map<String, Object>) e.getValue();
            String type = String.valueOf(r.get("Type"));
            Map<String, Object> p = (Map<String, Object>) r.getOrDefault("Properties", Map.of());
            switch (type) {
                case "AWS::Serverless::Function" -> {
                    count += 1; // the function
                    if (!p.containsKey("Role")) count += 1;
                    if (p.containsKey("AutoPublishAlias")
                            || globals.containsKey("AutoPublishAlias"))
                        count += 2; // version and alias
                    if (p.containsKey("EventInvokeConfig")) count += 1;
                    Map<String, Object> events =
                            (Map<String, Object>) p.getOrDefault("Events", Map.of());
                    for (Object ev : events.values()) {
                        Map<String, Object> event = (Map<String, Object>) ev;
                        Map<String, Object> ep =
                                (Map<String, Object>) event.getOrDefault("Properties", Map.of());
                        count +=
                                switch (String.valueOf(event.get("Type"))) {
                                    case "ScheduleV2" -> ep.containsKey("RoleArn") ? 1 : 2;
                                    case "Schedule" -> 2; // rule and permission
                                    default -> 1; // a route's permission, a queue's or stream's
                                        // mapping
                                };
                    }
                }
                case "AWS::Serverless::HttpApi" -> {
                    count += 2; // the API and its stage
                    Map<String, Object> auth =
                            (Map<String, Object>) p.getOrDefault("Auth", Map.of());
                    for (Object a :
                            ((Map<String, Object>) auth.getOrDefault("Authorizers", Map.of()))
                                    .values())
                        if (((Map<?, ?>) a).containsKey("FunctionArn")) count += 1; // may invoke it
                    if (p.containsKey("Domain")) count += 2;
                }
                default -> count += 1;
            }
        }
        assertTrue(count <= 480, count + " resources once expanded: CloudFormation allows 500");
        assertTrue(count > 400, count + ": the count above should see every function");
    }

    /**
     * Lambda stops taking new functions on a runtime a month after AWS deprecates it, and updates two months after
     * (java17 and java11: deprecated 2026-06-30, updates refused from 2026-08-31). The deprecation days are AWS's
     * (Lambda's runtime table); this fails six months ahead, so the runtime is moved on while deploys still work.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyFunctionRunsOnAJavaRuntimeLambdaWillStillDeploy() {
        Map<String, java.time.LocalDate> deprecated =
                Map.of(
                        "java11", java.time.LocalDate.of(2026, 6, 30),
                        "java17", java.time.LocalDate.of(2026, 6, 30),
                        "java21", java.time.LocalDate.of(2029, 6, 30));
        Object global =
                ((Map<String, Object>)
                                ((Map<String, Object>) TEMPLATE.get("Globals")).get("Function"))
                        .get("Runtime");
        java.time.LocalDate warnFrom =
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusMonths(6);
        for (String fn : ofType("AWS::Serverless::Function")) {
            String runtime = String.valueOf(props(fn).getOrDefault("Runtime", global));
            assertTrue(
                    deprecated.containsKey(runtime),
                    fn + " runs on " + runtime + ", whose dates are not known here");
            assertTrue(
                    deprecated.get(runtime).isAfter(warnFrom),
                    fn
                            + " runs on "
                            + runtime
                            + ", which AWS deprecates on "
                            + deprecated.get(runtime));
        }
    }

    /** Lambda refuses a function whose description is longer than 256 characters (the rest goes in a comment). */
    @Test
    void everyFunctionsDescriptionFitsLambdasLimit() {
        for (String fn : ofType("AWS::Serverless::Function")) {
            Object d = props(fn).get("Description");
            if (d != null) assertTrue(String.valueOf(d).length() <= 256, fn + ": " + d);
        }
    }

    /** The dashboard is JSON once CloudFormation substitutes it, and finds functions and queues by the stack's name. */
    @Test
    void theDashboardIsValidJsonAndFindsEveryFunctionAndQueueOfTheStack() throws Exception {
        List<String> dashboards = operationsOfType("AWS::CloudWatch::Dashboard");
        assertEquals(1, dashboards.size());
        Object body = alarm(dashboards.get(0)).get("DashboardBody");
        String text = String.valueOf(((Map<?, ?>) body).get("Fn::Sub"));
        java.util.regex.Matcher refs =
                java.util.regex.Pattern.compile("\\$\\{([^}]+)}").matcher(text);
        while (refs.find()) {
            String ref = refs.group(1);
            if (ref.startsWith("AWS::")) continue;
            String name = ref.split("\\.")[0];
            assertTrue(
                    ((Map<?, ?>) OPERATIONS.get("Resources")).containsKey(name)
                            || operationsParameters().containsKey(name),
                    "the dashboard names " + ref + ", which is not in the template");
        }
        com.fasterxml.jackson.databind.JsonNode json =
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(text.replaceAll("\\$\\{[^}]+}", "x"));
        assertTrue(json.get("widgets").size() >= 5);
        for (String search :
                List.of(
                        "{AWS/Lambda,FunctionName} MetricName=\\\"Errors\\\" ${ParentStackName}",
                        "{AWS/Lambda,FunctionName} MetricName=\\\"Throttles\\\" ${ParentStackName}",
                        "{AWS/SQS,QueueName} MetricName=\\\"ApproximateNumberOfMessagesVisible\\\" ${ParentStackName}"))
            assertTrue(text.contains(search), search);
    }

    /** The artifact of each kind of function (functions/handlers/pom.xml's shade executions). */
    static final String ARTIFACTS = "functions/handlers/target/involve-handlers-1.0.0-SNAPSHOT-";

    /**
     * A function's kind, from its events: no events is the authorizer (or, invoked by another service, a job); routes under /staff are staff pages, other
     * routes web pages; a queue or schedule is payments when it reads or feeds the payments queue, the mailer when it
     * reads a mail queue or sends e-mail itself, and otherwise a job; a table's stream (the site publisher) is a job.
     */
    @SuppressWarnings("unchecked")
    static String kindOf(String fn) {
        Map<String, Object> events = (Map<String, Object>) props(fn).get("Events");
        if (events == null || events.isEmpty())
            // The HTTP API's authorizer; otherwise a function another service invokes (key
            // rotation): a job.
            return String.valueOf(template().get("Resources"))
                            .contains("FunctionArn={Fn::GetAtt=" + fn + ".Arn}")
                    ? "authorizer"
                    : "jobs";
        Set<String> types = new java.util.TreeSet<>();
        List<String> sources = new ArrayList<>();
        for (Object body : events.values()) {
            Map<String, Object> e = (Map<String, Object>) body;
            types.add(String.valueOf(e.get("Type")));
            Map<String, Object> p = (Map<String, Object>) e.get("Properties");
            sources.add(String.valueOf(p.get("Queue")) + " " + p.get("Path"));
        }
        assertEquals(1, types.size(), fn + " has events of more than one type: " + types);
        String policies = String.valueOf(props(fn).get("Policies"));
        return switch (types.iterator().next()) {
            case "HttpApi" ->
                    sources.stream().allMatch(s -> s.contains(" /staff")) ? "staff" : "web";
            case "SQS" ->
                    sources.stream().allMatch(s -> s.contains("PaymentsQueue"))
                            ? "payments"
                            : sources.stream().allMatch(s -> s.contains("{Fn::GetAtt=Mail"))
                                    ? "mailer"
                                    : "unknown";
            case "ScheduleV2", "Schedule" ->
                    policies.contains("PaymentsQueue")
                            ? "payments"
                            : policies.contains("ses:SendEmail") ? "mailer" : "jobs";
            case "DynamoDB" -> "jobs";
            default -> "unknown";
        };
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyFunctionsCodeUriIsTheArtifactOfItsKind() {
        Map<String, Object> globals =
                (Map<String, Object>) ((Map<?, ?>) TEMPLATE.get("Globals")).get("Function");
        // The artifact with everything, so a function added without a CodeUri still deploys and
        // works.
        assertEquals(
                "functions/handlers/target/involve-handlers-1.0.0-SNAPSHOT-lambda.jar",
                globals.get("CodeUri"));
        Map<String, Integer> perKind = new java.util.TreeMap<>();
        for (String fn : ofType("AWS::Serverless::Function")) {
            String kind = kindOf(fn);
            assertEquals(ARTIFACTS + kind + ".jar", props(fn).get("CodeUri"), fn + " is " + kind);
            perKind.merge(kind, 1, Integer::sum);
        }
        assertEquals(
                Set.of("authorizer", "jobs", "mailer", "payments", "staff", "web"),
                perKind.keySet());
        assertEquals(1, perKind.get("authorizer"));
        assertEquals(3, perKind.get("mailer"), "mailer, mail feedback and outbox sweep");
        assertEquals(2, perKind.get("payments"), "calculator and sweep");
    }

    /** The folder holding template.yaml. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("template.yaml"))) dir = dir.getParent();
        return dir;
    }

    /** Every function of the template, by logical id. */
    static List<String> functions() {
        return ofType("AWS::Serverless::Function");
    }

    static String handlerClassOf(String fn) {
        String handler = (String) props(fn).get("Handler");
        return handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
    }

    /** The function's own CodeUri (everyFunctionsCodeUriIsTheArtifactOfItsKind: every function has one). */
    static Object codeUriOf(String fn) {
        return props(fn).get("CodeUri");
    }
}

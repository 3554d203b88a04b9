package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.BeanContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.involve.core.application.ApplicationForm;
import org.involve.core.application.SaveAndReturn;
import org.involve.core.draft.ApplicationDraft;
import org.involve.core.draft.DraftStore;
import org.involve.core.fakes.Answers;
import org.involve.core.kit.Read;
import org.involve.core.paths.PublicPaths;
import org.involve.core.role.RecentRoles;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;
import org.involve.emulators.EmbeddedDynamoDb;
import org.involve.emulators.EmbeddedSecretsManager;
import org.involve.emulators.EmbeddedSqs;
import org.involve.emulators.LocalDynamoDb;
import org.involve.emulators.LocalNames;
import org.involve.emulators.LocalSecrets;
import org.involve.emulators.LocalSqs;
import org.involve.emulators.SamTemplate;
import org.involve.handlers.local.ExampleRoles;
import org.junit.jupiter.api.Test;

/**
 * The AWS calls each POST route of PublicSiteFunction makes, traced by {@link AwsCalls} with the function built as
 * Lambda builds it (its own environment, DynamoDB Local): so a change that adds a call to a route fails here. The
 * draft steps (start, save a section) may use the role as this container read it in the last {@link
 * RecentRoles#MAX_AGE}; so a role read is expected on them only when this test cannot be sure the copy is still
 * fresh (the system clock: more than that since the last read), and never more than one.
 */
@LocalDynamoDb
@LocalSqs
class PublicSitePostCallsTest {
    private static final String ROLE = ExampleRoles.LEP;
    private static final String ROLE_READ = "GetItem RolesTable",
            DRAFT_READ = "GetItem DraftsTable",
            DRAFT_WRITE = "PutItem DraftsTable",
            KEY_READ = "SecretsManager GetSecretValue",
            // One count of a limit (core.attempts.Attempts: applications per client, e-mails per
            // address, tries of a code), kept in the drafts table: the tries in the window read,
            // then
            // written on a condition on the version read.
            LIMIT_READ = "GetItem DraftsTable",
            LIMIT = "UpdateItem DraftsTable";

    private static final String SECRETS_ENDPOINT = "SECRETSMANAGER_ENDPOINT";
    private PublicSiteHandler site;

    /** No later than when the recent copy of the role was read. */
    private Instant copyReadFrom;

    @Test
    void eachPostRouteMakesItsCallsAndNoMore(EmbeddedDynamoDb dynamo, EmbeddedSqs sqs) {
        SamTemplate template = SamTemplate.loadFromWorkingDirectory();
        ExampleRoles.loadInto(dynamo.client(), Clock.systemUTC());
        // The signing keys (the e-mail's links, the return code), as the local runtime keeps them.
        try (EmbeddedSecretsManager secrets = EmbeddedSecretsManager.start(0, null)) {
            LocalSecrets.create(template, secrets);
            String before = System.getProperty(SECRETS_ENDPOINT);
            System.setProperty(SECRETS_ENDPOINT, secrets.endpoint().toString());
            try {
                run(template, dynamo, sqs);
            } finally {
                if (before == null) System.clearProperty(SECRETS_ENDPOINT);
                else System.setProperty(SECRETS_ENDPOINT, before);
            }
        }
    }

    private void run(SamTemplate template, EmbeddedDynamoDb dynamo, EmbeddedSqs sqs) {
        LocalNames names =
                new LocalNames(
                        template,
                        sqs::queueUrl,
                        Map.of(),
                        secret -> "post-calls-test-signing-key-0123456789abcdef",
                        "eu-west-2");
        BeanContext context =
                Beans.start(
                        new InvolveSettings(
                                names.environmentOf(template.function("PublicSiteFunction"))));
        BeanContext previous = Beans.use(context);
        try {
            site = new PublicSiteHandler();
            journey(
                    context.getBean(RoleReader.class),
                    context.getBean(DraftStore.class),
                    context.getBean(SaveAndReturn.class));
        } finally {
            Beans.use(previous);
            context.close();
        }
    }

    private void journey(RoleReader roles, DraftStore drafts, SaveAndReturn returns) {
        Role role = roles.find(ROLE, Read.CONSISTENT).orElseThrow();
        String apply = PublicPaths.APPLY.fill(ROLE), check = PublicPaths.CHECK_ANSWERS.fill(ROLE);

        // Start: the role (no copy yet) and the new draft; then the copy and the new draft.
        Posted first = post(apply, Map.of(), null);
        assertEquals(List.of(ROLE_READ, DRAFT_WRITE), first.calls(), "the first start");
        assertDraftStep(List.of(DRAFT_WRITE), post(apply, Map.of(), null), 303, "start again");
        String draft = cookie(post(apply, Map.of(), null).response());
        assertDraftStep(List.of(DRAFT_READ), post(apply, Map.of(), draft), 303, "start, drafted");

        // Sections: the draft read and, when the answers pass, written; a refused one is shown
        // from what was read.
        assertDraftStep(
                List.of(DRAFT_READ),
                post(section(ApplicationForm.ABOUT_YOU), Map.of(), draft),
                400,
                "a refused section");
        Map<String, String> answers = Answers.valid(role);
        for (var s : new ApplicationForm(role).sections(answers))
            assertDraftStep(
                    List.of(DRAFT_READ, DRAFT_WRITE),
                    post(section(s.id()), Answers.forSection(s, answers), draft),
                    303,
                    "section " + s.id());
        assertDraftStep(
                List.of(DRAFT_READ),
                post(section(ApplicationForm.ABOUT_YOU), Map.of(), "noSuchDraft0000"),
                404,
                "a section of a draft that is not there");

        // Sending: the draft once and the role itself (never a copy), every time.
        assertCalls(
                List.of(DRAFT_READ, ROLE_READ), post(check, Map.of(), draft), 400, "sent too soon");
        startedAnHourAgo(drafts, draft);
        assertCalls(
                List.of(
                        DRAFT_READ,
                        ROLE_READ,
                        LIMIT_READ,
                        LIMIT,
                        LIMIT_READ,
                        LIMIT,
                        // The application, its role's count of applications, its e-mail, code and
                        // draft.
                        "TransactWriteItems Put ApplicationsTable, Update ApplicationsTable,"
                                + " Put OutboxTable, Put MonitoringCodesTable, Update DraftsTable",
                        "Sqs SendMessage"),
                post(check, Map.of(), draft),
                303,
                "sent");
        assertCalls(
                List.of(DRAFT_READ, ROLE_READ, "GetItem ApplicationsTable"),
                post(check, Map.of(), draft),
                303,
                "sent again");

        // Save and come back later: the role and draft once, the page for a refused address
        // from them.
        String other = cookie(post(apply, Map.of(), null).response());
        var first2 = new ApplicationForm(role).sections(answers).get(0);
        post(section(first2.id()), Answers.forSection(first2, answers), other);
        String link = PublicPaths.SAVE_LINK.fill(ROLE);
        assertCalls(
                List.of(ROLE_READ, DRAFT_READ),
                post(link, Map.of(SaveAndReturn.EMAIL, "not an address"), other),
                400,
                "a refused address");
        assertCalls(
                List.of(
                        ROLE_READ,
                        DRAFT_READ,
                        // the draft's count, then the address's with the e-mail
                        LIMIT_READ,
                        LIMIT,
                        LIMIT_READ,
                        "TransactWriteItems Update DraftsTable, Put OutboxTable",
                        "Sqs SendMessage"),
                post(link, Map.of(SaveAndReturn.EMAIL, "jo@example.org"), other),
                200,
                "the link sent");

        // Continue by reference and code: the two limits, the reference's index, the draft once
        // (read consistently by the index's key) and its role.
        var details = returns.details(drafts.find(other).orElseThrow()).orElseThrow();
        assertCalls(
                List.of(
                        LIMIT_READ,
                        LIMIT,
                        LIMIT_READ,
                        LIMIT,
                        "Query DraftsTable/ByReturnReference",
                        DRAFT_READ,
                        ROLE_READ),
                post(
                        PublicPaths.CONTINUE.fill(),
                        Map.of(
                                SaveAndReturn.REFERENCE,
                                details.reference(),
                                SaveAndReturn.CODE,
                                details.code()),
                        null),
                303,
                "continued by code");
    }

    /** As if the draft had been started an hour ago, so sending it is not too quick for a person. */
    private static void startedAnHourAgo(DraftStore drafts, String draft) {
        ApplicationDraft d = drafts.find(draft).orElseThrow();
        drafts.save(
                new ApplicationDraft(
                        d.id(),
                        d.roleId(),
                        d.startedAt().minus(Duration.ofHours(1)),
                        d.answers(),
                        d.completedSections(),
                        d.submittedReference(),
                        d.expiresAt(),
                        d.earlierApplication(),
                        d.returnReference()));
    }

    private static void assertCalls(List<String> expected, Posted posted, int status, String what) {
        assertEquals(status, posted.response().getStatusCode(), what + ": " + posted.calls());
        assertEquals(expected, posted.calls(), what);
    }

    /**
     * A draft step: {@code expected}, after one read of the role unless the copy was surely fresh (read less than
     * {@link RecentRoles#MAX_AGE} before this request ended); never more than one.
     */
    private void assertDraftStep(List<String> expected, Posted posted, int status, String what) {
        assertEquals(status, posted.response().getStatusCode(), what + ": " + posted.calls());
        boolean fresh =
                copyReadFrom != null
                        && posted.after().isBefore(copyReadFrom.plus(RecentRoles.MAX_AGE));
        List<String> calls = posted.calls();
        if (!fresh && !calls.isEmpty() && calls.get(0).equals(ROLE_READ))
            calls = calls.subList(1, calls.size());
        assertEquals(expected, calls, what + (fresh ? ", the copy fresh" : ""));
    }

    private static String section(String id) {
        return PublicPaths.APPLY_SECTION.fill(ROLE, id);
    }

    /** @param after when the request had been answered */
    private record Posted(APIGatewayV2HTTPResponse response, List<String> calls, Instant after) {}

    private Posted post(String path, Map<String, String> form, String draft) {
        org.involve.core.kit.Path template =
                path.equals(PublicPaths.CONTINUE.fill())
                        ? PublicPaths.CONTINUE
                        : path.equals(PublicPaths.APPLY.fill(ROLE))
                                ? PublicPaths.APPLY
                                : path.equals(PublicPaths.CHECK_ANSWERS.fill(ROLE))
                                        ? PublicPaths.CHECK_ANSWERS
                                        : path.equals(PublicPaths.SAVE_LINK.fill(ROLE))
                                                ? PublicPaths.SAVE_LINK
                                                : PublicPaths.APPLY_SECTION;
        String routeKey = "POST " + template.template();
        Map<String, String> parameters = new java.util.HashMap<>();
        if (template != PublicPaths.CONTINUE) parameters.put("roleId", ROLE);
        if (template == PublicPaths.APPLY_SECTION)
            parameters.put("section", path.substring(path.lastIndexOf('/') + 1));
        APIGatewayV2HTTPEvent event =
                SampleEvents.read(
                        "http-post-start-application.json", APIGatewayV2HTTPEvent.class, Map.of());
        event.setRouteKey(routeKey);
        event.setRawPath(path);
        event.getRequestContext().getHttp().setPath(path);
        event.getRequestContext().setRouteKey(routeKey);
        event.setPathParameters(parameters);
        event.setBody(
                form.entrySet().stream()
                        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                        .collect(Collectors.joining("&")));
        if (draft != null) event.setCookies(List.of("involve-draft=" + draft));
        Instant before = Instant.now();
        AwsCalls.start();
        APIGatewayV2HTTPResponse response = site.handleRequest(event, null);
        // The signing keys are read once a container and then kept: not a call of the route.
        List<String> calls = AwsCalls.stop().stream().filter(c -> !c.equals(KEY_READ)).toList();
        if (calls.contains(ROLE_READ) && PublicPaths.APPLY.fill(ROLE).equals(path)
                || calls.contains(ROLE_READ) && template == PublicPaths.APPLY_SECTION)
            copyReadFrom = before;
        return new Posted(response, calls, Instant.now());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String cookie(APIGatewayV2HTTPResponse response) {
        String set = response.getCookies().get(0);
        return set.substring(set.indexOf('=') + 1, set.indexOf(';'));
    }
}

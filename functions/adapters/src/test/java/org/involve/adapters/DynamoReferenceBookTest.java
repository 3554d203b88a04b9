package org.involve.adapters;

import static org.involve.core.application.Application.Status.INTERVIEW_BOOKED;
import static org.involve.core.application.Application.Status.REFERENCES_RECEIVED;
import static org.involve.core.application.Application.Status.REFERENCES_REQUESTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Read;
import org.involve.core.links.LinkRefusal;
import org.involve.core.links.SignedLink;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.references.RefereeResponses;
import org.involve.core.references.ReferenceBook;
import org.involve.core.references.ReferenceFacts;
import org.involve.core.references.ReferenceForm;
import org.involve.core.references.ReferenceReminders;
import org.involve.core.references.ReferenceRequest;
import org.involve.core.references.ReferenceSettings;
import org.involve.core.references.ReferencesDesk;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.involve.core.staff.Group;
import org.involve.core.staff.StaffMember;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Reference requests on DynamoDB Local: one transaction per step, links spent once, completion once, reminders by index. */
@ExtendWith(AwsEnvironmentExtension.class)
class DynamoReferenceBookTest {
    private static final StaffMember STAFF =
            new StaffMember("staff-1", "Sam Staff", "sam@example.org", Set.of(Group.STAFF));
    private static final ReferenceSettings SETTINGS =
            new ReferenceSettings(
                    5,
                    2,
                    Duration.ofDays(28),
                    "https://involve.example.org",
                    "https://staff.example.org");
    private final Clock clock = Clock.fixed(Samples.NOW, ZoneOffset.UTC);
    private final DynamoOutbox outbox;
    private final DynamoAuditTrail audit;
    private final DynamoApplicationStore store;
    private final DynamoApplications round;
    private final DynamoReferenceBook book;
    private final DynamoRoles catalogue;
    private final ReferencesDesk desk;
    private final RefereeResponses referees;
    private final SignedLink links = new SignedLink("a-test-signing-key-for-reference-links-only");
    // Enough places for every application a test here asks references for (each needs a place
    // free).
    private final Role role = Samples.role(RoleStatus.SHORTLISTING, LocalDate.of(2025, 1, 20), 10);
    private final software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo;
    private final String referencesTable;

    DynamoReferenceBookTest(AwsEnvironment aws) {
        dynamo = aws.dynamo();
        referencesTable = aws.table("ReferencesTable");
        outbox = Samples.outbox(aws);
        audit = new DynamoAuditTrail(aws.dynamo(), aws.table("AuditTable"));
        store =
                new DynamoApplicationStore(
                        aws.dynamo(),
                        aws.table("ApplicationsTable"),
                        outbox,
                        new DynamoDraftStore(aws.dynamo(), aws.table("DraftsTable")));
        round =
                new DynamoApplications(
                        aws.dynamo(),
                        aws.table("ApplicationsTable"),
                        outbox,
                        audit,
                        new DynamoDraftStore(aws.dynamo(), aws.table("DraftsTable")));
        book =
                new DynamoReferenceBook(
                        aws.dynamo(),
                        aws.table("ReferencesTable"),
                        round,
                        new DynamoUsedLinks(aws.dynamo(), aws.table("UsedLinksTable")),
                        outbox,
                        audit);
        catalogue = Samples.roles(aws);
        Samples.putRole(aws, role);
        desk = new ReferencesDesk(Samples.roles(aws), round, book, links, clock, SETTINGS);
        referees = new RefereeResponses(catalogue, round, book, links, clock, SETTINGS);
    }

    /** An application whose interview is booked, with two fictional referees whose addresses are this test's own. */
    private Application booked(String tag) {
        Map<String, String> answers =
                new HashMap<>(
                        Map.of(
                                ApplicationForm.FULL_NAME,
                                "Alex Example",
                                ApplicationForm.EMAIL,
                                "alex@example.org",
                                ApplicationForm.CONTACT_METHOD,
                                "email"));
        for (int n = 1; n <= 2; n++) {
            answers.put(
                    ApplicationForm.refereeField(n, ApplicationForm.REFEREE_NAME), "Referee " + n);
            answers.put(
                    ApplicationForm.refereeField(n, ApplicationForm.REFEREE_EMAIL),
                    tag + "-referee" + n + "@example.org");
            answers.put(
                    ApplicationForm.refereeField(n, ApplicationForm.REFEREE_PHONE),
                    "01632 960 30" + n);
        }
        Application s = Samples.application(role.id(), Samples.unique("applicant"));
        Application a =
                store.submit(
                                new Application(
                                        s.reference(),
                                        role.id(),
                                        s.applicantKey(),
                                        s.status(),
                                        answers,
                                        s.submittedAt(),
                                        "email",
                                        s.acknowledgement(),
                                        "applicant"),
                                List.of(),
                                null)
                        .application();
        assertTrue(
                round.advance(
                        a,
                        INTERVIEW_BOOKED,
                        Map.of("interview.slot", "x"),
                        entry(a, INTERVIEW_BOOKED),
                        List.of()));
        return now(a);
    }

    private static AuditEntry entry(Application a, Application.Status to) {
        return new AuditEntry(
                "staff-1",
                "booked",
                "application:" + a.reference(),
                Samples.NOW,
                a.status().name(),
                to.name());
    }

    private Application now(Application a) {
        return round.find(a.roleId(), a.applicantKey(), Read.CONSISTENT).orElseThrow();
    }

    private List<String> requestIds(Application a) {
        return ReferenceFacts.of(a).requestIds();
    }

    /** The referee's token, from the e-mail the step put in the outbox. */
    private String token(String requestId) {
        OutboxMessage m = outbox.find("reference-request-" + requestId).orElseThrow();
        Matcher found = Pattern.compile("/reference/([A-Za-z0-9_.-]+)").matcher(m.email().text());
        assertTrue(found.find());
        return found.group(1);
    }

    private static Map<String, String> reference() {
        return Map.of(
                ReferenceForm.KNOWS,
                "Through volunteering",
                ReferenceForm.KNOWN_FOR,
                "3 years",
                ReferenceForm.BRINGS,
                "Calm and kind",
                ReferenceForm.CONCERN,
                "no",
                ReferenceForm.CONFIRMED,
                "yes");
    }

    private Application requested(String tag) {
        Application a = booked(tag);
        assertInstanceOf(
                ReferencesDesk.Recorded.Done.class,
                desk.recordResult(
                        STAFF,
                        role.id(),
                        a.reference(),
                        Map.of(
                                ReferencesDesk.RESULT,
                                ReferencesDesk.SUCCESSFUL,
                                org.involve.core.kit.Version.FIELD,
                                a.version())));
        return now(a);
    }

    @Test
    void aSuccessfulResultStoresTheStepTheRequestsAndTheirEmailsTogether() {
        Application a = requested("together");
        assertEquals(REFERENCES_REQUESTED, a.status());
        List<String> ids = requestIds(a);
        assertEquals(2, ids.size());
        for (String id : ids) {
            ReferenceRequest r = book.find(id).orElseThrow();
            assertEquals(a.reference(), r.applicationReference());
            assertEquals(SETTINGS.nextReminderAfter(Samples.NOW), r.nextReminderAt());
            assertTrue(
                    outbox.find("reference-request-" + id)
                            .orElseThrow()
                            .email()
                            .to()
                            .startsWith("together-referee"));
        }
        assertEquals(2, audit.trailOf("application:" + a.reference()).size());
        // Recording again, from the page as it was, does nothing more.
        assertInstanceOf(
                ReferencesDesk.Recorded.AlreadyRecorded.class,
                desk.recordResult(
                        STAFF,
                        role.id(),
                        a.reference(),
                        Map.of(
                                ReferencesDesk.RESULT,
                                ReferencesDesk.SUCCESSFUL,
                                org.involve.core.kit.Version.FIELD,
                                a.version())));
        Application stale = a.after(INTERVIEW_BOOKED, Map.of());
        ReferenceRequest orphan =
                ReferenceRequest.requested(
                        org.involve.core.kit.References.opaqueId(), a, 3, Samples.NOW, null);
        assertFalse(
                book.request(
                        stale,
                        Map.of(),
                        entry(stale, REFERENCES_REQUESTED),
                        List.of(),
                        List.of(orphan)));
        assertTrue(
                book.find(orphan.id()).isEmpty(), "a step that did not happen stores no request");
    }

    @Test
    void aReplacedRefereeIsStoredWithTheNewRequestAndTheOldLinkIsRefused() {
        Application a = requested("replace");
        String oldId = requestIds(a).get(0);
        String oldToken = token(oldId);
        var done =
                assertInstanceOf(
                        ReferencesDesk.Recorded.Done.class,
                        desk.replaceReferee(
                                STAFF,
                                role.id(),
                                a.reference(),
                                1,
                                Map.of(
                                        ReferencesDesk.NEW_NAME,
                                        "New Referee",
                                        ReferencesDesk.NEW_EMAIL,
                                        "replace-new@example.org",
                                        ReferencesDesk.NEW_RELATIONSHIP,
                                        "Neighbour",
                                        ReferencesDesk.NEW_KNOWN_FOR,
                                        "6 years",
                                        org.involve.core.kit.Version.FIELD,
                                        a.version())));
        Application now = now(a);
        assertEquals(REFERENCES_REQUESTED, now.status());
        String newId = requestIds(now).get(0);
        assertFalse(newId.equals(oldId));
        assertEquals(requestIds(a).get(1), requestIds(now).get(1));
        assertEquals("replace-new@example.org", ReferenceFacts.referees(now).get(0).email());
        assertTrue(book.find(newId).isPresent());
        assertEquals(List.of("reference-request-" + newId), done.messageIds());
        assertEquals(3, audit.trailOf("application:" + a.reference()).size());

        var refused =
                assertInstanceOf(
                        RefereeResponses.Sent.Refused.class, referees.send(oldToken, reference()));
        assertEquals(LinkRefusal.REPLACED, refused.reason());
        referees.send(token(requestIds(now).get(1)), reference());
        assertInstanceOf(
                RefereeResponses.Sent.Thanks.class, referees.send(token(newId), reference()));
        assertEquals(Application.Status.REFERENCES_RECEIVED, now(a).status());
    }

    @Test
    void aReferenceTakenByTelephoneIsStoredWithoutALinkAndTwiceIsRefused() {
        Application a = requested("telephone");
        Map<String, String> answers = new HashMap<>(reference());
        answers.remove(ReferenceForm.CONFIRMED);
        answers.put(ReferenceForm.TELEPHONE_CONFIRMED, "yes");
        answers.put(org.involve.core.kit.Version.FIELD, a.version());
        String id = requestIds(a).get(0);
        String token = token(id);
        assertInstanceOf(
                ReferencesDesk.Recorded.Done.class,
                desk.recordByTelephone(STAFF, role.id(), a.reference(), 1, answers));
        ReferenceRequest taken = book.find(id).orElseThrow();
        assertTrue(taken.received());
        assertEquals("Sam Staff", taken.answers().get(ReferenceForm.TAKEN_BY));
        assertEquals(
                ReferenceBook.Answered.ALREADY_ANSWERED,
                book.answer(
                        taken, null, Samples.NOW, entry(a, REFERENCES_REQUESTED), List.of(), null),
                "a second telephone record of the same reference is refused");
        assertEquals(
                LinkRefusal.ALREADY_USED,
                assertInstanceOf(
                                RefereeResponses.Sent.Refused.class,
                                referees.send(token, reference()))
                        .reason());
    }

    @Test
    void aLinkIsSpentOnceWhenTwoSendItAtTheSameMoment() throws Exception {
        Application a = requested("race");
        String token = token(requestIds(a).get(0));
        List<RefereeResponses.Sent> results = race(List.of(token, token));
        assertEquals(
                1,
                results.stream().filter(r -> r instanceof RefereeResponses.Sent.Thanks).count(),
                results.toString());
        RefereeResponses.Sent.Refused refused =
                (RefereeResponses.Sent.Refused)
                        results.stream()
                                .filter(r -> r instanceof RefereeResponses.Sent.Refused)
                                .findFirst()
                                .orElseThrow();
        assertEquals(LinkRefusal.ALREADY_USED, refused.reason());
        assertTrue(book.find(requestIds(a).get(0)).orElseThrow().received());
        assertEquals(REFERENCES_REQUESTED, now(a).status());
        assertEquals(
                LinkRefusal.ALREADY_USED,
                ((RefereeResponses.Sent.Refused) referees.send(token, reference())).reason());
    }

    @Test
    void bothRefereesAnsweringAtOnceCompleteTheApplicationExactlyOnce() throws Exception {
        for (int i = 0; i < 5; i++) {
            Application a = requested("both-" + i);
            List<String> ids = requestIds(a);
            List<RefereeResponses.Sent> results =
                    race(List.of(token(ids.get(0)), token(ids.get(1))));
            assertTrue(
                    results.stream().allMatch(r -> r instanceof RefereeResponses.Sent.Thanks),
                    results.toString());
            Application done = now(a);
            assertEquals(REFERENCES_RECEIVED, done.status());
            assertFalse(done.progress("references.receivedAt").isEmpty());
            assertTrue(outbox.find("references-received-" + a.reference()).isPresent());
            assertEquals(
                    1,
                    audit.trailOf("application:" + a.reference()).stream()
                            .filter(e -> e.what().equals("completed the references"))
                            .count());
            for (String id : ids) {
                ReferenceRequest r = book.find(id).orElseThrow();
                assertTrue(r.received());
                assertEquals("Calm and kind", r.answers().get(ReferenceForm.BRINGS));
                assertEquals(
                        null, r.nextReminderAt(), "an answered request leaves the reminder index");
            }
        }
    }

    @Test
    void theReminderJobQueriesOnlyWhatIsDueAndRunningTwiceRemindsOnce() {
        Application due = requested("due");
        Application notDue = requested("not-due");
        List<String> notDueIds = requestIds(notDue);
        // Many requests far from due: the query must return none of them.
        for (int i = 0; i < 300; i++) {
            ReferenceRequest far =
                    ReferenceRequest.requested(
                            org.involve.core.kit.References.opaqueId(),
                            notDue,
                            9,
                            Samples.NOW,
                            Samples.NOW.plus(Duration.ofDays(400 + i)));
            dynamo.putItem(r -> r.tableName(referencesTable).item(DynamoReferenceBook.item(far)));
        }
        Instant at = SETTINGS.nextReminderAfter(Samples.NOW);
        List<ReferenceRequest> found = book.remindersDueBy(at);
        assertTrue(
                found.stream().noneMatch(r -> r.nextReminderAt().isAfter(at)),
                "only requests due by then");
        assertTrue(found.stream().map(ReferenceRequest::id).toList().containsAll(requestIds(due)));

        ReferenceReminders job = new ReferenceReminders(catalogue, round, book, links, SETTINGS);
        job.run(at);
        job.run(at);
        for (String id : requestIds(due)) {
            ReferenceRequest r = book.find(id).orElseThrow();
            assertEquals(1, r.remindersSent());
            assertEquals(SETTINGS.nextReminderAfter(at), r.nextReminderAt());
            assertTrue(outbox.find("reference-reminder-" + id + "-1").isPresent());
            assertTrue(outbox.find("reference-reminder-" + id + "-2").isEmpty());
        }
        assertTrue(
                book.remindersDueBy(at).stream().noneMatch(r -> requestIds(due).contains(r.id())),
                "reminded requests wait for their next day");
        assertEquals(
                notDueIds.size(),
                notDueIds.stream()
                        .map(id -> book.find(id).orElseThrow())
                        .filter(r -> r.remindersSent() == 1)
                        .count(),
                "due at the same time, so reminded too");
    }

    private List<RefereeResponses.Sent> race(List<String> tokens) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<RefereeResponses.Sent>> futures = new ArrayList<>();
        for (String t : tokens)
            futures.add(
                    pool.submit(
                            () -> {
                                start.await();
                                return referees.send(t, reference());
                            }));
        start.countDown();
        List<RefereeResponses.Sent> results = new ArrayList<>();
        for (var f : futures) results.add(f.get());
        pool.shutdown();
        return results;
    }
}

package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.involve.core.application.Application;
import org.involve.core.fakes.InMemoryApplications;
import org.involve.core.fakes.InMemoryAuditTrail;
import org.involve.core.fakes.InMemoryDrafts;
import org.involve.core.fakes.InMemoryOutbox;
import org.involve.core.fakes.InMemoryReferenceBook;
import org.involve.core.fakes.InMemoryRoles;
import org.involve.core.fakes.InMemoryRound;
import org.involve.core.fakes.InMemoryUsedLinks;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.RecordingMailQueue;
import org.involve.core.fakes.TestApplications;
import org.involve.core.kit.Read;
import org.involve.core.links.SignedLink;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.references.RefereeResponses;
import org.involve.core.references.ReferenceFacts;
import org.involve.core.references.ReferenceReminders;
import org.involve.core.references.ReferenceSettings;
import org.involve.core.references.ReferencesDesk;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.involve.handlers.local.ExampleRoles;
import org.junit.jupiter.api.Test;

/** The references events through StaffReferencesHandler, RefereeFormHandler and ReferenceReminderHandler, with the ports in memory. */
class ReferencesEventsTest {
    private static final String REFERENCE = "INV-BCDF-2345";
    private static final String ONE = "robin.refereeone@example.org",
            TWO = "kit.refereetwo@example.org";
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-03T10:00:00Z"));
    private final ReferenceSettings settings =
            new ReferenceSettings(
                    5, 2, Duration.ofDays(28), "http://localhost:3000", "http://localhost:3000");
    private final InMemoryRoles roles = new InMemoryRoles();
    private final RecordingMailQueue queue = new RecordingMailQueue();
    private final InMemoryOutbox outbox = new InMemoryOutbox(queue);
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final InMemoryRound round =
            new InMemoryRound(
                    new InMemoryApplications(outbox, new InMemoryDrafts()), outbox, audit);
    private final InMemoryUsedLinks used = new InMemoryUsedLinks();
    private final InMemoryReferenceBook book =
            new InMemoryReferenceBook(round, used, outbox, audit);
    private final SignedLink links =
            new SignedLink("links:a-test-signing-key-of-enough-length-for-links");
    private final StaffReferencesHandler staff =
            new StaffReferencesHandler(
                    new ReferencesDesk(roles, round, book, links, clock, settings));
    private final RefereeFormHandler referee =
            new RefereeFormHandler(
                    new RefereeResponses(roles, round, book, links, clock, settings));
    private final ReferenceReminderHandler reminders =
            new ReferenceReminderHandler(
                    new ReferenceReminders(roles, round, book, links, settings), clock);
    private final Role role;
    private final Application application;

    ReferencesEventsTest() {
        ExampleRoles.all(clock)
                .forEach(r -> roles.roles.put(r.id(), r.withStatus(RoleStatus.SHORTLISTING)));
        role = roles.roles.get(ExampleRoles.LEP);
        application =
                round.add(
                        TestApplications.submitted(
                                        role, REFERENCE, clock.instant().minus(Duration.ofDays(30)))
                                .after(Application.Status.INTERVIEW_BOOKED, Map.of()));
    }

    /** The event as the page read now sends it: with the application's current version. */
    private APIGatewayV2HTTPResponse staff(String event, String result) {
        return staff(event, result, stored().version());
    }

    private APIGatewayV2HTTPResponse staff(String event, String result, String version) {
        return staff.handleRequest(
                SampleEvents.use(
                        event,
                        APIGatewayV2HTTPEvent.class,
                        Map.of(
                                "SAMPLE_ROLE",
                                role.id(),
                                "SAMPLE_REFERENCE",
                                REFERENCE,
                                "SAMPLE_RESULT",
                                result,
                                "SAMPLE_VERSION",
                                version)),
                null);
    }

    private APIGatewayV2HTTPResponse referee(String event, String token) {
        return referee.handleRequest(
                SampleEvents.use(event, APIGatewayV2HTTPEvent.class, Map.of("SAMPLE_TOKEN", token)),
                null);
    }

    private Application stored() {
        return round.find(application.roleId(), application.applicantKey(), Read.CONSISTENT)
                .orElseThrow();
    }

    private List<OutboxMessage> mailTo(String address) {
        return outbox.messages().stream()
                .filter(m -> m.email().to().equals(address))
                .sorted(Comparator.comparing(OutboxMessage::createdAt))
                .toList();
    }

    private String token(String address) {
        List<OutboxMessage> mail = mailTo(address);
        Matcher m =
                Pattern.compile("/reference/([A-Za-z0-9_.-]+)")
                        .matcher(mail.get(mail.size() - 1).email().text());
        assertTrue(m.find());
        return m.group(1);
    }

    private void successful() {
        assertEquals(
                303, staff("http-post-staff-references-result.json", "successful").getStatusCode());
    }

    @Test
    void staffSeeClosedRolesThenEachApplicantFromInterviewOn() {
        var list = staff("http-get-staff-references.json", "");
        assertEquals(200, list.getStatusCode());
        assertTrue(list.getBody().contains(role.title()));
        assertTrue(
                list.getBody().contains("href=\"/staff/references\" aria-current=\"page\""),
                "References is the current area");
        var page = staff("http-get-staff-references-role.json", "");
        assertEquals(200, page.getStatusCode());
        assertTrue(page.getBody().contains("Jo Testperson"));
        assertTrue(page.getBody().contains("Interview booked"));
        var applicant = staff("http-get-staff-references-applicant.json", "");
        assertEquals(200, applicant.getStatusCode());
        assertTrue(applicant.getBody().contains("Record the interview result"));
        assertTrue(applicant.getBody().contains("name=\"result\""));
    }

    @Test
    void aSuccessfulResultAsksBothRefereesOnceAndAnnouncesTheirEmails() {
        var r = staff("http-post-staff-references-result.json", "successful");
        assertEquals(303, r.getStatusCode());
        assertEquals(
                "/staff/references/" + role.id() + "/" + REFERENCE + "?done=requested",
                r.getHeaders().get("Location"));
        assertEquals(Application.Status.REFERENCES_REQUESTED, stored().status());
        assertEquals(
                "Clear examples of speaking up for others",
                ReferenceFacts.of(stored()).interviewNote());
        assertEquals(1, mailTo(ONE).size());
        assertEquals(1, mailTo(TWO).size());
        assertEquals(2, queue.announced.size());
        var again = staff("http-post-staff-references-result.json", "unsuccessful");
        assertTrue(again.getHeaders().get("Location").endsWith("?done=already"));
        assertEquals(2, outbox.messages().size());
        assertEquals(Application.Status.REFERENCES_REQUESTED, stored().status());
    }

    @Test
    void aResultFromAPageReadBeforeSomeoneElsesChangeIsRefusedWithThePageAsItIsNow() {
        var page =
                staff.handleRequest(
                        SampleEvents.use(
                                "http-get-staff-references-applicant.json",
                                APIGatewayV2HTTPEvent.class,
                                Map.of("SAMPLE_ROLE", role.id(), "SAMPLE_REFERENCE", REFERENCE)),
                        null);
        String read = stored().version();
        assertTrue(page.getBody().contains("name=\"version\" value=\"" + read + "\""));
        // Someone else moves the interview meanwhile.
        round.advance(
                stored(),
                Application.Status.INTERVIEW_BOOKED,
                Map.of("interview.slot", "another-slot"),
                new org.involve.core.audit.AuditEntry(
                        "someone-else",
                        "moved the interview",
                        "application:" + REFERENCE,
                        clock.instant(),
                        "INTERVIEW_BOOKED",
                        "INTERVIEW_BOOKED"),
                List.of());

        var r = staff("http-post-staff-references-result.json", "successful", read);
        assertEquals(409, r.getStatusCode());
        assertTrue(r.getBody().contains("Someone else changed this application"), r.getBody());
        assertTrue(
                r.getBody().contains("name=\"version\" value=\"" + stored().version() + "\""),
                "the form as it is now");
        assertTrue(
                r.getBody().contains("Clear examples of speaking up for others"),
                "what they typed is kept");
        assertEquals(Application.Status.INTERVIEW_BOOKED, stored().status());
        assertEquals(0, outbox.messages().size(), "no referee was asked");
    }

    @Test
    void noResultChosenShowsTheErrorSummaryAndKeepsTheNote() {
        var r = staff("http-post-staff-references-result.json", "");
        assertEquals(400, r.getStatusCode());
        assertTrue(r.getBody().contains("nhsuk-error-summary"));
        assertTrue(r.getBody().contains("Select the result of the interview"));
        assertTrue(r.getBody().contains("Clear examples of speaking up for others"));
        assertEquals(Application.Status.INTERVIEW_BOOKED, stored().status());
    }

    @Test
    void aPanelMemberCanNeitherRecordNorSeeReferences() {
        var post = staff("http-post-staff-references-result-as-panel.json", "");
        assertEquals(403, post.getStatusCode());
        assertFalse(post.getBody().contains("Jo Testperson"));
        var get = staff("http-get-staff-references-as-panel.json", "");
        assertEquals(403, get.getStatusCode());
        assertFalse(get.getBody().contains("Jo Testperson"));
        assertEquals(Application.Status.INTERVIEW_BOOKED, stored().status());
        assertTrue(outbox.messages().isEmpty());
    }

    @Test
    void aRefereeOpensTheFormAnswersOnceAndIsThanked() {
        successful();
        String token = token(ONE);
        var form = referee("http-get-reference-form.json", token);
        assertEquals(200, form.getStatusCode());
        assertTrue(form.getBody().contains("Reference for Jo Testperson"));
        assertTrue(form.getBody().contains("name=\"whatTheyBring\""));
        assertTrue(used.used.isEmpty(), "showing the form does not use the link");

        var invalid = referee("http-post-reference-form-invalid.json", token);
        assertEquals(400, invalid.getStatusCode());
        assertTrue(invalid.getBody().contains("nhsuk-error-summary"));
        assertTrue(invalid.getBody().contains("Tell us why they should not be appointed"));
        assertTrue(used.used.isEmpty());

        var sent = referee("http-post-reference-form.json", token);
        assertEquals(200, sent.getStatusCode());
        assertTrue(sent.getBody().contains("Reference sent"));
        var reused = referee("http-post-reference-form.json", token);
        assertEquals(410, reused.getStatusCode());
        assertTrue(reused.getBody().contains("This reference has already been sent"));
        assertTrue(reused.getBody().contains(role.contact().email()), "says whom to contact");
        assertEquals(410, referee("http-get-reference-form.json", token).getStatusCode());
    }

    @Test
    void tamperedAndExpiredLinksAreRefusedWithAPlainPage() {
        successful();
        String token = token(ONE);
        String tampered =
                token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        var bad = referee("http-post-reference-form.json", tampered);
        assertEquals(404, bad.getStatusCode());
        assertTrue(bad.getBody().contains("This link is not valid"));
        assertEquals(404, referee("http-get-reference-form.json", "not-a-token").getStatusCode());
        clock.advance(Duration.ofDays(28));
        var expired = referee("http-post-reference-form.json", token);
        assertEquals(410, expired.getStatusCode());
        assertTrue(expired.getBody().contains("This link has expired"));
        assertTrue(used.used.isEmpty());
        assertTrue(book.requests.values().stream().noneMatch(r -> r.received()));
    }

    @Test
    void whenBothRefereesHaveAnsweredTheTeamIsAskedToAppointAndStaffReadTheReferences() {
        successful();
        referee("http-post-reference-form.json", token(ONE));
        assertEquals(Application.Status.REFERENCES_REQUESTED, stored().status());
        referee("http-post-reference-form.json", token(TWO));
        assertEquals(Application.Status.REFERENCES_RECEIVED, stored().status());
        String teamMessage = "references-received-" + REFERENCE;
        assertTrue(queue.announced.contains(teamMessage));
        assertTrue(
                outbox.find(teamMessage)
                        .orElseThrow()
                        .email()
                        .text()
                        .contains("/staff/partners/" + role.id()));
        var page = staff("http-get-staff-references-applicant.json", "");
        assertTrue(page.getBody().contains("Received 3 March 2025"));
        assertTrue(page.getBody().contains("They listen well and speak up for others"));
        assertTrue(page.getBody().contains("href=\"/staff/partners/" + role.id() + "\""));
    }

    @Test
    void theMorningJobRemindsRefereesWhoHaveNotAnswered() {
        successful();
        var early =
                reminders.handleRequest(
                        SampleEvents.use("schedule-reference-reminders.json", Map.class, Map.of()),
                        null);
        assertEquals(0, early.get("reminded"));
        clock.advance(Duration.ofDays(5));
        var due =
                reminders.handleRequest(
                        SampleEvents.use("schedule-reference-reminders.json", Map.class, Map.of()),
                        null);
        assertEquals(2, due.get("reminded"));
        assertEquals(2, mailTo(ONE).size());
        assertTrue(mailTo(ONE).get(1).email().subject().startsWith("Reminder:"));
    }

    private APIGatewayV2HTTPResponse staffWith(String event, Map<String, String> placeholders) {
        Map<String, String> all = new java.util.HashMap<>(placeholders);
        all.put("SAMPLE_ROLE", role.id());
        all.put("SAMPLE_REFERENCE", REFERENCE);
        all.putIfAbsent("SAMPLE_VERSION", stored().version());
        return staff.handleRequest(SampleEvents.use(event, APIGatewayV2HTTPEvent.class, all), null);
    }

    private static String location(APIGatewayV2HTTPResponse r) {
        return r.getHeaders().get("Location");
    }

    @Test
    void staffReplaceARefereeWhoseOldLinkThenSaysItIsNoLongerNeeded() {
        successful();
        String oldToken = token(ONE);
        var form =
                staffWith("http-get-staff-references-replace.json", Map.of("SAMPLE_NUMBER", "1"));
        assertEquals(200, form.getStatusCode());
        assertTrue(form.getBody().contains("Replace the first referee"), form.getBody());
        assertTrue(
                form.getBody().contains("New referee&#39;s email address")
                        || form.getBody().contains("New referee's email address"));

        var own =
                staffWith(
                        "http-post-staff-references-replace.json",
                        Map.of("SAMPLE_NUMBER", "1", "SAMPLE_EMAIL", application.answer("email")));
        assertEquals(400, own.getStatusCode());
        assertTrue(own.getBody().contains("nhsuk-error-summary"));

        var done =
                staffWith(
                        "http-post-staff-references-replace.json",
                        Map.of("SAMPLE_NUMBER", "1", "SAMPLE_EMAIL", "sam.new@example.org"));
        assertEquals(303, done.getStatusCode());
        assertTrue(location(done).endsWith("?done=replaced"), location(done));
        assertEquals(1, mailTo("sam.new@example.org").size());
        var old = referee("http-get-reference-form.json", oldToken);
        assertEquals(410, old.getStatusCode());
        assertTrue(old.getBody().contains("This reference is no longer needed"), old.getBody());
        assertEquals(
                200,
                referee("http-get-reference-form.json", token("sam.new@example.org"))
                        .getStatusCode());
        var page = staff("http-get-staff-references-applicant.json", "");
        assertTrue(page.getBody().contains("Sam Newreferee"));
        assertTrue(page.getBody().contains("This referee replaced an earlier one."));
        assertEquals(
                404,
                staffWith("http-get-staff-references-replace.json", Map.of("SAMPLE_NUMBER", "7"))
                        .getStatusCode());
    }

    @Test
    void staffMarkAReferenceUnsatisfactoryWithAReasonOnlyStaffSee() {
        successful();
        assertEquals(200, referee("http-post-reference-form.json", token(ONE)).getStatusCode());
        var form =
                staffWith(
                        "http-get-staff-references-unsatisfactory.json",
                        Map.of("SAMPLE_NUMBER", "1"));
        assertEquals(200, form.getStatusCode());
        assertTrue(form.getBody().contains("Mark the first reference unsatisfactory"));
        var missing =
                staffWith(
                        "http-post-staff-references-unsatisfactory.json",
                        Map.of("SAMPLE_NUMBER", "1", "SAMPLE_REASON", ""));
        assertEquals(400, missing.getStatusCode());
        assertTrue(missing.getBody().contains("Enter why the reference is unsatisfactory"));

        var done =
                staffWith(
                        "http-post-staff-references-unsatisfactory.json",
                        Map.of("SAMPLE_NUMBER", "1", "SAMPLE_REASON", "Raises+a+concern"));
        assertEquals(303, done.getStatusCode());
        assertTrue(location(done).endsWith("?done=unsatisfactory"));
        assertEquals(Application.Status.NOT_APPOINTED, stored().status());
        var page = staff("http-get-staff-references-applicant.json", "");
        assertTrue(page.getBody().contains("Reason (for staff only): Raises a concern"));
        assertTrue(page.getBody().contains("/staff/outcomes/" + role.id()));
    }

    @Test
    void aReserveIsRecordedThenOfferedAPlace() {
        var reserve = staff("http-post-staff-references-result.json", "reserve");
        assertEquals(303, reserve.getStatusCode());
        assertTrue(location(reserve).endsWith("?done=reserve"));
        assertEquals(Application.Status.RESERVE, stored().status());
        assertTrue(
                mailTo(application.answer("email")).get(0).email().text().contains("reserve list"));
        var page = staff("http-get-staff-references-applicant.json", "");
        assertTrue(page.getBody().contains("Offer a place and ask for references"));

        var offered = staffWith("http-post-staff-references-offer.json", Map.of());
        assertEquals(303, offered.getStatusCode());
        assertTrue(location(offered).endsWith("?done=offered"));
        assertEquals(Application.Status.REFERENCES_REQUESTED, stored().status());
        assertEquals(1, mailTo(ONE).size());
        var again = staffWith("http-post-staff-references-offer.json", Map.of());
        assertTrue(location(again).endsWith("?done=changed"));
    }

    @Test
    void staffRecordAReferenceTakenByTelephone() {
        successful();
        var form =
                staffWith("http-get-staff-references-telephone.json", Map.of("SAMPLE_NUMBER", "2"));
        assertEquals(200, form.getStatusCode());
        assertTrue(form.getBody().contains("Record the second reference, taken by telephone"));
        var unconfirmed =
                staffWith(
                        "http-post-staff-references-telephone.json",
                        Map.of("SAMPLE_NUMBER", "2", "SAMPLE_CONFIRMED", ""));
        assertEquals(400, unconfirmed.getStatusCode());
        assertTrue(unconfirmed.getBody().contains("Confirm that the referee confirmed"));
        var done =
                staffWith(
                        "http-post-staff-references-telephone.json",
                        Map.of("SAMPLE_NUMBER", "2", "SAMPLE_CONFIRMED", "yes"));
        assertEquals(303, done.getStatusCode());
        assertTrue(location(done).endsWith("?done=telephone"));
        var page = staff("http-get-staff-references-applicant.json", "");
        assertTrue(page.getBody().contains("Taken by telephone"));
        assertTrue(page.getBody().contains("By Sam Staff on 3 March 2025"), page.getBody());
        assertEquals(410, referee("http-get-reference-form.json", token(TWO)).getStatusCode());
    }

    @Test
    void refereeActionsFromAPageReadBeforeSomeoneElsesChangeSaveNothingAndShowThePageAsItIsNow() {
        successful();
        String read = stored().version();
        // Someone else replaces the first referee meanwhile.
        assertEquals(
                303,
                staffWith(
                                "http-post-staff-references-replace.json",
                                Map.of("SAMPLE_NUMBER", "1", "SAMPLE_EMAIL", "sam.new@example.org"))
                        .getStatusCode());
        var telephone =
                staffWith(
                        "http-post-staff-references-telephone.json",
                        Map.of(
                                "SAMPLE_NUMBER",
                                "2",
                                "SAMPLE_CONFIRMED",
                                "yes",
                                "SAMPLE_VERSION",
                                read));
        assertEquals(409, telephone.getStatusCode());
        String body = telephone.getBody();
        assertTrue(body.contains("Someone else changed this application"), body);
        assertTrue(body.contains("Record the second reference, taken by telephone"));
        assertTrue(
                body.contains("I manage the food bank where they volunteer"),
                "what was typed is kept");
        assertTrue(
                body.contains("name=\"version\" value=\"" + stored().version() + "\""),
                "the form as the application is now");
        assertEquals(200, referee("http-get-reference-form.json", token(TWO)).getStatusCode());

        var replace =
                staffWith(
                        "http-post-staff-references-replace.json",
                        Map.of(
                                "SAMPLE_NUMBER",
                                "2",
                                "SAMPLE_EMAIL",
                                "kim.other@example.org",
                                "SAMPLE_VERSION",
                                read));
        assertEquals(409, replace.getStatusCode());
        assertTrue(replace.getBody().contains("Someone else changed this application"));
        assertEquals(0, mailTo("kim.other@example.org").size(), "the new referee is not asked");

        assertEquals(200, referee("http-post-reference-form.json", token(TWO)).getStatusCode());
        var unsatisfactory =
                staffWith(
                        "http-post-staff-references-unsatisfactory.json",
                        Map.of(
                                "SAMPLE_NUMBER",
                                "2",
                                "SAMPLE_REASON",
                                "Raises+a+concern",
                                "SAMPLE_VERSION",
                                read));
        assertEquals(409, unsatisfactory.getStatusCode());
        assertTrue(unsatisfactory.getBody().contains("Raises a concern"), "the reason is kept");
        assertTrue(stored().status() != Application.Status.NOT_APPOINTED);
    }

    @Test
    void anOfferFromAPageReadBeforeSomeoneElsesChangeSavesNothingAndShowsTheApplicantAsNow() {
        assertEquals(
                303, staff("http-post-staff-references-result.json", "reserve").getStatusCode());
        String read = stored().version();
        round.advance(
                stored(),
                Application.Status.RESERVE,
                Map.of("reserve.note", "spoke to them"),
                new org.involve.core.audit.AuditEntry(
                        "someone-else",
                        "noted a call",
                        "application:" + REFERENCE,
                        clock.instant(),
                        "RESERVE",
                        "RESERVE"),
                List.of());
        int mails = outbox.messages().size();

        var r = staffWith("http-post-staff-references-offer.json", Map.of("SAMPLE_VERSION", read));
        assertEquals(409, r.getStatusCode());
        assertTrue(r.getBody().contains("Someone else changed this application"), r.getBody());
        assertTrue(r.getBody().contains("Offer a place and ask for references"), "the page as now");
        assertTrue(r.getBody().contains("value=\"" + stored().version() + "\""));
        assertEquals(Application.Status.RESERVE, stored().status());
        assertEquals(mails, outbox.messages().size(), "no referee was asked");
    }
}

package org.involve.core.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.involve.core.application.ApplicationJourney.SectionResult;
import org.involve.core.application.ApplicationJourney.SubmitResult;
import org.involve.core.draft.ApplicationDraft;
import org.involve.core.fakes.Answers;
import org.involve.core.fakes.InMemoryApplications;
import org.involve.core.fakes.InMemoryAttempts;
import org.involve.core.fakes.InMemoryDrafts;
import org.involve.core.fakes.InMemoryOutbox;
import org.involve.core.fakes.InMemoryRoles;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.RecordingMailQueue;
import org.involve.core.fakes.TestLinks;
import org.involve.core.fakes.TestRoles;
import org.involve.core.kit.Section;
import org.involve.core.monitoring.MonitoringToken;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.Role;
import org.junit.jupiter.api.Test;

class ApplicationJourneyTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-10T10:00:00Z"));
    private final InMemoryRoles roles = new InMemoryRoles();
    private final InMemoryDrafts drafts = new InMemoryDrafts();
    private final RecordingMailQueue queue = new RecordingMailQueue();
    private final InMemoryOutbox outbox = new InMemoryOutbox(queue);
    private final InMemoryApplications applications = new InMemoryApplications(outbox, drafts);
    private final MonitoringToken tokens =
            new MonitoringToken("a-test-signing-key-of-enough-length");
    private final ApplicationJourney journey =
            new ApplicationJourney(
                    roles,
                    drafts,
                    applications,
                    tokens,
                    clock,
                    new ApplyingSettings(
                            "https://involve.example.org",
                            "https://staff.involve.example.org",
                            Duration.ofDays(14),
                            Duration.ofSeconds(20)),
                    TestLinks.WITHDRAWAL,
                    new InMemoryAttempts(outbox));
    private final Role role = TestRoles.monthly(LocalDate.of(2025, 1, 20));

    /** A journey over the same stores with these limits (and counts of its own). */
    private ApplicationJourney limited(int perAddressPerDay, int perClientPerHour) {
        return new ApplicationJourney(
                roles,
                drafts,
                applications,
                tokens,
                clock,
                new ApplyingSettings(
                        "https://involve.example.org",
                        "https://staff.involve.example.org",
                        Duration.ofDays(14),
                        Duration.ofSeconds(20),
                        perAddressPerDay,
                        perClientPerHour),
                TestLinks.WITHDRAWAL,
                new InMemoryAttempts(outbox));
    }

    private long sent(String purpose) {
        return outbox.messages().stream().filter(m -> m.purpose().equals(purpose)).count();
    }

    @Test
    void beyondTheAcknowledgementsToOneAddressInADayTheApplicationIsKeptWithoutTheEmail() {
        ApplicationJourney j = limited(2, 10);
        Role dayRate = TestRoles.dayRate(LocalDate.of(2025, 1, 20));
        Role unpaid = TestRoles.unpaid(LocalDate.of(2025, 1, 20));
        roles.save(dayRate);
        roles.save(unpaid);
        for (Role r : List.of(role, dayRate)) {
            var ok =
                    (SubmitResult.Submitted)
                            j.submit(fillEverything(r, Answers.valid(r)), r.id(), Map.of());
            assertEquals(
                    Application.Acknowledgement.EMAIL_QUEUED, ok.application().acknowledgement());
        }
        // The same address, written differently, is the same address.
        Map<String, String> third = Answers.valid(unpaid);
        third.put(ApplicationForm.EMAIL, " Jo.TestPerson@EXAMPLE.org");
        String draft = fillEverything(unpaid, third);
        var held = (SubmitResult.Submitted) j.submit(draft, unpaid.id(), Map.of());
        assertTrue(held.created(), "the application is still stored");
        assertEquals(
                Application.Acknowledgement.EMAIL_LIMITED, held.application().acknowledgement());
        assertEquals(
                Application.Acknowledgement.EMAIL_LIMITED,
                applications
                        .findByReference(
                                held.application().reference(),
                                org.involve.core.kit.Read.CONSISTENT)
                        .orElseThrow()
                        .acknowledgement());
        assertEquals(3, applications.applications.size());
        assertEquals(2, sent(AcknowledgementLetters.ACKNOWLEDGEMENT), "no third acknowledgement");
        assertTrue(
                j.sent(draft, unpaid.id()).orElseThrow().emailed(), "the same confirmation page");

        // Another address is not held back; nor is this one the next day.
        Map<String, String> other = Answers.valid(unpaid);
        other.put(ApplicationForm.EMAIL, "someone.else@example.org");
        other.put(ApplicationForm.FULL_NAME, "Someone Else");
        var another =
                (SubmitResult.Submitted)
                        j.submit(fillEverything(unpaid, other), unpaid.id(), Map.of());
        assertEquals(
                Application.Acknowledgement.EMAIL_QUEUED, another.application().acknowledgement());
        clock.advance(Duration.ofDays(1));
        j.submit(fillEverything(unpaid, Answers.valid(unpaid)), unpaid.id(), Map.of());
        assertEquals(1, sent(AcknowledgementLetters.APPLIED_AGAIN), "counted afresh the next day");
    }

    @Test
    void beyondTheLimitSomeoneWhoAppliedIsNotToldAgainThatTheirAddressWasUsed() {
        ApplicationJourney j = limited(2, 10);
        j.submit(fillEverything(Answers.valid(role)), role.id(), Map.of());
        j.submit(fillEverything(Answers.valid(role)), role.id(), Map.of());
        assertEquals(1, sent(AcknowledgementLetters.APPLIED_AGAIN));
        var third =
                (SubmitResult.Submitted)
                        j.submit(fillEverything(Answers.valid(role)), role.id(), Map.of());
        assertEquals(1, sent(AcknowledgementLetters.APPLIED_AGAIN), "not a second notice today");
        assertEquals(1, sent(AcknowledgementLetters.ACKNOWLEDGEMENT));
        assertFalse(third.created());
        assertEquals(1, applications.applications.size());
    }

    @Test
    void beyondTheApplicationsFromOneClientInAnHourNothingIsSentAndTheDraftIsKept() {
        ApplicationJourney j = limited(3, 2);
        Role dayRate = TestRoles.dayRate(LocalDate.of(2025, 1, 20));
        Role unpaid = TestRoles.unpaid(LocalDate.of(2025, 1, 20));
        roles.save(dayRate);
        roles.save(unpaid);
        for (Role r : List.of(role, dayRate))
            assertInstanceOf(
                    SubmitResult.Submitted.class,
                    j.submit(fillEverything(r, Answers.valid(r)), r.id(), Map.of(), "203.0.113.9"));
        String draft = fillEverything(unpaid, Answers.valid(unpaid));
        assertInstanceOf(
                SubmitResult.TooManyFromClient.class,
                j.submit(draft, unpaid.id(), Map.of(), "203.0.113.9"));
        assertEquals(2, applications.applications.size());
        assertEquals(2, sent(AcknowledgementLetters.ACKNOWLEDGEMENT));
        assertTrue(j.sent(draft, unpaid.id()).isEmpty(), "not sent");
        assertEquals(
                Answers.valid(unpaid).get(ApplicationForm.EMAIL),
                j.draft(draft, unpaid.id()).answers().get(ApplicationForm.EMAIL),
                "the draft kept with what was typed");
        // Counted under a one-way key: the address itself is nowhere.
        assertFalse(ApplicationJourney.clientKey("203.0.113.9").contains("203.0.113"));

        // An hour after the first, the same draft goes.
        clock.advance(Duration.ofHours(1));
        var later = (SubmitResult.Submitted) j.submit(draft, unpaid.id(), Map.of(), "203.0.113.9");
        assertTrue(later.created());
    }

    /**
     * "At most 10 from one client in an hour" holds in any hour, not per clock hour: the top of the hour falling
     * between the applications starts no new count (the CI once saw the 11th sent because 11 submissions crossed
     * 11:00), and the first one's place is free again an hour after it, not before.
     */
    @Test
    void theApplicationsFromOneClientAreCountedInAnyHourWhereverTheClockHourFalls() {
        ApplicationJourney j = limited(100, 10);
        clock.set(Instant.parse("2025-01-10T09:00:00Z"));
        List<String> drafts = new java.util.ArrayList<>();
        for (int i = 0; i < 13; i++) drafts.add(fillEverything(Answers.valid(role)));
        clock.set(Instant.parse("2025-01-10T10:52:00Z"));
        for (int i = 0; i < 10; i++) {
            assertInstanceOf(
                    SubmitResult.Submitted.class,
                    j.submit(drafts.get(i), role.id(), Map.of(), "203.0.113.9"),
                    "application " + (i + 1) + " at " + clock.instant());
            clock.advance(Duration.ofMinutes(2));
        }
        // 11:12: ten were sent since 10:52, across 11:00.
        assertInstanceOf(
                SubmitResult.TooManyFromClient.class,
                j.submit(drafts.get(10), role.id(), Map.of(), "203.0.113.9"));
        // Refused tries are not counted: the first place frees at 11:52, not later.
        clock.set(Instant.parse("2025-01-10T11:51:59Z"));
        assertInstanceOf(
                SubmitResult.TooManyFromClient.class,
                j.submit(drafts.get(10), role.id(), Map.of(), "203.0.113.9"),
                "the first (10:52) still counts within the hour after it");
        clock.set(Instant.parse("2025-01-10T11:53:00Z"));
        assertInstanceOf(
                SubmitResult.Submitted.class,
                j.submit(drafts.get(10), role.id(), Map.of(), "203.0.113.9"),
                "61 minutes after the first");
        assertInstanceOf(
                SubmitResult.TooManyFromClient.class,
                j.submit(drafts.get(11), role.id(), Map.of(), "203.0.113.9"),
                "only the first one's place was free");
    }

    /** The acknowledgements to one address are limited in any 24 hours: midnight starts no new count. */
    @Test
    void theAcknowledgementsToOneAddressAreCountedInAny24HoursAcrossMidnight() {
        ApplicationJourney j = limited(2, 100);
        Role dayRate = TestRoles.dayRate(LocalDate.of(2025, 1, 20));
        Role unpaid = TestRoles.unpaid(LocalDate.of(2025, 1, 20));
        roles.save(dayRate);
        roles.save(unpaid);
        clock.set(Instant.parse("2025-01-10T22:00:00Z"));
        String first = fillEverything(role, Answers.valid(role));
        String second = fillEverything(dayRate, Answers.valid(dayRate));
        String third = fillEverything(unpaid, Answers.valid(unpaid));
        clock.set(Instant.parse("2025-01-10T23:30:00Z"));
        j.submit(first, role.id(), Map.of());
        clock.set(Instant.parse("2025-01-10T23:50:00Z"));
        j.submit(second, dayRate.id(), Map.of());
        clock.set(Instant.parse("2025-01-11T00:10:00Z"));
        var held = (SubmitResult.Submitted) j.submit(third, unpaid.id(), Map.of());
        assertEquals(
                Application.Acknowledgement.EMAIL_LIMITED,
                held.application().acknowledgement(),
                "the new day starts no new count");
        assertEquals(2, sent(AcknowledgementLetters.ACKNOWLEDGEMENT));

        // Over 24 hours after the first (23:30), one more may go.
        clock.set(Instant.parse("2025-01-11T23:31:00Z"));
        j.submit(fillEverything(role, Answers.valid(role)), role.id(), Map.of());
        assertEquals(1, sent(AcknowledgementLetters.APPLIED_AGAIN));
        j.submit(fillEverything(role, Answers.valid(role)), role.id(), Map.of());
        assertEquals(1, sent(AcknowledgementLetters.APPLIED_AGAIN), "and only one");
    }

    @Test
    void anotherClientIsNotHeldBackByOneOverItsLimit() {
        ApplicationJourney j = limited(3, 1);
        Role dayRate = TestRoles.dayRate(LocalDate.of(2025, 1, 20));
        roles.save(dayRate);
        j.submit(fillEverything(Answers.valid(role)), role.id(), Map.of(), "203.0.113.9");
        String draft = fillEverything(dayRate, Answers.valid(dayRate));
        assertInstanceOf(
                SubmitResult.TooManyFromClient.class,
                j.submit(draft, dayRate.id(), Map.of(), "203.0.113.9"));
        assertInstanceOf(
                SubmitResult.Submitted.class,
                j.submit(draft, dayRate.id(), Map.of(), "2001:db8::7"));
    }

    ApplicationJourneyTest() {
        roles.save(role);
    }

    private String fillEverything(Map<String, String> answers) {
        return fillEverything(role, answers);
    }

    private String fillEverything(Role role, Map<String, String> answers) {
        String id = journey.start(role.id()).id();
        ApplicationForm form = new ApplicationForm(role);
        for (var s : form.sections(answers)) {
            SectionResult r =
                    journey.saveSection(id, role.id(), s.id(), Answers.forSection(s, answers));
            assertFalse(
                    r instanceof SectionResult.Invalid,
                    () ->
                            "section "
                                    + s.id()
                                    + " was refused: "
                                    + ((SectionResult.Invalid) r).errors().asMap());
        }
        clock.advance(Duration.ofMinutes(5));
        return id;
    }

    /**
     * Drafts rely on DynamoDB's time to live (expiresAtEpoch), which DynamoDB Local never applies and AWS applies
     * within a few days: so a draft expires the draft period after it was started, and once expired it is gone to the
     * applicant even while the item is still stored.
     */
    @Test
    void aDraftExpiresTheDraftPeriodAfterItWasStartedAndIsGoneOnceExpired() {
        ApplicationDraft d = journey.start(role.id());
        assertEquals(clock.instant().plus(Duration.ofDays(14)), d.expiresAt());
        clock.advance(Duration.ofDays(14).minusSeconds(1));
        assertEquals(d.id(), journey.draft(d.id(), role.id()).id());
        clock.advance(Duration.ofSeconds(1));
        assertThrows(
                ApplicationJourney.DraftNotFound.class, () -> journey.draft(d.id(), role.id()));
    }

    /** The pages warn in the draft's last two days (each save gives it the whole period again: SampleEventsTest). */
    @Test
    void aDraftExpiresSoonInItsLastTwoDays() {
        ApplicationDraft d = journey.start(role.id());
        clock.advance(Duration.ofDays(12).minusSeconds(1));
        assertFalse(journey.expiresSoon(journey.draft(d.id(), role.id())));
        clock.advance(Duration.ofSeconds(1));
        assertTrue(journey.expiresSoon(journey.draft(d.id(), role.id())));
    }

    @Test
    void aCompleteApplicationIsStoredWithOneAcknowledgementEmailAnnounced() {
        String draft = fillEverything(Answers.valid(role));
        var result = (SubmitResult.Submitted) journey.submit(draft, role.id(), Map.of());
        assertTrue(result.created());
        assertTrue(result.application().reference().matches("INV-[2-9B-Z]{4}-[2-9B-Z]{4}"));
        assertEquals(1, applications.applications.size());
        List<OutboxMessage> sent = outbox.messages();
        assertEquals(1, sent.size());
        assertEquals("jo.testperson@example.org", sent.get(0).email().to());
        assertEquals(List.of(sent.get(0).id()), queue.announced);
    }

    @Test
    void pressingSubmitTwiceMakesOneApplicationAndOneEmail() {
        String draft = fillEverything(Answers.valid(role));
        var first = (SubmitResult.Submitted) journey.submit(draft, role.id(), Map.of());
        var second = (SubmitResult.Submitted) journey.submit(draft, role.id(), Map.of());
        assertEquals(first.application().reference(), second.application().reference());
        assertFalse(second.created());
        assertEquals(1, outbox.messages().size());
        assertEquals(1, queue.announced.size());
    }

    @Test
    void theSamePersonApplyingAgainFromANewStartMakesOneApplication() {
        var first =
                (SubmitResult.Submitted)
                        journey.submit(fillEverything(Answers.valid(role)), role.id(), Map.of());
        Map<String, String> again = Answers.valid(role);
        again.put(ApplicationForm.EMAIL, "  JO.TESTPERSON@example.org ");
        var second =
                (SubmitResult.Submitted) journey.submit(fillEverything(again), role.id(), Map.of());
        assertEquals(first.application().reference(), second.application().reference());
        assertEquals(1, applications.applications.size());
        // One acknowledgement, and one notice to the same address that someone applied again.
        assertEquals(
                List.of(
                        AcknowledgementLetters.ACKNOWLEDGEMENT,
                        AcknowledgementLetters.APPLIED_AGAIN),
                outbox.messages().stream()
                        .sorted(java.util.Comparator.comparing(OutboxMessage::createdAt))
                        .map(OutboxMessage::purpose)
                        .toList());
    }

    @Test
    void someoneApplyingAgainWithAKnownAddressSeesWhatANewApplicantSeesAndTheOwnerIsTold() {
        String firstDraft = fillEverything(Answers.valid(role));
        var first = (SubmitResult.Submitted) journey.submit(firstDraft, role.id(), Map.of());
        // Someone else, with other answers but the first applicant's e-mail address.
        Map<String, String> stranger = Answers.valid(role);
        stranger.put(ApplicationForm.FULL_NAME, "Someone Else");
        stranger.put(ApplicationForm.EMAIL, "Jo.TestPerson@example.org");
        String secondDraft = fillEverything(stranger);
        journey.submit(secondDraft, role.id(), Map.of());

        var shownFirst = journey.sent(firstDraft, role.id()).orElseThrow();
        var shownSecond = journey.sent(secondDraft, role.id()).orElseThrow();
        assertEquals(shownFirst.role(), shownSecond.role());
        assertTrue(shownFirst.emailed() && shownSecond.emailed());
        assertEquals(shownFirst.talkFirst(), shownSecond.talkFirst());
        assertEquals("Jo.TestPerson@example.org", shownSecond.email(), "the address they typed");

        OutboxMessage notice =
                outbox.messages().stream()
                        .filter(m -> m.purpose().equals(AcknowledgementLetters.APPLIED_AGAIN))
                        .findFirst()
                        .orElseThrow();
        assertEquals("jo.testperson@example.org", notice.email().to(), "the owner's address");
        assertTrue(notice.email().subject().startsWith("Someone tried to apply again"));
        String text = notice.email().text();
        assertTrue(text.contains("Dear Jo Testperson"), text);
        assertFalse(text.contains("Someone Else"), "nothing the second sender typed");
        assertTrue(text.contains("Nothing in your application has changed"), text);
        assertTrue(text.contains(first.application().reference()), text);
        assertTrue(text.contains(role.contact().email()), "the team's contact: " + text);
        assertFalse(
                text.contains(
                        tokens.forApplication(
                                first.application().roleId(), first.application().reference())),
                "never the monitoring link");
        assertEquals(1, applications.applications.size());
        assertEquals(
                "Jo Testperson",
                applications
                        .applications
                        .values()
                        .iterator()
                        .next()
                        .answer(ApplicationForm.FULL_NAME),
                "the first application is unchanged");
    }

    @Test
    void applyingAgainAfterWithdrawingSaysPlainlyThatTheFormCannotTakeANewApplication() {
        var first =
                (SubmitResult.Submitted)
                        journey.submit(fillEverything(Answers.valid(role)), role.id(), Map.of());
        Application withdrawn = first.application().after(Application.Status.WITHDRAWN, Map.of());
        applications.applications.replaceAll((k, a) -> withdrawn);
        journey.submit(fillEverything(Answers.valid(role)), role.id(), Map.of());

        String text =
                outbox.messages().stream()
                        .filter(m -> m.purpose().equals(AcknowledgementLetters.APPLIED_AGAIN))
                        .findFirst()
                        .orElseThrow()
                        .email()
                        .text();
        assertTrue(text.contains("You withdrew your application"), text);
        assertTrue(text.contains(withdrawn.reference()), text);
        assertTrue(text.contains(role.contact().email()), "how to contact the team: " + text);
        assertFalse(text.contains("Nothing in your application has changed"), text);
        assertFalse(text.contains("withdraw your application at any time"), "nothing to withdraw");
        assertEquals(1, applications.applications.size(), "nothing new is stored");
    }

    @Test
    void sendingTheSameRepeatedDraftTwiceTellsTheOwnerOnce() {
        journey.submit(fillEverything(Answers.valid(role)), role.id(), Map.of());
        String again = fillEverything(Answers.valid(role));
        journey.submit(again, role.id(), Map.of());
        journey.submit(again, role.id(), Map.of());
        assertEquals(
                1,
                outbox.messages().stream()
                        .filter(m -> m.purpose().equals(AcknowledgementLetters.APPLIED_AGAIN))
                        .count());
    }

    @Test
    void twoRequestsSendingTheSameDraftAtOnceTellNobodyTheyAppliedAgain() {
        String draft = fillEverything(Answers.valid(role));
        // The other request's transaction commits between this one's checks and its own write.
        ApplicationStore racing =
                new ApplicationStore() {
                    @Override
                    public Stored submit(
                            Application app, List<OutboxMessage> messages, String draftId) {
                        Application other =
                                new Application(
                                        "INV-RACE-RACE",
                                        app.roleId(),
                                        app.applicantKey(),
                                        app.status(),
                                        app.answers(),
                                        app.submittedAt(),
                                        app.contactMethod(),
                                        app.acknowledgement(),
                                        "applicant");
                        applications.submit(other, messages, draftId);
                        return applications.submit(app, messages, draftId);
                    }

                    @Override
                    public void submittedAgain(
                            org.involve.core.draft.ApplicationDraft d, List<OutboxMessage> m) {
                        applications.submittedAgain(d, m);
                    }

                    @Override
                    public java.util.Optional<Application> find(
                            String roleId, String applicantKey, org.involve.core.kit.Read read) {
                        return applications.find(roleId, applicantKey, read);
                    }

                    @Override
                    public java.util.Optional<Application> findByReference(
                            String reference, org.involve.core.kit.Read read) {
                        return applications.findByReference(reference, read);
                    }
                };
        ApplicationJourney raced =
                new ApplicationJourney(
                        roles,
                        drafts,
                        racing,
                        tokens,
                        clock,
                        new ApplyingSettings(
                                "https://involve.example.org",
                                "https://staff.involve.example.org",
                                Duration.ofDays(14),
                                Duration.ofSeconds(20)),
                        TestLinks.WITHDRAWAL,
                        new org.involve.core.fakes.InMemoryAttempts(
                                new org.involve.core.fakes.InMemoryOutbox(
                                        new org.involve.core.fakes.RecordingMailQueue())));
        var result = (SubmitResult.Submitted) raced.submit(draft, role.id(), Map.of());
        assertEquals("INV-RACE-RACE", result.application().reference());
        assertEquals(
                List.of(AcknowledgementLetters.ACKNOWLEDGEMENT),
                outbox.messages().stream().map(OutboxMessage::purpose).toList());
        assertFalse(drafts.drafts.get(draft).earlierApplication());
    }

    @Test
    void repeatedDetailsWithoutAnEmailAddressAskTheTeamToTellTheApplicant() {
        Map<String, String> byPhone = Answers.valid(role);
        byPhone.remove(ApplicationForm.EMAIL);
        byPhone.put(ApplicationForm.CONTACT_METHOD, "telephone");
        var first =
                (SubmitResult.Submitted)
                        journey.submit(fillEverything(byPhone), role.id(), Map.of());
        String second = fillEverything(byPhone);
        journey.submit(second, role.id(), Map.of());
        OutboxMessage task =
                outbox.messages().stream()
                        .filter(m -> m.purpose().equals("applied-again-task"))
                        .findFirst()
                        .orElseThrow();
        assertEquals("team@example.org", task.email().to());
        String ref = first.application().reference();
        assertTrue(
                task.email()
                        .text()
                        .contains("https://staff.involve.example.org/staff/applications/" + ref),
                task.email().text());
        var shown = journey.sent(second, role.id()).orElseThrow();
        assertFalse(shown.emailed());
        assertEquals("telephone", shown.contactMethod());
    }

    @Test
    void thePageAfterSendingIsOnlyForADraftThatHasBeenSent() {
        String draft = fillEverything(Answers.valid(role));
        assertTrue(journey.sent(draft, role.id()).isEmpty());
        journey.submit(draft, role.id(), Map.of());
        assertTrue(journey.sent(draft, role.id()).isPresent());
    }

    @Test
    void aSecondDraftFromTheSamePersonLeadsToTheirFirstApplicationsConfirmation() {
        String firstDraft = fillEverything(Answers.valid(role));
        String secondDraft =
                fillEverything(
                        Answers.valid(
                                role)); // started before the first was sent, in another browser
        var first = (SubmitResult.Submitted) journey.submit(firstDraft, role.id(), Map.of());
        journey.submit(secondDraft, role.id(), Map.of());
        var shown = journey.submitted(secondDraft, role.id()).orElseThrow();
        assertEquals(first.application().reference(), shown.application().reference());
        assertTrue(shown.earlierApplication());
        assertFalse(journey.submitted(firstDraft, role.id()).orElseThrow().earlierApplication());
    }

    @Test
    void errorsAreListedInTheOrderOfTheQuestionsWhateverCheckFoundThem() {
        String draft = journey.start(role.id()).id();
        var result =
                (SectionResult.Invalid)
                        journey.saveSection(draft, role.id(), ApplicationForm.ABOUT_YOU, Map.of());
        assertEquals(
                List.of(
                        ApplicationForm.FULL_NAME,
                        ApplicationForm.EMAIL,
                        ApplicationForm.CONTACT_METHOD),
                List.copyOf(result.errors().asMap().keySet()));
    }

    @Test
    void anApplicationSentSoonerThanAPersonCouldIsHeldBackAndKept() {
        String draft = journey.start(role.id()).id();
        Map<String, String> answers = Answers.valid(role);
        for (var s : new ApplicationForm(role).sections(answers))
            journey.saveSection(draft, role.id(), s.id(), Answers.forSection(s, answers));
        clock.advance(Duration.ofSeconds(5));
        assertInstanceOf(
                SubmitResult.LooksAutomated.class, journey.submit(draft, role.id(), Map.of()));
        assertTrue(applications.applications.isEmpty());
        clock.advance(Duration.ofSeconds(30));
        assertInstanceOf(SubmitResult.Submitted.class, journey.submit(draft, role.id(), Map.of()));
    }

    @Test
    void aFilledTrapFieldStopsTheSubmissionWithoutLosingTheAnswers() {
        String draft = fillEverything(Answers.valid(role));
        assertInstanceOf(
                SubmitResult.LooksAutomated.class,
                journey.submit(
                        draft,
                        role.id(),
                        Map.of(ApplicationJourney.HONEYPOT, "http://spam.example")));
        assertTrue(applications.applications.isEmpty());
        assertFalse(drafts.drafts.get(draft).answers().isEmpty());
    }

    @Test
    void atMidnightAfterTheClosingDateNothingCanBeSubmitted() {
        String draft = fillEverything(Answers.valid(role));
        clock.set(Instant.parse("2025-01-21T00:00:00Z")); // 00:00:00 GMT
        assertThrows(
                ApplicationJourney.RoleClosed.class,
                () -> journey.submit(draft, role.id(), Map.of()));
        assertTrue(applications.applications.isEmpty());
    }

    @Test
    void aMinuteBeforeClosingTheApplicationIsAccepted() {
        String draft = fillEverything(Answers.valid(role));
        clock.set(Instant.parse("2025-01-20T23:58:00Z"));
        assertInstanceOf(SubmitResult.Submitted.class, journey.submit(draft, role.id(), Map.of()));
    }

    @Test
    void halfwayThroughTheMinuteOf2359GmtTheApplicationIsAccepted() {
        String draft = fillEverything(Answers.valid(role));
        clock.set(Instant.parse("2025-01-20T23:59:30Z")); // 23:59:30 GMT
        assertInstanceOf(SubmitResult.Submitted.class, journey.submit(draft, role.id(), Map.of()));
    }

    @Test
    void halfwayThroughTheMinuteOf2359BstTheApplicationIsAccepted() {
        Role june = saved(TestRoles.dayRate(LocalDate.of(2025, 6, 12)));
        clock.set(Instant.parse("2025-06-10T10:00:00Z"));
        String draft = fillEverything(june, Answers.valid(june));
        clock.set(Instant.parse("2025-06-12T22:59:30Z")); // 23:59:30 BST
        assertInstanceOf(SubmitResult.Submitted.class, journey.submit(draft, june.id(), Map.of()));
    }

    @Test
    void atMidnightBstAfterTheClosingDateNothingCanBeSubmitted() {
        Role june = saved(TestRoles.dayRate(LocalDate.of(2025, 6, 12)));
        clock.set(Instant.parse("2025-06-10T10:00:00Z"));
        String draft = fillEverything(june, Answers.valid(june));
        clock.set(Instant.parse("2025-06-12T23:00:00Z")); // 00:00:00 BST on 13 June
        assertThrows(
                ApplicationJourney.RoleClosed.class,
                () -> journey.submit(draft, june.id(), Map.of()));
        assertTrue(applications.applications.isEmpty());
    }

    @Test
    void thePublicPagesShowTheRoleOpenThroughTheMinuteOf2359AndClosedAtMidnight() {
        clock.set(Instant.parse("2025-01-20T23:59:30Z")); // 23:59:30 GMT
        assertTrue(journey.openRoles().contains(role));
        assertEquals(role, journey.openRole(role.id()));
        assertTrue(journey.acceptingNow(role));
        clock.set(Instant.parse("2025-01-21T00:00:00Z"));
        assertFalse(journey.openRoles().contains(role));
        assertThrows(ApplicationJourney.RoleClosed.class, () -> journey.openRole(role.id()));
        assertFalse(journey.acceptingNow(role));
    }

    private Role saved(Role r) {
        roles.save(r);
        return r;
    }

    /** The eligibility question as the page posts it: one box ticked for each answer given. */
    private static Map<String, String> ticking(String... boxes) {
        Map<String, String> posted = new java.util.HashMap<>();
        for (String box : boxes) posted.put(box, "yes");
        return posted;
    }

    @Test
    void whoCanApplyIsAskedFirstBeforeAnyPersonalDetails() {
        List<String> order =
                new ApplicationForm(role).sections(Map.of()).stream().map(s -> s.id()).toList();
        assertEquals(
                List.of(ApplicationForm.ELIGIBILITY, ApplicationForm.PAID_ROLES),
                order.subList(0, 2));
        assertTrue(order.indexOf(ApplicationForm.ABOUT_YOU) > 1);
    }

    @Test
    void anExcludedApplicantIsToldWhyAndNothingIsSavedOrDeleted() {
        String draft = journey.start(role.id()).id();
        var result =
                journey.saveSection(
                        draft,
                        role.id(),
                        ApplicationForm.ELIGIBILITY,
                        ticking(Eligibility.HEALTH_PROFESSIONAL));
        var refused = assertInstanceOf(SectionResult.CannotApply.class, result);
        assertTrue(refused.reasons().get(0).contains("Health workers who still treat patients"));
        // Not saved: the draft is still there, without the answer, so the person can change it.
        var kept = drafts.drafts.get(draft);
        assertFalse(kept.answers().containsKey(Eligibility.HEALTH_PROFESSIONAL));
        assertFalse(kept.completedSections().contains(ApplicationForm.ELIGIBILITY));

        // Changed to "None of these", the application carries on.
        var changed =
                journey.saveSection(
                        draft,
                        role.id(),
                        ApplicationForm.ELIGIBILITY,
                        ticking(ApplicationForm.NONE_APPLY));
        assertEquals(new SectionResult.Next(ApplicationForm.PAID_ROLES), changed);
        assertEquals("no", drafts.drafts.get(draft).answers().get(Eligibility.HEALTH_PROFESSIONAL));
    }

    @Test
    void
            changingAnAnswerToARefusalKeepsTheOtherAnswersButTheApplicationCannotBeSentUntilItIsAnsweredAgain() {
        String draft = fillEverything(Answers.valid(role));
        var result =
                journey.saveSection(
                        draft,
                        role.id(),
                        ApplicationForm.ELIGIBILITY,
                        ticking(Eligibility.ELECTED_OFFICE));
        assertInstanceOf(SectionResult.CannotApply.class, result);
        var kept = drafts.drafts.get(draft);
        assertEquals("Jo Testperson", kept.answers().get(ApplicationForm.FULL_NAME));
        assertEquals("no", kept.answers().get(Eligibility.ELECTED_OFFICE));
        assertEquals(
                new SubmitResult.Incomplete(ApplicationForm.ELIGIBILITY),
                journey.submit(draft, role.id(), Map.of()));
        assertTrue(applications.applications.isEmpty());
    }

    @Test
    void noneOfTheseCannotBeTickedWithAnotherBoxAndOneBoxMustBeTicked() {
        String draft = journey.start(role.id()).id();
        var both =
                assertInstanceOf(
                        SectionResult.Invalid.class,
                        journey.saveSection(
                                draft,
                                role.id(),
                                ApplicationForm.ELIGIBILITY,
                                ticking(Eligibility.DISQUALIFIED, ApplicationForm.NONE_APPLY)));
        assertEquals(
                "Select None of these, or select the ones that apply, not both",
                both.errors().asMap().get(ApplicationForm.ELIGIBILITY_ANSWER));
        var none =
                assertInstanceOf(
                        SectionResult.Invalid.class,
                        journey.saveSection(
                                draft, role.id(), ApplicationForm.ELIGIBILITY, Map.of()));
        assertEquals(
                "Select all that apply to you, or select None of these",
                none.errors().asMap().get(ApplicationForm.ELIGIBILITY_ANSWER));
    }

    @Test
    void eachSaveKeepsTheAnswersForTheWholePeriodAgain() {
        ApplicationDraft started = journey.start(role.id());
        clock.advance(Duration.ofDays(10));
        journey.saveSection(
                started.id(),
                role.id(),
                ApplicationForm.ELIGIBILITY,
                ticking(ApplicationForm.NONE_APPLY));
        assertEquals(
                clock.instant().plus(Duration.ofDays(14)),
                drafts.drafts.get(started.id()).expiresAt(),
                "14 days from the save, not from the start");
    }

    @Test
    void aTalkFirstAnswerAddsAFollowUpOnlyForWhatApplies() {
        String draft = journey.start(role.id()).id();
        var next =
                journey.saveSection(
                        draft,
                        role.id(),
                        ApplicationForm.ELIGIBILITY,
                        ticking(Eligibility.TRUSTEE_REMOVED));
        assertEquals(new SectionResult.Next(ApplicationForm.TELL_US_MORE), next);
        var followUp =
                journey.section(role, drafts.drafts.get(draft), ApplicationForm.TELL_US_MORE);
        assertEquals(
                List.of(ApplicationForm.detailsField(Eligibility.TRUSTEE_REMOVED)),
                followUp.fields().stream().map(f -> f.name()).toList());
        assertFalse(followUp.fields().get(0).required());
    }

    @Test
    void aTalkFirstApplicationIsHeldAndStaffAreAlerted() {
        Map<String, String> answers = Answers.valid(role);
        answers.put(Eligibility.DISQUALIFIED, "yes");
        answers.put(ApplicationForm.NONE_APPLY, "no");
        var result =
                (SubmitResult.Submitted)
                        journey.submit(fillEverything(answers), role.id(), Map.of());
        assertEquals(Application.Status.HELD_TO_TALK_FIRST, result.application().status());
        List<String> recipients = outbox.messages().stream().map(m -> m.email().to()).toList();
        assertTrue(recipients.contains("team@example.org"));
        assertTrue(recipients.contains("jo.testperson@example.org"));
    }

    @Test
    void anApplicantWhoAskedForTelephoneIsAcknowledgedByStaffNotByEmail() {
        Map<String, String> answers = Answers.valid(role);
        answers.put(ApplicationForm.CONTACT_METHOD, "telephone");
        var result =
                (SubmitResult.Submitted)
                        journey.submit(fillEverything(answers), role.id(), Map.of());
        assertEquals(
                Application.Acknowledgement.STAFF_TO_CONTACT,
                result.application().acknowledgement());
        List<OutboxMessage> messages = outbox.messages();
        assertEquals(1, messages.size());
        assertEquals("team@example.org", messages.get(0).email().to());
        assertTrue(messages.get(0).email().text().contains("07700 900982"));
    }

    @Test
    void choosingPostWithoutAnAddressIsAClearError() {
        String draft = journey.start(role.id()).id();
        Map<String, String> answers = Answers.valid(role);
        answers.put(ApplicationForm.CONTACT_METHOD, "post");
        answers.remove(ApplicationForm.POSTCODE);
        var section =
                new ApplicationForm(role).section(ApplicationForm.ABOUT_YOU, answers).orElseThrow();
        var result =
                (SectionResult.Invalid)
                        journey.saveSection(
                                draft,
                                role.id(),
                                ApplicationForm.ABOUT_YOU,
                                Answers.forSection(section, answers));
        assertEquals(
                "Enter your postcode, as you would like us to write to you by post",
                result.errors().asMap().get(ApplicationForm.POSTCODE));
    }

    @Test
    void theRolesReferencesRequiredRefereesAreAskedForBeforeTheDeclarations() {
        List<String> ids =
                new ApplicationForm(role)
                        .sections(Answers.valid(role)).stream().map(Section::id).toList();
        assertEquals(ids.size() - 2, ids.indexOf(ApplicationForm.REFEREES));
        Section referees =
                new ApplicationForm(role).section(ApplicationForm.REFEREES, Map.of()).orElseThrow();
        assertEquals(2 * 5, referees.fields().size());
        assertEquals(
                referees.fields().size(),
                referees.fields().stream().map(f -> f.label()).distinct().count(),
                "each question reads on its own");
        assertTrue(referees.intro().contains("must not be a relative"));
        assertTrue(referees.intro().contains("at least a year"));
        assertTrue(
                referees.intro()
                        .contains("only contact your referees if you do well at interview"));
        Role three = TestRoles.withReferences(role, 3);
        assertEquals(
                "Third referee's email address",
                new ApplicationForm(three)
                        .section(ApplicationForm.REFEREES, Map.of())
                        .orElseThrow()
                        .fields()
                        .get(13)
                        .label());
    }

    @Test
    void aRefereeMustBeSomeoneElseAndEachADifferentPerson() {
        String draft = journey.start(role.id()).id();
        Map<String, String> answers = Answers.valid(role);
        journey.saveSection(
                draft,
                role.id(),
                ApplicationForm.ABOUT_YOU,
                Answers.forSection(
                        new ApplicationForm(role)
                                .section(ApplicationForm.ABOUT_YOU, answers)
                                .orElseThrow(),
                        answers));
        answers.put(
                ApplicationForm.refereeField(1, ApplicationForm.REFEREE_EMAIL),
                "JO.TESTPERSON@example.org");
        answers.put(
                ApplicationForm.refereeField(2, ApplicationForm.REFEREE_EMAIL),
                "jo.testperson@example.org ");
        var section =
                new ApplicationForm(role).section(ApplicationForm.REFEREES, answers).orElseThrow();
        var result =
                (SectionResult.Invalid)
                        journey.saveSection(
                                draft,
                                role.id(),
                                ApplicationForm.REFEREES,
                                Answers.forSection(section, answers));
        assertEquals(
                "Enter your first referee's own email address, not yours",
                result.errors().asMap().get("referee1Email"));
        answers.put(
                ApplicationForm.refereeField(1, ApplicationForm.REFEREE_EMAIL),
                "sam.referee@example.org");
        answers.put(
                ApplicationForm.refereeField(2, ApplicationForm.REFEREE_EMAIL),
                "Sam.Referee@example.org");
        result =
                (SectionResult.Invalid)
                        journey.saveSection(
                                draft,
                                role.id(),
                                ApplicationForm.REFEREES,
                                Answers.forSection(section, answers));
        assertEquals(
                "Enter a different email address for each referee",
                result.errors().asMap().get("referee2Email"));
        result =
                (SectionResult.Invalid)
                        journey.saveSection(draft, role.id(), ApplicationForm.REFEREES, Map.of());
        assertEquals(
                "Enter your first referee's full name",
                result.errors().asMap().values().iterator().next());
    }

    @Test
    void anInvalidSectionSavesNothingAndKeepsEarlierAnswers() {
        Map<String, String> answers = Answers.valid(role);
        String draft = journey.start(role.id()).id();
        var about =
                new ApplicationForm(role).section(ApplicationForm.ABOUT_YOU, answers).orElseThrow();
        journey.saveSection(
                draft, role.id(), ApplicationForm.ABOUT_YOU, Answers.forSection(about, answers));
        var support = Map.of(ApplicationForm.DISABILITY_CONFIDENT, "perhaps");
        assertInstanceOf(
                SectionResult.Invalid.class,
                journey.saveSection(draft, role.id(), ApplicationForm.SUPPORT, support));
        assertEquals(
                "Jo Testperson", drafts.drafts.get(draft).answers().get(ApplicationForm.FULL_NAME));
        assertFalse(drafts.drafts.get(draft).completedSections().contains(ApplicationForm.SUPPORT));
    }

    @Test
    void submittingWithASectionMissingSendsThePersonBackToIt() {
        String draft = journey.start(role.id()).id();
        clock.advance(Duration.ofMinutes(5));
        var result = (SubmitResult.Incomplete) journey.submit(draft, role.id(), Map.of());
        assertEquals(ApplicationForm.ELIGIBILITY, result.sectionId());
    }

    @Test
    void whenTheQueueIsUnreachableTheEmailStaysInTheOutboxForTheSweep() {
        queue.unreachable = true;
        var result =
                (SubmitResult.Submitted)
                        journey.submit(fillEverything(Answers.valid(role)), role.id(), Map.of());
        assertTrue(result.created());
        assertEquals(1, outbox.due(clock.instant(), 10).size());
        // The warning an unreachable queue raises (without personal data) is the outbox adapter's:
        // DynamoOutboxTest.
    }

    @Test
    void theMonitoringTokenIsSignedForTheRoleAndCarriesNothingPersonal() {
        var result =
                (SubmitResult.Submitted)
                        journey.submit(fillEverything(Answers.valid(role)), role.id(), Map.of());
        String token =
                tokens.forApplication(
                        result.application().roleId(), result.application().reference());
        assertTrue(tokens.valid(token, role.id()));
        assertFalse(tokens.valid(token, "another-role"));
        // A fixed-size keyed hash and its signature: there is no room in it for anything about
        // the applicant, and nothing in it can be read back without the signing key.
        assertTrue(token.matches("[A-Za-z0-9_-]{24}\\.[A-Za-z0-9_-]{22}"), token);
    }
}

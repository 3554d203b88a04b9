package org.involve.core.application;

import org.involve.core.application.Application.Status;
import org.involve.core.application.StaffApplications.Acknowledging;
import org.involve.core.application.StaffApplications.Decision;
import org.involve.core.application.StaffApplications.Entry;
import org.involve.core.audit.AuditEntry;
import org.involve.core.fakes.Answers;
import org.involve.core.fakes.InMemoryApplicationRecords;
import org.involve.core.fakes.InMemoryApplications;
import org.involve.core.fakes.InMemoryAuditTrail;
import org.involve.core.fakes.InMemoryDrafts;
import org.involve.core.fakes.InMemoryOutbox;
import org.involve.core.fakes.InMemoryOutstandingAcknowledgements;
import org.involve.core.fakes.InMemoryRoles;
import org.involve.core.fakes.InMemoryRound;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.TestApplications;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.kit.Read;
import org.involve.core.kit.Section;
import org.involve.core.monitoring.MonitoringToken;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.involve.core.staff.AccessDenied;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StaffApplicationsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-10T10:00:00Z"));
    private final InMemoryRoles roles = new InMemoryRoles();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final InMemoryApplications applications = new InMemoryApplications(outbox, new InMemoryDrafts());
    private final InMemoryRound round = new InMemoryRound(applications, outbox, audit);
    private final InMemoryOutstandingAcknowledgements outstanding = new InMemoryOutstandingAcknowledgements();
    private final MonitoringToken tokens = new MonitoringToken("a-test-signing-key-of-enough-length");
    private final StaffApplications staff = new StaffApplications(roles, round, outstanding,
            new InMemoryApplicationRecords(applications, outstanding, outbox, audit), tokens, "https://involve.example.org/", clock);
    private final Role role = TestRoles.monthly(LocalDate.of(2025, 2, 1));

    StaffApplicationsTest() {
        roles.roles.put(role.id(), role);
    }

    private Map<String, String> posted(String channel, Map<String, String> changes) {
        Map<String, String> p = new HashMap<>(Answers.valid(role));
        p.put(StaffApplications.RECEIVED_BY, channel);
        p.putAll(changes);
        return p;
    }

    private Entry.Entered entered(String channel, Map<String, String> changes) {
        return assertInstanceOf(Entry.Entered.class, staff.enter(TestStaff.STAFF, role.id(), posted(channel, changes)));
    }

    private Application byTelephone() {
        return entered("telephone", Map.of(ApplicationForm.CONTACT_METHOD, "telephone")).application();
    }

    private Application heldToTalkFirst() {
        return entered("post", Map.of(Eligibility.TRUSTEE_REMOVED, "yes")).application();
    }

    @Test
    void anEnteredApplicationIsMarkedWithWhoEnteredItAndHowItCame() {
        Entry.Entered e = entered("voice-recording", Map.of());

        Application app = e.application();
        assertTrue(e.created());
        assertEquals(Status.RECEIVED, app.status());
        assertEquals(TestStaff.STAFF.id(), app.enteredBy());
        assertEquals("voice-recording", app.progress(StaffApplications.CHANNEL));
        assertEquals("Voice recording, entered by Sam Staffmember", StaffApplications.howItCameIn(app));
        assertEquals("Jo Testperson", app.answer(ApplicationForm.FULL_NAME));
        assertFalse(app.answers().containsKey(StaffApplications.RECEIVED_BY), "how it came is a fact, not an answer");
        assertTrue(tokens.valid(app.monitoringToken(), role.id()), "the applicant gets their own monitoring token");
        assertEquals(app, applications.applications.values().iterator().next());
        AuditEntry entry = audit.entries().get(0);
        assertEquals(List.of("staff-0001", "application entered for the applicant (voice-recording)", "application:" + app.reference(), "RECEIVED"),
                List.of(entry.who(), entry.what(), entry.record(), entry.toState()));
    }

    @Test
    void anApplicantWhoChoseEmailIsAcknowledgedByEmailWithTheirOwnMonitoringLink() {
        Entry.Entered e = entered("telephone", Map.of());
        assertEquals(List.of("ack-" + e.application().reference()), e.messageIds());
        OutboxMessage ack = outbox.messages().get(0);
        assertEquals("jo.testperson@example.org", ack.email().to());
        assertTrue(ack.email().text().contains("https://involve.example.org/monitoring?role=" + role.id() + "&token=" + e.application().monitoringToken()));
        assertEquals(Application.Acknowledgement.EMAIL_QUEUED, e.application().acknowledgement());
    }

    @Test
    void anApplicantWhoChoseTelephoneBecomesATaskForStaff() {
        Application app = byTelephone();
        assertEquals(Application.Acknowledgement.STAFF_TO_CONTACT, app.acknowledgement());
        assertEquals(List.of("ack-task-" + app.reference()), outbox.messages().stream().map(OutboxMessage::id).toList());
        assertEquals("team@example.org", outbox.messages().get(0).email().to());
        assertEquals(List.of(app.reference()), staff.unacknowledged(TestStaff.STAFF).stream().map(w -> w.application().reference()).toList());
        assertEquals("https://involve.example.org/monitoring?role=" + role.id() + "&token=" + app.monitoringToken(), staff.monitoringLink(app));
    }

    @Test
    void theSameApplicantEnteredTwiceMakesOneApplication() {
        Application first = entered("post", Map.of()).application();
        Entry.Entered again = entered("telephone", Map.of(ApplicationForm.FULL_NAME, "Jo Testperson"));

        assertFalse(again.created());
        assertEquals(first, again.application());
        assertEquals(List.of(), again.messageIds());
        assertEquals(1, applications.applications.size());
        assertEquals(1, outbox.messages().size());
        assertEquals(1, audit.entries().size());
    }

    @Test
    void missingAnswersAreShownAgainWithEverythingTypedKept() {
        Map<String, String> p = posted("", Map.of(ApplicationForm.FULL_NAME, "", ApplicationForm.CONTACT_METHOD, "post",
                ApplicationForm.ADDRESS_LINE_1, "", "livedExperience", "I care for my mother."));
        Entry.Invalid invalid = assertInstanceOf(Entry.Invalid.class, staff.enter(TestStaff.STAFF, role.id(), p));

        Map<String, String> errors = invalid.errors().asMap();
        assertEquals("Select how the application reached you", errors.get(StaffApplications.RECEIVED_BY));
        assertEquals("Enter your full name", errors.get(ApplicationForm.FULL_NAME));
        assertTrue(errors.get(ApplicationForm.ADDRESS_LINE_1).contains("by post"), "the public form's cross-checks apply too");
        assertEquals("I care for my mother.", invalid.values().get("livedExperience"));
        assertTrue(applications.applications.isEmpty());
        assertTrue(audit.entries().isEmpty());
    }

    @Test
    void theFormIsTheRolesApplicationFormSectionBySection() {
        StaffApplications.Form form = staff.form(TestStaff.STAFF, role.id(), Map.of());
        assertEquals(new ApplicationForm(role).sections(Map.of()).stream().map(Section::id).toList(),
                form.sections().stream().map(Section::id).toList());
    }

    @Test
    void someoneWhoCannotBeAPartnerIsRefusedWithReasonsAndNothingIsKept() {
        Entry e = staff.enter(TestStaff.STAFF, role.id(), posted("telephone", Map.of(Eligibility.ELECTED_OFFICE, "yes")));
        Entry.CannotApply refused = assertInstanceOf(Entry.CannotApply.class, e);
        assertTrue(refused.reasons().get(0).contains("local councillors"));
        assertTrue(applications.applications.isEmpty());
        assertTrue(outbox.messages().isEmpty());
    }

    @Test
    void aClosedRoleTakesNoEntries() {
        clock.set(Instant.parse("2025-02-02T00:00:00Z"));
        assertInstanceOf(Entry.Closed.class, staff.enter(TestStaff.STAFF, role.id(), posted("post", Map.of())));
        roles.roles.put(role.id(), role.withStatus(RoleStatus.WITHDRAWN));
        clock.set(Instant.parse("2025-01-10T10:00:00Z"));
        assertInstanceOf(Entry.Closed.class, staff.enter(TestStaff.STAFF, role.id(), posted("post", Map.of())));
        assertTrue(applications.applications.isEmpty());
    }

    @Test
    void onlyStaffSeeOrEnterApplications() {
        byTelephone();
        String ref = applications.applications.values().iterator().next().reference();
        for (var member : List.of(TestStaff.PANEL_A, TestStaff.FINANCE)) {
            assertThrows(AccessDenied.class, () -> staff.overview(member));
            assertThrows(AccessDenied.class, () -> staff.forRole(member, role.id()));
            assertThrows(AccessDenied.class, () -> staff.application(member, ref));
            assertThrows(AccessDenied.class, () -> staff.enter(member, role.id(), posted("post", Map.of())));
            assertThrows(AccessDenied.class, () -> staff.held(member));
            assertThrows(AccessDenied.class, () -> staff.recordConversation(member, ref, Map.of("result", "goes-ahead")));
            assertThrows(AccessDenied.class, () -> staff.unacknowledged(member));
            assertThrows(AccessDenied.class, () -> staff.markAcknowledged(member, ref, Map.of("how", "post")));
        }
        assertEquals(1, audit.entries().size());
    }

    @Test
    void aRolesListShowsHowEachCameInAndWhetherItIsAcknowledged() {
        Application online = round.add(TestApplications.submitted(role, "INV-BBBB-2222", Instant.parse("2025-01-09T09:00:00Z"),
                Map.of(ApplicationForm.EMAIL, "al@example.org")));
        Application phoned = byTelephone();

        var list = staff.forRole(TestStaff.STAFF, role.id());
        assertEquals(List.of(online.reference(), phoned.reference()), list.rows().stream().map(r -> r.application().reference()).toList());
        assertTrue(list.rows().get(0).acknowledged(), "not in the outstanding index: its e-mail went");
        assertFalse(list.rows().get(1).acknowledged());
        assertEquals("Online", list.rows().get(0).howItCameIn());
        assertEquals("Telephone call, entered by Sam Staffmember", list.rows().get(1).howItCameIn());
        assertThrows(StaffApplications.NotFound.class, () -> staff.forRole(TestStaff.STAFF, "no-such-role"));
    }

    @Test
    void oneApplicationShowsItsSectionsAndNeverMonitoringAnswers() {
        Application app = heldToTalkFirst();
        var shown = staff.application(TestStaff.STAFF, app.reference());
        assertEquals(app, shown.application());
        assertEquals(new ApplicationForm(role).sections(app.answers()), shown.sections());
        assertEquals(List.of("removed as a charity trustee by a court or the Charity Commission"), shown.declared());
        assertFalse(shown.acknowledged());
        assertThrows(StaffApplications.NotFound.class, () -> staff.application(TestStaff.STAFF, "INV-ZZZZ-ZZZZ"));
        assertThrows(StaffApplications.NotFound.class, () -> staff.application(TestStaff.STAFF, "not a reference"));
    }

    @Test
    void anApplicantWhoMustTalkFirstIsHeldAndQueuedWithWhatTheyDeclared() {
        Application held = heldToTalkFirst();
        assertEquals(Status.HELD_TO_TALK_FIRST, held.status());
        assertTrue(outbox.find("talk-first-" + held.reference()).isPresent(), "staff are asked to contact them");
        round.add(TestApplications.submitted(role, "INV-BBBB-2222", Instant.parse("2025-01-09T09:00:00Z"), Map.of(ApplicationForm.EMAIL, "al@example.org")));

        var queue = staff.held(TestStaff.STAFF);
        assertEquals(List.of(held.reference()), queue.stream().map(h -> h.application().reference()).toList());
        assertEquals(List.of("removed as a charity trustee by a court or the Charity Commission"), queue.get(0).declared());
        assertEquals(1, staff.overview(TestStaff.STAFF).get(0).held());
    }

    @Test
    void afterTheConversationTheApplicationGoesAheadOnce() {
        Application held = heldToTalkFirst();
        Decision d = staff.recordConversation(TestStaff.STAFF, held.reference(), Map.of("result", "goes-ahead", "reason", ""));

        Decision.Recorded recorded = assertInstanceOf(Decision.Recorded.class, d);
        assertEquals(Status.RECEIVED, recorded.to());
        Application now = round.findByReference(held.reference(), Read.CONSISTENT).orElseThrow();
        assertEquals(Status.RECEIVED, now.status());
        assertEquals("Goes ahead after talking with the team.", now.progress(StaffApplications.TALK_FIRST));
        assertEquals("Sam Staffmember on 10 January 2025", now.progress(StaffApplications.TALK_FIRST_BY));
        AuditEntry entry = audit.entries().get(audit.entries().size() - 1);
        assertEquals(List.of("talked first: application goes ahead", "HELD_TO_TALK_FIRST", "RECEIVED"), List.of(entry.what(), entry.fromState(), entry.toState()));
        assertTrue(staff.held(TestStaff.STAFF).isEmpty());

        assertInstanceOf(Decision.NotHeld.class, staff.recordConversation(TestStaff.STAFF, held.reference(), Map.of("result", "does-not-go-ahead", "reason", "x")));
        assertEquals(Status.RECEIVED, round.findByReference(held.reference(), Read.CONSISTENT).orElseThrow().status());
    }

    @Test
    void anApplicationThatDoesNotGoAheadNeedsTheReasonInPlainWords() {
        Application held = heldToTalkFirst();
        Decision.Invalid noReason = assertInstanceOf(Decision.Invalid.class,
                staff.recordConversation(TestStaff.STAFF, held.reference(), Map.of("result", "does-not-go-ahead")));
        assertEquals("Say why the application does not go ahead", noReason.errors().asMap().get("reason"));
        assertInstanceOf(Decision.Invalid.class, staff.recordConversation(TestStaff.STAFF, held.reference(), Map.of()));
        assertEquals(Status.HELD_TO_TALK_FIRST, round.findByReference(held.reference(), Read.CONSISTENT).orElseThrow().status());

        staff.recordConversation(TestStaff.STAFF, held.reference(),
                Map.of("result", "does-not-go-ahead", "reason", "The disqualification order runs until 2027, so they will apply again then."));
        Application now = round.findByReference(held.reference(), Read.CONSISTENT).orElseThrow();
        assertEquals(Status.NOT_SHORTLISTED, now.status());
        assertEquals("Does not go ahead after talking with the team: The disqualification order runs until 2027, so they will apply again then.",
                now.progress(StaffApplications.TALK_FIRST));
    }

    @Test
    void unacknowledgedApplicationsComeOldestFirstWithDaysLeftOfThePromise() {
        Application older = TestApplications.submitted(role, "INV-BBBB-2222", Instant.parse("2025-01-04T09:00:00Z"),
                Map.of(ApplicationForm.EMAIL, "al@example.org", ApplicationForm.CONTACT_METHOD, "post"));
        round.add(older);
        outstanding.add(older);
        Application today = byTelephone();

        var waiting = staff.unacknowledged(TestStaff.STAFF);
        assertEquals(List.of(older.reference(), today.reference()), waiting.stream().map(w -> w.application().reference()).toList());
        assertEquals(-1, waiting.get(0).daysLeft(), "promised within 5 days: by 9 January");
        assertEquals("9 January 2025 at 9:00am", waiting.get(0).promisedByText());
        assertEquals(5, waiting.get(1).daysLeft());
        assertEquals(2, staff.overview(TestStaff.STAFF).get(0).unacknowledged());
    }

    @Test
    void markingAnApplicationAcknowledgedTakesItOffTheListOnce() {
        Application app = byTelephone();
        assertInstanceOf(Acknowledging.Invalid.class, staff.markAcknowledged(TestStaff.STAFF, app.reference(), Map.of()));
        assertEquals(1, staff.unacknowledged(TestStaff.STAFF).size());

        clock.advance(Duration.ofHours(3));
        var done = assertInstanceOf(Acknowledging.Acknowledged.class, staff.markAcknowledged(TestStaff.STAFF, app.reference(), Map.of("how", "telephone")));
        assertEquals("By telephone, recorded by Sam Staffmember on 10 January 2025 at 1:00pm", done.application().progress(StaffApplications.ACKNOWLEDGED));
        assertTrue(staff.unacknowledged(TestStaff.STAFF).isEmpty());
        assertTrue(staff.forRole(TestStaff.STAFF, role.id()).rows().get(0).acknowledged());
        assertEquals("application acknowledged (telephone)", audit.entries().get(audit.entries().size() - 1).what());

        assertInstanceOf(Acknowledging.AlreadyAcknowledged.class, staff.markAcknowledged(TestStaff.STAFF, app.reference(), Map.of("how", "post")));
        assertEquals(2, audit.entries().size());
    }
}

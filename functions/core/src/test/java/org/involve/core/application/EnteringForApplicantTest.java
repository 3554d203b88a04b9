package org.involve.core.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application.Status;
import org.involve.core.application.EnteringForApplicant.Entry;
import org.involve.core.audit.AuditEntry;
import org.involve.core.fakes.TestStaff;
import org.involve.core.kit.Section;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.RoleStatus;
import org.junit.jupiter.api.Test;

/** Entering an application on the applicant's behalf: the public form's checks, marked with who and how, acknowledged as they asked. */
class EnteringForApplicantTest extends StaffApplicationsFixture {
    @Test
    void anEnteredApplicationIsMarkedWithWhoEnteredItAndHowItCame() {
        Entry.Entered e = entered("voice-recording", Map.of());

        Application app = e.application();
        assertTrue(e.created());
        assertEquals(Status.RECEIVED, app.status());
        assertEquals(TestStaff.STAFF.id(), app.enteredBy());
        assertEquals("voice-recording", HandlingFacts.of(app).channel());
        assertEquals(
                "Voice recording, entered by Sam Staffmember",
                ApplicationsForStaff.howItCameIn(app));
        assertEquals("Jo Testperson", app.answer(ApplicationForm.FULL_NAME));
        assertFalse(
                app.answers().containsKey(EnteringForApplicant.RECEIVED_BY),
                "how it came is a fact, not an answer");
        assertTrue(
                tokens.valid(tokens.forApplication(app.roleId(), app.reference()), role.id()),
                "the applicant gets their own monitoring token");
        assertEquals(app, applications.applications.values().iterator().next());
        AuditEntry entry = audit.entries().get(0);
        assertEquals(
                List.of(
                        "staff-0001",
                        "application entered for the applicant (voice-recording)",
                        "application:" + app.reference(),
                        "RECEIVED"),
                List.of(entry.who(), entry.what(), entry.record(), entry.toState()));
    }

    @Test
    void anApplicantWhoChoseEmailIsAcknowledgedByEmailWithTheirOwnMonitoringLink() {
        Entry.Entered e = entered("telephone", Map.of());
        assertEquals(List.of("ack-" + e.application().reference()), e.messageIds());
        OutboxMessage ack = outbox.messages().get(0);
        assertEquals("jo.testperson@example.org", ack.email().to());
        assertTrue(
                ack.email()
                        .text()
                        .contains(
                                "https://involve.example.org/monitoring?role="
                                        + role.id()
                                        + "&token="
                                        + tokens.forApplication(
                                                e.application().roleId(),
                                                e.application().reference())));
        assertEquals(Application.Acknowledgement.EMAIL_QUEUED, e.application().acknowledgement());
    }

    @Test
    void anApplicantWhoChoseTelephoneBecomesATaskForStaff() {
        Application app = byTelephone();
        assertEquals(Application.Acknowledgement.STAFF_TO_CONTACT, app.acknowledgement());
        assertEquals(
                List.of("ack-task-" + app.reference()),
                outbox.messages().stream().map(OutboxMessage::id).toList());
        assertEquals("team@example.org", outbox.messages().get(0).email().to());
        assertEquals(
                List.of(app.reference()),
                acknowledging.unacknowledged(TestStaff.STAFF).stream()
                        .map(w -> w.application().reference())
                        .toList());
        assertEquals(
                "https://involve.example.org/monitoring?role="
                        + role.id()
                        + "&token="
                        + tokens.forApplication(app.roleId(), app.reference()),
                seeing.monitoringLink(app));
    }

    @Test
    void theSameApplicantEnteredTwiceMakesOneApplication() {
        Application first = entered("post", Map.of()).application();
        Entry.Entered again =
                entered("telephone", Map.of(ApplicationForm.FULL_NAME, "Jo Testperson"));

        assertFalse(again.created());
        assertEquals(first, again.application());
        assertEquals(List.of(), again.messageIds());
        assertEquals(1, applications.applications.size());
        assertEquals(1, outbox.messages().size());
        assertEquals(1, audit.entries().size());
    }

    @Test
    void missingAnswersAreShownAgainWithEverythingTypedKept() {
        Map<String, String> p =
                posted(
                        "",
                        Map.of(
                                ApplicationForm.FULL_NAME,
                                "",
                                ApplicationForm.CONTACT_METHOD,
                                "post",
                                ApplicationForm.ADDRESS_LINE_1,
                                "",
                                "livedExperience",
                                "I care for my mother."));
        Entry.Invalid invalid =
                assertInstanceOf(
                        Entry.Invalid.class, entering.enter(TestStaff.STAFF, role.id(), p));

        Map<String, String> errors = invalid.errors().asMap();
        assertEquals(
                "Select how the application reached you",
                errors.get(EnteringForApplicant.RECEIVED_BY));
        assertEquals("Enter your full name", errors.get(ApplicationForm.FULL_NAME));
        assertTrue(
                errors.get(ApplicationForm.ADDRESS_LINE_1).contains("by post"),
                "the public form's cross-checks apply too");
        assertEquals("I care for my mother.", invalid.values().get("livedExperience"));
        assertTrue(applications.applications.isEmpty());
        assertTrue(audit.entries().isEmpty());
    }

    @Test
    void theFormIsTheRolesApplicationFormSectionBySection() {
        EnteringForApplicant.Form form = entering.form(TestStaff.STAFF, role.id(), Map.of());
        assertEquals(
                new ApplicationForm(role).sections(Map.of()).stream().map(Section::id).toList(),
                form.sections().stream().map(Section::id).toList());
    }

    @Test
    void someoneWhoCannotBeAPartnerIsRefusedWithReasonsAndNothingIsKept() {
        Entry e =
                entering.enter(
                        TestStaff.STAFF,
                        role.id(),
                        posted(
                                "telephone",
                                Map.of(
                                        Eligibility.ELECTED_OFFICE,
                                        "yes",
                                        ApplicationForm.NONE_APPLY,
                                        "no")));
        Entry.CannotApply refused = assertInstanceOf(Entry.CannotApply.class, e);
        assertTrue(refused.reasons().get(0).contains("councillors in office now"));
        assertTrue(applications.applications.isEmpty());
        assertTrue(outbox.messages().isEmpty());
    }

    @Test
    void aClosedRoleTakesNoEntries() {
        clock.set(Instant.parse("2025-02-02T00:00:00Z"));
        assertInstanceOf(
                Entry.Closed.class,
                entering.enter(TestStaff.STAFF, role.id(), posted("post", Map.of())));
        roles.roles.put(role.id(), role.withStatus(RoleStatus.WITHDRAWN));
        clock.set(Instant.parse("2025-01-10T10:00:00Z"));
        assertInstanceOf(
                Entry.Closed.class,
                entering.enter(TestStaff.STAFF, role.id(), posted("post", Map.of())));
        assertTrue(applications.applications.isEmpty());
    }

    @Test
    void staffLearnARoleTakesNoApplicationsBeforeTypingOne() {
        assertInstanceOf(
                EnteringForApplicant.Form.class, entering.start(TestStaff.STAFF, role.id()));

        // The last minute of the closing date still counts; the next one does not.
        clock.set(Instant.parse("2025-02-01T23:59:30Z"));
        assertInstanceOf(
                EnteringForApplicant.Form.class, entering.start(TestStaff.STAFF, role.id()));
        clock.set(Instant.parse("2025-02-02T00:00:00Z"));
        Entry.Closed pastClosing =
                assertInstanceOf(Entry.Closed.class, entering.start(TestStaff.STAFF, role.id()));
        assertTrue(pastClosing.mayExtend(), "still open, so its closing date can be extended");
    }

    @Test
    void onlyARoleWhoseClosingDateCanStillBeExtendedSuggestsExtendingIt() {
        for (RoleStatus status :
                List.of(
                        RoleStatus.DRAFT,
                        RoleStatus.SHORTLISTING,
                        RoleStatus.FILLED,
                        RoleStatus.WITHDRAWN)) {
            roles.roles.put(role.id(), role.withStatus(status));
            Entry.Closed atStart =
                    assertInstanceOf(
                            Entry.Closed.class,
                            entering.start(TestStaff.STAFF, role.id()),
                            status.name());
            assertFalse(atStart.mayExtend(), status.name());
            Entry.Closed atSave =
                    assertInstanceOf(
                            Entry.Closed.class,
                            entering.enter(TestStaff.STAFF, role.id(), posted("post", Map.of())),
                            status.name());
            assertFalse(atSave.mayExtend(), status.name());
        }
        assertTrue(applications.applications.isEmpty());
        assertTrue(audit.entries().isEmpty());
    }
}

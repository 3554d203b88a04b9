package org.involve.core.letters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.involve.core.application.Application;
import org.involve.core.application.Application.Status;
import org.involve.core.application.ApplicationForm;
import org.involve.core.application.NoSuchRoleOrApplication;
import org.involve.core.application.UnacknowledgedApplications;
import org.involve.core.audit.AuditEntry;
import org.involve.core.fakes.InMemoryApplicationRecords;
import org.involve.core.fakes.InMemoryInterviewSchedule;
import org.involve.core.fakes.InMemoryOutstandingAcknowledgements;
import org.involve.core.fakes.InMemoryUsedLinks;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.Round;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.interviews.InterviewSlot;
import org.involve.core.kit.Letter;
import org.involve.core.kit.Words;
import org.involve.core.letters.PrintedLetter.Block;
import org.involve.core.letters.PrintedLetter.Kind;
import org.involve.core.monitoring.MonitoringCode;
import org.involve.core.monitoring.MonitoringQuestions;
import org.involve.core.monitoring.MonitoringToken;
import org.involve.core.outcomes.OutcomeLetters;
import org.involve.core.role.Role;
import org.involve.core.staff.AccessDenied;
import org.involve.core.staff.Group;
import org.involve.core.staff.StaffMember;
import org.junit.jupiter.api.Test;

class PostLettersTest {
    static final String KEY = "a-test-signing-key-of-enough-length";
    static final StaffMember ON_PANEL =
            new StaffMember("staff-0002", "Kim Onpanel", "kim@example.org", Set.of(Group.STAFF));

    final Round r = new Round();
    final MutableClock clock = new MutableClock(Instant.parse("2025-02-10T10:00:00Z"));
    final InMemoryOutstandingAcknowledgements outstanding =
            new InMemoryOutstandingAcknowledgements();
    final InMemoryInterviewSchedule schedule =
            new InMemoryInterviewSchedule(r.round, new InMemoryUsedLinks(), r.outbox);
    final MonitoringCode codes = new MonitoringCode(KEY, new MonitoringToken(KEY));
    final Role role = r.role(TestRoles.monthly(LocalDate.of(2025, 2, 1)));
    final PostLetters letters =
            new PostLetters(
                    r.roles,
                    r.round,
                    schedule,
                    codes,
                    () -> r.roles,
                    new UnacknowledgedApplications(
                            r.roles,
                            r.round,
                            outstanding,
                            new InMemoryApplicationRecords(
                                    r.applications, outstanding, r.outbox, r.audit),
                            clock),
                    r.audit,
                    "https://involve.example.org/",
                    clock);
    final Application byPost =
            r.applicant(
                    role,
                    Status.RECEIVED,
                    "post",
                    Map.of(ApplicationForm.EMAIL, "", ApplicationForm.FULL_NAME, "Jo Postperson"));

    PostLettersTest() {
        r.roles.panel(role.id(), ON_PANEL);
        outstanding.add(byPost);
    }

    @Test
    void theAcknowledgementIsAddressedFromTheContactInTheEmailsWordsWithTheCodeAndThePaperForm() {
        PrintedLetter l = letters.letter(TestStaff.STAFF, byPost.reference(), Kind.ACKNOWLEDGEMENT);
        assertEquals(
                List.of("Jo Postperson", "1 Example Street", "Flat 9", "Exampleton", "LS1 4AP"),
                l.to());
        assertEquals(role.contact().name(), l.from().get(0));
        assertTrue(l.from().contains("Telephone: " + role.contact().phone()), l.from().toString());
        assertEquals("10 February 2025", l.date());
        Words apply = Words.of("apply");
        String text = l.bodyText();
        assertTrue(
                text.contains(apply.format("email.acknowledgement.thanks", "role", role.title())),
                text);
        assertTrue(text.contains(byPost.reference()), text);
        String code = codes.forApplication(role.id(), byPost.reference());
        assertTrue(text.contains(code), text);
        assertTrue(text.contains(apply.get("email.acknowledgement.monitoring.body")), text);
        assertFalse(text.contains("http") && text.contains("token"), text);
        assertEquals(List.of("Yours sincerely,", role.contact().name()), l.signOff());

        PrintedLetter.PaperForm form = l.monitoringForm();
        assertNotNull(form);
        assertEquals(code, form.code());
        assertEquals(MonitoringQuestions.section().fields(), form.questions());
        assertFalse(String.join(" ", form.instructions()).contains("Jo Postperson"));
    }

    @Test
    void nobodyOnTheRolesPanelGetsThePaperForm() {
        PrintedLetter l = letters.letter(ON_PANEL, byPost.reference(), Kind.ACKNOWLEDGEMENT);
        assertNull(l.monitoringForm());
        assertThrows(
                AccessDenied.class,
                () -> letters.letter(ON_PANEL, byPost.reference(), Kind.MONITORING_FORM));
        assertFalse(letters.mayPrintMonitoringForm(ON_PANEL, role.id()));
        assertTrue(letters.mayPrintMonitoringForm(TestStaff.STAFF, role.id()));
    }

    @Test
    void thePaperFormAloneCarriesTheCodeAndNeverTheNameOrAddress() {
        PrintedLetter l = letters.letter(TestStaff.STAFF, byPost.reference(), Kind.MONITORING_FORM);
        assertEquals(List.of(), l.to());
        assertEquals(List.of(), l.body());
        assertEquals(
                codes.forApplication(role.id(), byPost.reference()), l.monitoringForm().code());
    }

    @Test
    void panelMembersAndUnknownApplicationsAreRefused() {
        for (Kind k : Kind.values())
            assertThrows(
                    AccessDenied.class,
                    () -> letters.letter(TestStaff.PANEL_A, byPost.reference(), k));
        assertThrows(
                NoSuchRoleOrApplication.class,
                () -> letters.letter(TestStaff.STAFF, "INV-ZZZZ-ZZZZ", Kind.ACKNOWLEDGEMENT));
        assertThrows(
                NoSuchRoleOrApplication.class,
                () -> letters.letter(TestStaff.STAFF, "not-a-reference", Kind.OUTCOME));
    }

    @Test
    void anInterviewLetterListsTheFreeTimesToComeOrTheBookedTime() {
        assertThrows(
                PostLetters.NoLetter.class,
                () -> letters.letter(TestStaff.STAFF, byPost.reference(), Kind.INTERVIEW));
        InterviewSlot free =
                InterviewSlot.free(role.id(), LocalDateTime.of(2025, 3, 4, 10, 30), 45);
        InterviewSlot past =
                InterviewSlot.free(role.id(), LocalDateTime.of(2025, 2, 3, 10, 30), 45);
        schedule.add(free, null);
        schedule.add(past, null);
        Application invited =
                r.round.add(
                        byPost.after(
                                Status.INVITED_TO_INTERVIEW,
                                Map.of(
                                        "interview.invitedAt",
                                        "2025-02-09T10:00:00Z",
                                        "interview.invitedBy",
                                        "team")));
        String text =
                letters.letter(TestStaff.STAFF, invited.reference(), Kind.INTERVIEW).bodyText();
        assertTrue(text.contains(free.describe()), text);
        assertFalse(text.contains(past.describe()), text);
        assertTrue(text.contains(Words.of("letters").get("letter.interview.reply")), text);

        r.round.add(
                invited.after(
                        Status.INTERVIEW_BOOKED,
                        Map.of(
                                "interview.startsAt",
                                free.startsAt().toString(),
                                "interview.minutes",
                                "45",
                                "interview.adjustments",
                                "Captions")));
        text = letters.letter(TestStaff.STAFF, invited.reference(), Kind.INTERVIEW).bodyText();
        assertTrue(text.contains("Tuesday 4 March 2025 at 10:30am"), text);
        assertTrue(text.contains("Captions"), text);
    }

    @Test
    void theUnsuccessfulOutcomeSaysExactlyWhatItsEmailSays() {
        assertThrows(
                PostLetters.NoLetter.class,
                () -> letters.letter(TestStaff.STAFF, byPost.reference(), Kind.OUTCOME));
        Application told = r.round.add(byPost.after(Status.NOT_SHORTLISTED, Map.of()));
        PrintedLetter l = letters.letter(TestStaff.STAFF, told.reference(), Kind.OUTCOME);
        List<String> emailed =
                OutcomeLetters.unsuccessfulWords(role, told).parts().stream()
                        .filter(p -> !p.kind().equals("a"))
                        .map(Letter.Part::text)
                        .toList();
        assertEquals(emailed, l.body().stream().map(Block::text).toList());
    }

    @Test
    void theAppointedOutcomeUsesTheWelcomeWords() {
        Application appointed = r.round.add(byPost.after(Status.APPOINTED, Map.of()));
        String text =
                letters.letter(TestStaff.STAFF, appointed.reference(), Kind.OUTCOME).bodyText();
        assertTrue(
                text.contains(
                        Words.of("outcomes")
                                .format(
                                        "email.welcome.thanks",
                                        "role",
                                        role.title(),
                                        "programme",
                                        role.programme())),
                text);
    }

    @Test
    void postingTheAcknowledgementAcknowledgesItOnceWithItsAuditEntry() {
        String version = byPost.version();
        assertEquals(
                PostLetters.Posted.ACKNOWLEDGED,
                letters.markPosted(
                        TestStaff.STAFF, byPost.reference(), Kind.ACKNOWLEDGEMENT, version));
        AuditEntry e = r.audit.entries().get(r.audit.entries().size() - 1);
        assertEquals(TestStaff.STAFF.id(), e.who());
        assertEquals("application acknowledged (post)", e.what());
        assertEquals(
                PostLetters.Posted.ALREADY_ACKNOWLEDGED,
                letters.markPosted(
                        TestStaff.STAFF, byPost.reference(), Kind.ACKNOWLEDGEMENT, version));
    }

    @Test
    void postingAnotherLetterIsAuditedByWhoAndWhichLetterAndAStaleFormWritesNothing() {
        Application told = r.round.add(byPost.after(Status.NOT_SHORTLISTED, Map.of()));
        int before = r.audit.entries().size();
        assertThrows(
                Application.ChangedMeanwhile.class,
                () ->
                        letters.markPosted(
                                TestStaff.STAFF, told.reference(), Kind.OUTCOME, byPost.version()));
        assertEquals(before, r.audit.entries().size());
        assertEquals(
                PostLetters.Posted.RECORDED,
                letters.markPosted(
                        TestStaff.STAFF, told.reference(), Kind.OUTCOME, told.version()));
        AuditEntry e = r.audit.entries().get(before);
        assertEquals(TestStaff.STAFF.id(), e.who());
        assertEquals("letter posted: outcome", e.what());
        assertEquals("application:" + told.reference(), e.record());
        assertEquals(clock.instant(), e.when());
    }
}

package org.involve.adapters;

import static org.involve.adapters.internal.Items.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.application.ApplicationJourney;
import org.involve.core.audit.AuditEntry;
import org.involve.core.dataprotection.DataProtection;
import org.involve.core.dataprotection.Held;
import org.involve.core.draft.ApplicationDraft;
import org.involve.core.interviews.InterviewSchedule;
import org.involve.core.interviews.InterviewSlot;
import org.involve.core.kit.Email;
import org.involve.core.kit.Read;
import org.involve.core.kit.Retention;
import org.involve.core.meetings.Attendance;
import org.involve.core.meetings.AttendanceFlag;
import org.involve.core.meetings.AttendanceMark;
import org.involve.core.meetings.Meeting;
import org.involve.core.monitoring.MonitoringForm;
import org.involve.core.monitoring.MonitoringKey;
import org.involve.core.monitoring.MonitoringQuestions;
import org.involve.core.monitoring.MonitoringToken;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.outbox.UndeliverableAddress;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.Involvement;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerStatus;
import org.involve.core.partners.PaymentChoice;
import org.involve.core.payments.ApprovedClaim;
import org.involve.core.payments.Claim;
import org.involve.core.payments.ClaimStatus;
import org.involve.core.payments.Guideline;
import org.involve.core.payments.PaymentRecord;
import org.involve.core.references.ReferenceBook;
import org.involve.core.references.ReferenceRequest;
import org.involve.core.role.PaymentModel;
import org.involve.core.shortlisting.AnonymisedApplication;
import org.involve.core.shortlisting.AnonymousIds;
import org.involve.core.shortlisting.Conflict;
import org.involve.core.shortlisting.Score;
import org.involve.core.staff.Group;
import org.involve.core.staff.StaffMember;
import org.involve.core.tenure.CheckIn;
import org.involve.core.tenure.TenureReview;
import org.involve.emulators.SamTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Subject access and erasure on DynamoDB Local: a person is taken through a whole round (draft, application,
 * monitoring answers, shortlisting paper, score and conflict, interview booking, references, appointment, partner
 * record, meeting attendance and a flag, and the e-mails of each), beside a second person in the same role. Subject
 * access finds every kind; erasure leaves no trace of the person's name, e-mail address or telephone number in any
 * table the template declares (read here by scanning, which only this test does), and leaves the other person as
 * they were.
 */
@ExtendWith(AwsEnvironmentExtension.class)
@org.involve.emulators.LocalS3
class DynamoPersonalDataTest {
    private static final StaffMember STAFF =
            new StaffMember("staff-dp", "Sam Staff", "sam@example.org", Set.of(Group.STAFF));
    private static final String PANEL_KEY = "a-test-panel-key-of-enough-length-for-hmac";
    private final AwsEnvironment aws;
    private final DynamoOutbox outbox;
    private final DynamoAuditTrail audit;
    private final DynamoDraftStore drafts;
    private final DynamoApplicationStore store;
    private final DynamoApplications round;
    private final MonitoringToken monitoringTokens =
            new MonitoringToken("a-test-signing-key-of-enough-length-for-links");
    private final MonitoringKey monitoringKeys =
            new MonitoringKey(
                    "a-test-monitoring-key-only-the-form-and-report-hold", monitoringTokens);
    private final MonitoringForm monitoringForm;
    private final DynamoMonitoringAnswers monitoring;
    private final DynamoShortlistStore shortlisting;
    private final DynamoInterviewSchedule schedule;
    private final DynamoReferenceBook references;
    private final DynamoPartnerRecords partners;
    private final DynamoMeetings meetings;
    private final DynamoPersonalData personalData;
    private final DynamoCheckIns checkIns;
    private final DynamoTenureReviews tenureReviews;
    private final DynamoClaims claims;
    private final DynamoPayments payments;
    private final DataProtection dataProtection;
    private final AnonymousIds anonymousIds = new AnonymousIds(PANEL_KEY);

    /** The role applied for: there, and its round running, so its monitoring form takes answers. */
    private final org.involve.core.role.Role role =
            Samples.role(
                    org.involve.core.role.RoleStatus.OPEN, java.time.LocalDate.of(2026, 10, 1));

    private final String roleId = role.id();
    private int entries;

    private final S3Receipts receipts;
    private final org.involve.emulators.EmbeddedS3 s3;

    DynamoPersonalDataTest(AwsEnvironment aws, org.involve.emulators.EmbeddedS3 s3) {
        this.aws = aws;
        this.s3 = s3;
        this.receipts =
                new S3Receipts(
                        AwsClients.s3(),
                        org.involve.emulators.EmbeddedS3.bucketName("ReceiptsBucket"),
                        "http://localhost:3000/",
                        java.time.Clock.fixed(Samples.NOW, java.time.ZoneOffset.UTC));
        this.outbox = Samples.outbox(aws);
        this.audit = new DynamoAuditTrail(aws.dynamo(), aws.table("AuditTable"));
        this.drafts = new DynamoDraftStore(aws.dynamo(), aws.table("DraftsTable"));
        this.store =
                new DynamoApplicationStore(
                        aws.dynamo(), aws.table("ApplicationsTable"), outbox, drafts);
        this.round =
                new DynamoApplications(
                        aws.dynamo(), aws.table("ApplicationsTable"), outbox, audit, drafts);
        Samples.putRole(aws, role);
        this.monitoringForm =
                new MonitoringForm(
                        new DynamoMonitoringStore(
                                aws.dynamo(),
                                aws.table("MonitoringTable"),
                                aws.table("RolesTable")),
                        monitoringTokens,
                        monitoringKeys,
                        Samples.roles(aws));
        this.monitoring =
                new DynamoMonitoringAnswers(
                        aws.dynamo(), aws.table("MonitoringTable"), monitoringKeys);
        this.shortlisting =
                new DynamoShortlistStore(aws.dynamo(), aws.table("ShortlistingTable"), audit);
        DynamoUsedLinks links = new DynamoUsedLinks(aws.dynamo(), aws.table("UsedLinksTable"));
        this.schedule =
                new DynamoInterviewSchedule(
                        aws.dynamo(),
                        aws.table("InterviewSlotsTable"),
                        round,
                        () -> links,
                        outbox,
                        audit);
        this.references =
                new DynamoReferenceBook(
                        aws.dynamo(), aws.table("ReferencesTable"), round, links, outbox, audit);
        this.partners =
                new DynamoPartnerRecords(
                        aws.dynamo(), aws.table("PartnersTable"), round, outbox, audit);
        this.meetings = new DynamoMeetings(aws.dynamo(), aws.table("MeetingsTable"), outbox, audit);
        this.personalData =
                new DynamoPersonalData(
                        aws.dynamo(),
                        new DynamoPersonalData.Tables(
                                aws.table("ApplicationsTable"),
                                aws.table("DraftsTable"),
                                aws.table("ReferencesTable"),
                                aws.table("ShortlistingTable"),
                                aws.table("InterviewSlotsTable"),
                                aws.table("PartnersTable"),
                                aws.table("MeetingsTable"),
                                aws.table("OutboxTable"),
                                aws.table("UndeliverableAddressesTable"),
                                aws.table("ClaimsTable"),
                                aws.table("PaymentsTable")),
                        outbox,
                        audit,
                        monitoring,
                        anonymousIds,
                        Retention.DEFAULTS,
                        () -> receipts);
        this.checkIns = new DynamoCheckIns(aws.dynamo(), aws.table("PartnersTable"), outbox, audit);
        this.tenureReviews =
                new DynamoTenureReviews(
                        aws.dynamo(), aws.table("PartnersTable"), partners, outbox, audit);
        // The payments queue is not reached: an approval keeps its message, as when SQS is down.
        this.claims =
                new DynamoClaims(
                        aws.dynamo(),
                        aws.table("ClaimsTable"),
                        outbox,
                        () -> audit,
                        new SqsPaymentsQueue(aws::sqs, aws.queueUrl("PaymentsQueue") + "-not-here"),
                        warning -> {});
        this.payments = new DynamoPayments(aws.dynamo(), aws.table("PaymentsTable"));
        this.dataProtection = new DataProtection(personalData, audit);
    }

    /** A fictional person whose name, address and number appear nowhere else in the emulator. */
    record Person(String name, String email, String phone) {
        static Person fresh() {
            String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            String digits = String.valueOf(Math.abs(tag.hashCode()) % 1_000_000 + 1_000_000);
            return new Person(
                    "Quillan Zephyr" + tag,
                    "q." + tag + "@example.com",
                    "07700 9" + digits.substring(1, 4) + " " + digits.substring(4));
        }

        String phoneDigits() {
            return phone.replace(" ", "");
        }
    }

    private AuditEntry entry(String record, String to) {
        return new AuditEntry("staff-dp", "step " + ++entries, record, Samples.NOW, null, to);
    }

    private OutboxMessage to(Person p, String purpose) {
        return new OutboxMessage(
                Samples.unique(purpose),
                new Email(
                        p.email(),
                        "About your application",
                        "<p>Dear " + p.name() + "</p>",
                        "Dear " + p.name() + ", we will call you on " + p.phone()),
                Samples.NOW,
                Samples.NOW.plusSeconds(3600),
                0,
                purpose);
    }

    /** Takes the person through a whole round to appointment, with every table's records of it. */
    private Application throughARound(Person p) {
        return throughARound(p, null);
    }

    /**
     * As {@link #throughARound(Person)}, with {@code referee} (when not null) named as the first referee: asked by
     * e-mail, and giving a reference that names them and their number.
     */
    private Application throughARound(Person p, Person referee) {
        Map<String, String> answers = new HashMap<>();
        answers.put("fullName", p.name());
        answers.put("email", p.email());
        answers.put("phone", p.phone());
        answers.put("contactMethod", "email");
        answers.put("Referee1Name", "Rene Referee");
        if (referee != null) {
            answers.put(
                    ApplicationForm.refereeField(1, ApplicationForm.REFEREE_NAME), referee.name());
            answers.put(
                    ApplicationForm.refereeField(1, ApplicationForm.REFEREE_RELATIONSHIP),
                    "My manager at the food bank");
            answers.put(
                    ApplicationForm.refereeField(1, ApplicationForm.REFEREE_EMAIL),
                    referee.email());
            answers.put(
                    ApplicationForm.refereeField(1, ApplicationForm.REFEREE_PHONE),
                    referee.phone());
        }
        String key = ApplicationJourney.applicantKey(answers);
        ApplicationDraft draft =
                new ApplicationDraft(
                        Samples.unique("draft"),
                        roleId,
                        Samples.NOW,
                        answers,
                        Set.of("about-you"),
                        null,
                        Samples.NOW.plusSeconds(7 * 86400));
        drafts.save(draft);
        Application submitted =
                store.submit(
                                new Application(
                                        org.involve.core.kit.References.applicationReference(),
                                        roleId,
                                        key,
                                        Application.Status.RECEIVED,
                                        answers,
                                        Samples.NOW,
                                        "email",
                                        Application.Acknowledgement.EMAIL_QUEUED,
                                        "applicant"),
                                List.of(to(p, "acknowledgement")),
                                draft.id())
                        .application();
        Map<String, String> monitoringAnswers = new java.util.HashMap<>();
        MonitoringQuestions.section()
                .fields()
                .forEach(
                        f ->
                                monitoringAnswers.put(
                                        f.name(), MonitoringQuestions.PREFER_NOT_TO_SAY));
        monitoringAnswers.put("ageBand", "35-to-44");
        assertTrue(
                monitoringForm.submit(
                                monitoringTokens.forApplication(roleId, submitted.reference()),
                                roleId,
                                monitoringAnswers)
                        instanceof MonitoringForm.Result.Recorded);
        String anon = anonymousIds.of(roleId, submitted.reference());
        assertTrue(
                shortlisting.addPaper(
                        new AnonymisedApplication(
                                anon,
                                roleId,
                                List.of(
                                        new AnonymisedApplication.CriterionAnswer(
                                                "listening", "You listen", true, "I listen well")),
                                "Lived experience in their words",
                                "",
                                "",
                                "",
                                false)));
        shortlisting.save(
                new Score(roleId, anon, "listening", "panel-1", 3, Samples.NOW),
                entry("role:" + roleId, "score 3"));
        assertTrue(
                shortlisting.declareConflict(
                        new Conflict(roleId, anon, "panel-2", "Knows them", Samples.NOW),
                        entry("role:" + roleId, "conflict")));
        Application app = now(submitted);
        assertTrue(
                round.advance(
                        app,
                        Application.Status.INVITED_TO_INTERVIEW,
                        Map.of(),
                        entry("application:" + app.reference(), "INVITED_TO_INTERVIEW"),
                        List.of(to(p, "invitation"))));
        InterviewSlot slot =
                InterviewSlot.free(
                        roleId, LocalDateTime.of(2030, 12, 18, 10, 0).plusMinutes(++entries), 45);
        assertTrue(schedule.add(slot, entry("role:" + roleId, slot.slotId())));
        app = now(app);
        assertEquals(
                InterviewSchedule.Booked.BOOKED,
                schedule.book(
                        new InterviewSchedule.Booking(
                                slot,
                                app,
                                null,
                                Samples.NOW,
                                Map.of("interview.slot", slot.slotId()),
                                entry("application:" + app.reference(), "INTERVIEW_BOOKED"),
                                List.of(to(p, "interview-booked")))));
        app = now(app);
        ReferenceRequest asked =
                ReferenceRequest.requested(
                        org.involve.core.kit.References.opaqueId(),
                        app,
                        1,
                        Samples.NOW,
                        Samples.NOW.plusSeconds(86400));
        List<OutboxMessage> requestMessages =
                new ArrayList<>(List.of(to(p, "references-requested")));
        if (referee != null) requestMessages.add(to(referee, "reference-request"));
        assertTrue(
                references.request(
                        app,
                        Map.of("references.1.state", "requested"),
                        entry("application:" + app.reference(), "REFERENCES_REQUESTED"),
                        requestMessages,
                        List.of(asked)));
        if (referee != null)
            assertEquals(
                    ReferenceBook.Answered.STORED,
                    references.answer(
                            new ReferenceRequest(
                                    asked.id(),
                                    asked.roleId(),
                                    asked.applicantKey(),
                                    asked.applicationReference(),
                                    1,
                                    ReferenceRequest.State.RECEIVED,
                                    asked.requestedAt(),
                                    0,
                                    null,
                                    null,
                                    null,
                                    Samples.NOW,
                                    Map.of(
                                            "reference",
                                            "I am "
                                                    + referee.name()
                                                    + ". They are kind. Call me on "
                                                    + referee.phone()),
                                    asked.refereeKey()),
                            null,
                            Samples.NOW,
                            entry("reference:" + asked.id(), "RECEIVED"),
                            List.of(),
                            null));
        app = now(app);
        assertTrue(
                round.advance(
                        app,
                        Application.Status.REFERENCES_RECEIVED,
                        Map.of("references.1.state", "received"),
                        entry("application:" + app.reference(), "REFERENCES_RECEIVED"),
                        List.of()));
        app = now(app);
        Appointment appointment =
                new Appointment(
                        Appointment.idFor(app.reference()),
                        roleId,
                        app.reference(),
                        app.applicantKey(),
                        Samples.NOW,
                        LocalDate.of(2031, 1, 1),
                        LocalDate.of(2033, 1, 1),
                        null,
                        LocalDate.of(2035, 1, 1),
                        0,
                        PaymentChoice.ACCEPTED,
                        false,
                        PartnerStatus.ACTIVE);
        assertTrue(
                partners.appoint(
                        app,
                        appointment,
                        Map.of("outcome", "successful"),
                        List.of(entry("appointment:" + appointment.id(), "ACTIVE")),
                        List.of(to(p, "welcome"))));
        Involvement involvement = Involvement.from(app, appointment.id());
        assertTrue(
                partners.change(
                        new Partner(appointment, involvement),
                        new Partner(appointment, involvement),
                        List.of(entry("appointment:" + appointment.id(), "details")),
                        List.of(to(p, "involvement-link"))));
        Meeting meeting =
                Meeting.planned(
                        Samples.unique("m"),
                        roleId,
                        LocalDate.of(2031, 2, 3),
                        LocalTime.of(18, 30),
                        120,
                        "Room 2",
                        "https://video.example/x",
                        "",
                        null,
                        List.of(appointment.id()),
                        "staff-dp",
                        Samples.NOW);
        assertTrue(
                meetings.plan(
                        meeting,
                        entry(meeting.auditRecord(), "planned"),
                        List.of(to(p, "meeting-invitation"))));
        assertTrue(
                meetings.record(
                        null,
                        new Attendance(
                                meeting.id(),
                                appointment.id(),
                                roleId,
                                meeting.date(),
                                AttendanceMark.ATTENDED,
                                120,
                                "staff-dp",
                                Samples.NOW,
                                1),
                        entry("appointment:" + appointment.id(), "attended")));
        assertTrue(
                meetings.flag(
                        new AttendanceFlag(
                                appointment.id(), roleId, "2031-03", 1, 2, 3, Samples.NOW),
                        entry("appointment:" + appointment.id(), "flagged"),
                        to(p, "attendance-flag")));
        // Their yearly check-in (free text about them) and the review of their time in the role.
        CheckIn checkIn =
                CheckIn.asked(
                        appointment.id(),
                        roleId,
                        2032,
                        LocalDate.of(2032, 1, 1),
                        LocalDate.of(2032, 1, 1),
                        true);
        assertTrue(
                checkIns.save(
                        null,
                        checkIn.recorded(
                                p.name() + " is doing well; call on " + p.phone(),
                                "staff-dp",
                                LocalDate.of(2032, 1, 9)),
                        List.of(entry("appointment:" + appointment.id(), "checked in")),
                        List.of(to(p, "check-in"))));
        assertTrue(
                tenureReviews.save(
                        null,
                        TenureReview.asked(
                                appointment.id(),
                                roleId,
                                appointment.termEnds(),
                                LocalDate.of(2032, 10, 1)),
                        null,
                        null,
                        List.of(entry("appointment:" + appointment.id(), "review asked")),
                        List.of(to(p, "tenure-review"))));
        // Claims: one being written, one turned down, and one approved and paid.
        LocalDate day = LocalDate.of(2031, 2, 3);
        Claim draftClaim =
                Claim.draft(Samples.unique("claim"), appointment.id(), roleId, null, Samples.NOW)
                        .withContents(
                                List.of(new ApprovedClaim.Session(day, 120)),
                                List.of(
                                        new Claim.ClaimExpense(
                                                ApprovedClaim.ExpenseKind.TAXI,
                                                day,
                                                1200,
                                                "Taxi for " + p.name(),
                                                null)),
                                List.of());
        assertTrue(claims.save(null, draftClaim, entry("claim#" + draftClaim.id(), "DRAFT")));
        Claim turnedDown = submittedClaim(p, appointment.id(), day);
        assertTrue(
                claims.reject(
                        turnedDown,
                        turnedDown.reject(
                                "staff-dp", Samples.NOW, "Not a meeting " + p.name() + " was at"),
                        entry("claim#" + turnedDown.id(), "REJECTED"),
                        null));
        Claim sent = submittedClaim(p, appointment.id(), day);
        Claim approved = sent.approve("staff-dp", Samples.NOW);
        assertTrue(
                claims.approve(
                        sent,
                        approved,
                        entry("claim#" + sent.id(), "APPROVED"),
                        to(p, "claim-decided"),
                        approved.forPayment(
                                PaymentModel.dayRate(15000, 7500),
                                PaymentChoice.ACCEPTED,
                                0,
                                List.of(),
                                null)));
        assertTrue(
                DynamoPaymentsTest.recordOnce(
                        payments,
                        new PaymentRecord(
                                approved.id(),
                                appointment.id(),
                                roleId,
                                7500,
                                List.of(new Guideline.PaidDay(day, 1)),
                                0,
                                1200,
                                0,
                                day,
                                day,
                                Samples.NOW)));
        // One of the e-mails to them bounced.
        assertTrue(
                new DynamoUndeliverableAddresses(
                                aws.dynamo(), aws.table("UndeliverableAddressesTable"), () -> audit)
                        .mark(
                                new UndeliverableAddress(
                                        UndeliverableAddress.keyOf(p.email()),
                                        UndeliverableAddress.Reason.BOUNCED,
                                        Samples.NOW,
                                        "smtp; 550 5.1.1 user unknown"),
                                entry("mail:" + Samples.unique("bounce"), "bounced")));
        return now(app);
    }

    /** A claim sent for a decision, with a taxi whose reason names the person (free text). */
    private Claim submittedClaim(Person p, String appointmentId, LocalDate day) {
        Claim draft =
                Claim.draft(Samples.unique("claim"), appointmentId, roleId, null, Samples.NOW);
        assertTrue(claims.save(null, draft, entry("claim#" + draft.id(), "DRAFT")));
        Claim filled =
                draft.withContents(
                        List.of(new ApprovedClaim.Session(day, 180)),
                        List.of(
                                new Claim.ClaimExpense(
                                        ApprovedClaim.ExpenseKind.TAXI,
                                        day,
                                        1200,
                                        "Taxi home for " + p.name() + ", " + p.phone(),
                                        "receipts/" + Samples.unique("r"))),
                        List.of());
        assertTrue(claims.save(draft, filled, entry("claim#" + draft.id(), "changed")));
        Claim sent = filled.submit(Samples.NOW);
        assertTrue(claims.save(filled, sent, entry("claim#" + draft.id(), "SUBMITTED")));
        return sent;
    }

    private boolean bounced(Person p) {
        var item =
                aws.dynamo()
                        .getItem(
                                r ->
                                        r.tableName(aws.table("UndeliverableAddressesTable"))
                                                .key(
                                                        Map.of(
                                                                "addressKey",
                                                                s(
                                                                        UndeliverableAddress.keyOf(
                                                                                p.email()))))
                                                .consistentRead(true))
                        .item();
        return item != null && !item.isEmpty();
    }

    private Application now(Application a) {
        return round.find(a.roleId(), a.applicantKey(), Read.CONSISTENT).orElseThrow();
    }

    private static Map<String, String> form(String find) {
        return Map.of("find", find);
    }

    @Test
    void subjectAccessFindsEveryKindOfRecordByAddressOrReference() {
        Person p = Person.fresh();
        Application app = throughARound(p);
        var byEmail =
                assertInstanceOf(
                        DataProtection.Lookup.Found.class,
                        dataProtection.find(STAFF, form(p.email().toUpperCase()), Samples.NOW));
        var byReference =
                assertInstanceOf(
                        DataProtection.Lookup.Found.class,
                        dataProtection.find(STAFF, form(app.reference()), Samples.NOW));
        assertEquals(byEmail.held(), byReference.held());
        assertEquals(p.name(), byEmail.subject().name());
        Held held = byEmail.held();
        for (Held.Kind kind : Held.Kind.values())
            if (kind != Held.Kind.REFERENCES_GIVEN && kind != Held.Kind.REFEREE_DETAILS)
                assertFalse(held.of(kind).isEmpty(), kind + " is found");
        assertTrue(held.of(Held.Kind.REFERENCES_GIVEN).isEmpty(), "they were nobody's referee");
        assertTrue(held.of(Held.Kind.REFEREE_DETAILS).isEmpty(), "they were nobody's referee");
        assertEquals(1, held.of(Held.Kind.APPLICATIONS).size());
        assertEquals(3, held.of(Held.Kind.SHORTLISTING).size(), "paper, score and conflict");
        assertEquals(2, held.of(Held.Kind.ATTENDANCE).size(), "the mark and the flag");
        assertEquals(
                p.name(),
                held.of(Held.Kind.APPLICATIONS).get(0).fields().get("data.answers.fullName"));
        assertEquals(
                "35-to-44",
                held.of(Held.Kind.MONITORING_ANSWERS).get(0).fields().get("answers.ageBand"));
        assertTrue(held.of(Held.Kind.EMAILS).size() >= 7, "every e-mail to them");
        assertEquals(1, held.of(Held.Kind.UNDELIVERABLE).size(), "the bounce, found by address");
        assertEquals(1, held.of(Held.Kind.CHECK_INS).size());
        assertTrue(
                held.of(Held.Kind.CHECK_INS).get(0).fields().get("data.notes").contains(p.name()));
        assertEquals(1, held.of(Held.Kind.TENURE_REVIEWS).size());
        assertEquals(
                2,
                held.of(Held.Kind.CLAIMS).size(),
                "the one being written and the one turned down");
        assertEquals(1, held.of(Held.Kind.APPROVED_CLAIMS).size());
        assertEquals(1, held.of(Held.Kind.PAYMENTS).size());
        assertEquals(
                "7500", held.of(Held.Kind.PAYMENTS).get(0).fields().get("data.involvementPence"));
        assertEquals(
                2, held.restricted(), "an erasure would keep the approved claim and its payment");
        assertEquals("BOUNCED", held.of(Held.Kind.UNDELIVERABLE).get(0).fields().get("reason"));
    }

    @Test
    void erasureLeavesNoTraceOfThePersonInAnyTableAndLeavesOthersAsTheyWere() {
        Person p = Person.fresh(), other = Person.fresh();
        throughARound(p);
        Application others = throughARound(other);
        assertTrue(traces(p).size() > 10, "the round left the person in many tables: " + traces(p));
        int othersBefore = traces(other).size();

        var seen =
                assertInstanceOf(
                        DataProtection.Lookup.Found.class,
                        dataProtection.find(STAFF, form(p.email()), Samples.NOW));
        // Each claim has a receipt in the receipts bucket (S3 emulator).
        List<String> claimIds = new ArrayList<>();
        for (var kind : List.of(Held.Kind.CLAIMS, Held.Kind.APPROVED_CLAIMS))
            for (var c : seen.held().of(kind)) claimIds.add(c.fields().get("claimId"));
        assertEquals(3, claimIds.size(), "two claims not approved and one approved");
        for (String id : claimIds)
            s3.client()
                    .putObject(
                            r ->
                                    r.bucket(
                                                    org.involve.emulators.EmbeddedS3.bucketName(
                                                            "ReceiptsBucket"))
                                            .key(id + "/receipt-1"),
                            software.amazon.awssdk.core.sync.RequestBody.fromString(
                                    "%PDF-1.7 receipt"));
        DynamoApplicationCounts counts =
                new DynamoApplicationCounts(aws.dynamo(), aws.table("ApplicationsTable"));
        int applicationsBefore = counts.of(roleId);
        var erased =
                dataProtection
                        .erase(
                                STAFF,
                                Map.of("find", p.email(), "version", seen.held().version()),
                                Samples.NOW)
                        .orElseThrow();
        assertTrue(erased.records() > 15, "records erased: " + erased.records());
        assertEquals(
                applicationsBefore - 1,
                counts.of(roleId),
                "their application leaves its role's count in the same transaction");
        assertEquals(2, erased.restricted(), "the approved claim and its payment record");
        assertEquals(1, erased.told());
        var letter =
                traces(p).stream().filter(t -> t.startsWith(aws.table("OutboxTable"))).toList();
        String body = outbox.find(letter.get(0).split(" ")[1]).orElseThrow().email().text();
        assertTrue(body.contains("6 years after the tax year we paid you in"), body);
        // The e-mail telling them is the one trace left, until it is sent.
        var told = traces(p).stream().filter(t -> t.startsWith(aws.table("OutboxTable"))).toList();
        assertEquals(1, told.size(), String.valueOf(traces(p)));
        String messageId = told.get(0).split(" ")[1];
        outbox.markSent(messageId, Samples.NOW, "provider-1");

        assertEquals(List.of(), traces(p), "no trace of the person in any table");
        assertFalse(bounced(p), "their bounced address's entry went too");
        assertTrue(bounced(other), "the other applicant's stays");
        assertEquals(othersBefore, traces(other).size(), "the other applicant is untouched");
        assertTrue(round.find(roleId, others.applicantKey(), Read.CONSISTENT).isPresent());
        assertTrue(monitoring.answersFor(roleId, others.reference()).isPresent());
        assertInstanceOf(
                DataProtection.Lookup.NobodyFound.class,
                dataProtection.find(STAFF, form(p.email()), Samples.NOW));
        assertTrue(
                audit.trailOf(erased.requestId()).stream()
                        .anyMatch(e -> e.what().equals("personal data erased on request")));
        // What tax law needs stays, restricted, naming nobody: the approved claim and its payment
        // record, with their amounts, dates and ids, the reason and the day they may go.
        String mayGoOn =
                Retention.DEFAULTS.paymentMayGoOn(Retention.startDay(Samples.NOW)).toString();
        List<Map<String, AttributeValue>> kept = new ArrayList<>();
        for (String table : List.of("ClaimsTable", "PaymentsTable"))
            aws.dynamo()
                    .scanPaginator(r -> r.tableName(aws.table(table)))
                    .items()
                    .forEach(
                            item -> {
                                if (item.containsKey("restricted")) kept.add(item);
                            });
        List<Map<String, AttributeValue>> theirs =
                kept.stream()
                        .filter(
                                i ->
                                        i.get("data")
                                                .s()
                                                .contains(
                                                        seen.held()
                                                                .of(Held.Kind.PAYMENTS)
                                                                .get(0)
                                                                .fields()
                                                                .get("claimId")))
                        .toList();
        assertEquals(2, theirs.size(), "the approved claim and the payment record: " + kept);
        for (var item : theirs) {
            assertEquals("TAX_LAW", item.get("restricted").s());
            assertEquals(mayGoOn, item.get("mayGoOn").s());
            assertEquals(Retention.startDay(Samples.NOW).toString(), item.get("restrictedOn").s());
        }
        Claim keptClaim =
                claims.find(
                                seen.held()
                                        .of(Held.Kind.APPROVED_CLAIMS)
                                        .get(0)
                                        .fields()
                                        .get("claimId"))
                        .orElseThrow();
        assertEquals(ClaimStatus.APPROVED, keptClaim.status());
        assertEquals(1200, keptClaim.expenses().get(0).pence(), "the amount is kept");
        assertEquals(null, keptClaim.expenses().get(0).reason(), "what they wrote is not");
        assertEquals(7500, payments.forClaim(keptClaim.id()).orElseThrow().involvementPence());
        for (var c : seen.held().of(Held.Kind.CLAIMS))
            assertTrue(claims.find(c.fields().get("claimId")).isEmpty(), "claims not approved go");
        for (var c : seen.held().of(Held.Kind.CLAIMS))
            assertTrue(
                    receipts.look(c.fields().get("claimId") + "/receipt-1").isEmpty(),
                    "their receipts go with them");
        assertTrue(
                receipts.look(keptClaim.id() + "/receipt-1").isPresent(),
                "an approved claim's receipts are tax evidence, kept until the retention job");
        // The freed slot stays on the schedule, free.
        assertEquals(
                1, schedule.forRole(roleId).stream().filter(s -> s.bookedBy() == null).count());
    }

    @Test
    void aPersonWhoIsOnlyARefereeIsFoundByAddressShownOnlyTheirPartAndErasedFromEveryTable() {
        Person applicant = Person.fresh(), referee = Person.fresh();
        Application app = throughARound(applicant, referee);
        assertTrue(
                traces(referee).size() >= 4,
                "application, draft, reference and e-mail: " + traces(referee));

        var seen =
                assertInstanceOf(
                        DataProtection.Lookup.Found.class,
                        dataProtection.find(
                                STAFF, form(" " + referee.email().toUpperCase()), Samples.NOW));
        assertEquals(referee.name(), seen.subject().name());
        assertEquals(Set.of(), seen.subject().applicantKeys(), "not an applicant or partner");
        Held held = seen.held();
        assertEquals(1, held.of(Held.Kind.REFERENCES_GIVEN).size());
        var given = held.of(Held.Kind.REFERENCES_GIVEN).get(0).fields();
        assertEquals(roleId, given.get("roleId"));
        assertEquals("RECEIVED", given.get("state"));
        assertTrue(given.get("answers.reference").contains(referee.name()), given.toString());
        assertTrue(given.containsKey("requestedAt") && given.containsKey("receivedAt"));
        assertFalse(given.containsKey("applicantKey"), "the applicant's key is theirs, not shown");
        var details = held.of(Held.Kind.REFEREE_DETAILS).get(0).fields();
        assertEquals(referee.phone(), details.get("referee1Phone"));
        assertEquals("My manager at the food bank", details.get("referee1Relationship"));
        assertEquals(app.reference(), details.get("applicationReference"));
        assertEquals(1, held.of(Held.Kind.EMAILS).size(), "the request e-mailed to them");
        for (Held.Records records : held.kinds())
            for (Held.Entry e : records.entries())
                assertFalse(
                        e.fields().toString().contains(applicant.name())
                                || e.fields().toString().contains(applicant.email()),
                        "nothing of the applicant's own answers: " + e.fields());
        for (Held.Kind kind :
                List.of(
                        Held.Kind.APPLICATIONS,
                        Held.Kind.DRAFTS,
                        Held.Kind.REFERENCES,
                        Held.Kind.MONITORING_ANSWERS,
                        Held.Kind.INTERVIEW_SLOTS))
            assertTrue(held.of(kind).isEmpty(), kind + " are the applicant's");

        var erased =
                dataProtection
                        .erase(
                                STAFF,
                                Map.of("find", referee.email(), "version", held.version()),
                                Samples.NOW)
                        .orElseThrow();
        assertEquals(1, erased.told(), "the referee is told it is done");
        assertEquals(0, erased.restricted());
        var told =
                traces(referee).stream()
                        .filter(t -> t.startsWith(aws.table("OutboxTable")))
                        .toList();
        assertEquals(1, told.size(), "only the letter telling them is left: " + traces(referee));
        outbox.markSent(told.get(0).split(" ")[1], Samples.NOW, "provider-1");
        assertEquals(List.of(), traces(referee), "no trace of the referee in any table");

        // The application is otherwise as it was: its status, the applicant's answers, a note for
        // the referee; the reference request stays, without what they wrote.
        Application after = now(app);
        assertEquals(app.status(), after.status());
        assertEquals(applicant.name(), after.answers().get("fullName"));
        assertEquals(applicant.phone(), after.answers().get("phone"));
        String note =
                after.answers().get(ApplicationForm.refereeField(1, ApplicationForm.REFEREE_NAME));
        assertTrue(
                note.startsWith("Referee details removed on ")
                        && note.endsWith(" at the referee's request"),
                note);
        assertFalse(
                after.answers()
                        .containsKey(
                                ApplicationForm.refereeField(1, ApplicationForm.REFEREE_EMAIL)));
        var request = references.find(given.get("requestId")).orElseThrow();
        assertEquals(ReferenceRequest.State.RECEIVED, request.state());
        assertEquals(Map.of(), request.answers());
        assertEquals(null, request.refereeKey());
        assertTrue(traces(applicant).size() > 10, "the applicant's records stay");
        assertInstanceOf(
                DataProtection.Lookup.NobodyFound.class,
                dataProtection.find(STAFF, form(referee.email()), Samples.NOW));
        assertTrue(
                audit.trailOf(erased.requestId()).stream()
                        .anyMatch(e -> e.what().equals("personal data erased on request")));
    }

    /** "table key" for every item in any table of the template that holds the person's name, address or number. */
    private List<String> traces(Person p) {
        List<String> found = new ArrayList<>();
        for (var table : SamTemplate.loadFromWorkingDirectory().tables()) {
            String name = aws.table(table.logicalId());
            for (var item : aws.dynamo().scanPaginator(r -> r.tableName(name)).items()) {
                String text = render(item);
                if (text.contains(p.name())
                        || text.toLowerCase().contains(p.email().toLowerCase())
                        || text.contains(p.phone())
                        || text.contains(p.phoneDigits())) found.add(name + " " + firstKey(item));
            }
        }
        return found;
    }

    private static String firstKey(Map<String, AttributeValue> item) {
        for (String k :
                List.of("messageId", "applicantKey", "draftId", "requestId", "appointmentId"))
            if (item.containsKey(k)) return item.get(k).s();
        return item.toString();
    }

    private static String render(Map<String, AttributeValue> item) {
        return item.toString();
    }
}

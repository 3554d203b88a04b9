package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Read;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.outcomes.Appointing;
import org.involve.core.outcomes.OutcomeLetters;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.Involvement;
import org.involve.core.partners.ItSupport;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerDocument;
import org.involve.core.partners.PartnerStatus;
import org.involve.core.partners.PaymentChoice;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.involve.core.staff.Group;
import org.involve.core.staff.StaffMember;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Appointments in the PartnersTable, with the application's move, audit and welcome e-mail, on DynamoDB Local. */
@ExtendWith(AwsEnvironmentExtension.class)
class DynamoPartnerRecordsTest {
    private static final StaffMember STAFF =
            new StaffMember("staff-1", "Sam Staff", "sam@example.org", Set.of(Group.STAFF));
    private final AwsEnvironment aws;
    private final DynamoOutbox outbox;
    private final DynamoAuditTrail audit;
    private final DynamoApplicationStore store;
    private final DynamoApplications round;
    private final DynamoPartnerRecords partners;
    private final DynamoRoles roles;

    DynamoPartnerRecordsTest(AwsEnvironment aws) {
        this.aws = aws;
        this.outbox = Samples.outbox(aws);
        this.audit = new DynamoAuditTrail(aws.dynamo(), aws.table("AuditTable"));
        this.store =
                new DynamoApplicationStore(
                        aws.dynamo(),
                        aws.table("ApplicationsTable"),
                        outbox,
                        new DynamoDraftStore(aws.dynamo(), aws.table("DraftsTable")));
        this.round =
                new DynamoApplications(
                        aws.dynamo(),
                        aws.table("ApplicationsTable"),
                        outbox,
                        audit,
                        new DynamoDraftStore(aws.dynamo(), aws.table("DraftsTable")));
        this.partners =
                new DynamoPartnerRecords(
                        aws.dynamo(), aws.table("PartnersTable"), round, outbox, audit);
        this.roles = Samples.roles(aws);
    }

    private Role role() {
        Role r = Samples.role(RoleStatus.SHORTLISTING, LocalDate.of(2025, 1, 20));
        assertTrue(
                roles.create(
                        r,
                        new AuditEntry(
                                "staff-1",
                                "role created",
                                "role:" + r.id(),
                                Samples.NOW,
                                null,
                                "SHORTLISTING")));
        return r;
    }

    /** An application at REFERENCES_RECEIVED from the person with this applicant key, who declared {@code paidRoles} paid roles. */
    private Application ready(String roleId, String personKey, String paidRoles) {
        Application s = Samples.application(roleId, personKey);
        Map<String, String> answers = new HashMap<>(s.answers());
        answers.put("paidRolesHeld", paidRoles);
        Application submitted =
                store.submit(
                                new Application(
                                        s.reference(),
                                        roleId,
                                        personKey,
                                        s.status(),
                                        answers,
                                        Samples.NOW.minusSeconds(86400),
                                        s.contactMethod(),
                                        s.acknowledgement(),
                                        s.enteredBy()),
                                List.of(),
                                null)
                        .application();
        assertTrue(
                round.advance(
                        submitted,
                        Application.Status.REFERENCES_RECEIVED,
                        Map.of("references.1.state", "received"),
                        new AuditEntry(
                                "staff-1",
                                "references received",
                                "application:" + s.reference(),
                                Samples.NOW,
                                "RECEIVED",
                                "REFERENCES_RECEIVED"),
                        List.of()));
        return round.find(roleId, personKey, Read.CONSISTENT).orElseThrow();
    }

    private static Appointment appointment(Application a, LocalDate start, PaymentChoice payment) {
        return new Appointment(
                Appointment.idFor(a.reference()),
                a.roleId(),
                a.reference(),
                a.applicantKey(),
                Samples.NOW,
                start,
                start.plusYears(2),
                null,
                start.plusYears(4),
                0,
                payment,
                false,
                PartnerStatus.ACTIVE);
    }

    @Test
    void
            anAppointmentIsStoredWithTheApplicationsMoveItsAuditAndItsWelcomeAndAppointingTwiceIsOneAppointment() {
        Application a = ready(role().id(), Samples.unique("person"), "0");
        Appointment p = appointment(a, LocalDate.of(2025, 4, 1), PaymentChoice.ACCEPTED);
        OutboxMessage welcome =
                new OutboxMessage(
                        "welcome-" + a.reference(),
                        Samples.email("alex@example.org"),
                        Samples.NOW,
                        Samples.NOW,
                        0,
                        "outcome-successful");
        List<AuditEntry> entries =
                List.of(
                        new AuditEntry(
                                "staff-1",
                                "appointed",
                                "appointment:" + p.id(),
                                Samples.NOW,
                                null,
                                "ACTIVE"),
                        new AuditEntry(
                                "staff-1",
                                "appointed",
                                "application:" + a.reference(),
                                Samples.NOW,
                                "REFERENCES_RECEIVED",
                                "APPOINTED"));

        assertTrue(
                partners.appoint(
                        a,
                        p,
                        Map.of("outcome", "successful", "outcome.by", "email"),
                        entries,
                        List.of(welcome)));
        assertFalse(
                partners.appoint(a, p, Map.of("outcome", "successful"), entries, List.of(welcome)),
                "the same appointment again");

        assertEquals(p, partners.find(p.id()).orElseThrow());
        Application now = round.find(a.roleId(), a.applicantKey(), Read.CONSISTENT).orElseThrow();
        assertEquals(Application.Status.APPOINTED, now.status());
        assertEquals(
                Map.of(
                        "references.1.state",
                        "received",
                        "outcome",
                        "successful",
                        "outcome.by",
                        "email"),
                now.progress());
        assertEquals(1, audit.trailOf("appointment:" + p.id()).size());
        assertEquals(
                2,
                audit.trailOf("application:" + a.reference()).size(),
                "references received, then appointed");
        assertTrue(outbox.find(welcome.id()).isPresent());
    }

    @Test
    void anApplicationThatMovedOnIsNotAppointed() {
        Application a = ready(role().id(), Samples.unique("person"), "0");
        assertTrue(
                round.advance(
                        a,
                        Application.Status.NOT_APPOINTED,
                        Map.of(),
                        new AuditEntry(
                                "staff-1",
                                "not appointed",
                                "application:" + a.reference(),
                                Samples.NOW,
                                "REFERENCES_RECEIVED",
                                "NOT_APPOINTED"),
                        List.of()));
        Appointment p = appointment(a, LocalDate.of(2025, 4, 1), PaymentChoice.ACCEPTED);

        assertFalse(
                partners.appoint(
                        a,
                        p,
                        Map.of(),
                        List.of(
                                new AuditEntry(
                                        "staff-1",
                                        "appointed",
                                        "appointment:" + p.id(),
                                        Samples.NOW,
                                        null,
                                        "ACTIVE")),
                        List.of()));

        assertTrue(partners.find(p.id()).isEmpty());
        assertTrue(audit.trailOf("appointment:" + p.id()).isEmpty());
    }

    @Test
    void theByPersonIndexFindsEveryRoleOnePersonHoldsWithAQuery() {
        String person = Samples.unique("person");
        Application first = ready(role().id(), person, "0"),
                second = ready(role().id(), person, "0"),
                someoneElse = ready(role().id(), Samples.unique("person"), "0");
        for (Application a : List.of(first, second, someoneElse)) {
            Appointment p = appointment(a, LocalDate.of(2025, 4, 1), PaymentChoice.ACCEPTED);
            assertTrue(
                    partners.appoint(
                            a,
                            p,
                            Map.of(),
                            List.of(
                                    new AuditEntry(
                                            "staff-1",
                                            "appointed",
                                            "appointment:" + p.id(),
                                            Samples.NOW,
                                            null,
                                            "ACTIVE")),
                            List.of()));
        }
        aws.dynamoCalls().clear();

        List<Appointment> held = partners.forPerson(person);

        assertEquals(
                List.of(first.roleId(), second.roleId()).stream().sorted().toList(),
                held.stream().map(Appointment::roleId).sorted().toList());
        assertEquals(
                List.of(new RecordedCalls.Call("Query", "ByPerson", 2)), aws.dynamoCalls().calls());
    }

    /** Declared 2 paid roles when applying and has been appointed to a paid role here since: a third paid role needs a step down. */
    @Test
    void thePaidRoleLimitIsCheckedAcrossRoles() {
        String person = Samples.unique("person");
        Application elsewhere = ready(role().id(), person, "2"),
                here = ready(role().id(), person, "2");
        Appointing appointing =
                new Appointing(
                        roles,
                        round,
                        partners,
                        new OutcomeLetters("https://staff.example.org"),
                        new org.involve.core.partners.PartnerLetters(
                                "https://involve.example",
                                "https://staff.example.org",
                                new org.involve.core.links.SignedLink(
                                        "a-test-signing-key-of-at-least-32-characters"),
                                java.time.Duration.ofDays(30)),
                        Clock.fixed(Samples.NOW, ZoneOffset.UTC));
        Map<String, String> form =
                new HashMap<>(
                        Map.of(
                                "start-day",
                                "1",
                                "start-month",
                                "4",
                                "start-year",
                                "2025",
                                "payment",
                                "accept"));
        assertInstanceOf(
                Appointing.Result.Appointed.class,
                appointing.appoint(
                        STAFF, elsewhere.roleId(), elsewhere.reference(), readAt(elsewhere, form)));

        var refused =
                assertInstanceOf(
                        Appointing.Result.Refused.class,
                        appointing.appoint(
                                STAFF, here.roleId(), here.reference(), readAt(here, form)));
        assertTrue(refused.reason().contains("They already hold 3 paid roles"), refused.reason());
        assertEquals(
                Application.Status.REFERENCES_RECEIVED,
                round.find(here.roleId(), person, Read.CONSISTENT).orElseThrow().status());

        form.put("stepDown", "yes");
        Appointment made =
                assertInstanceOf(
                                Appointing.Result.Appointed.class,
                                appointing.appoint(
                                        STAFF, here.roleId(), here.reference(), readAt(here, form)))
                        .appointment();
        assertTrue(made.steppingDown());
        var again =
                assertInstanceOf(
                        Appointing.Result.Appointed.class,
                        appointing.appoint(
                                STAFF, here.roleId(), here.reference(), readAt(here, form)));
        assertEquals(made, again.appointment());
        assertEquals(2, partners.forPerson(person).size());
        assertTrue(outbox.find("welcome-" + here.reference()).isPresent());
    }

    private Appointment appointed(Application a) {
        Appointment p = appointment(a, LocalDate.of(2025, 4, 1), PaymentChoice.ACCEPTED);
        assertTrue(partners.appoint(a, p, Map.of(), List.of(), List.of()));
        return p;
    }

    @Test
    void theInvolvementStartsFromTheApplicationAndAChangeIsWrittenOnceWithItsAuditAndNotice() {
        Application a = ready(role().id(), Samples.unique("person"), "0");
        Appointment p = appointed(a);
        Partner before = partners.partner(p.id()).orElseThrow().partner().orElseThrow();
        assertEquals(Involvement.from(a, p.id()), before.involvement());
        assertEquals(0, before.involvement().version());

        Partner after =
                new Partner(
                        before.appointment(),
                        new Involvement(
                                p.id(),
                                "Alex Example",
                                "alex.new@example.org",
                                "",
                                "",
                                "",
                                "",
                                "email",
                                "Papers in large print",
                                "Maternity care",
                                LocalDate.of(2025, 9, 1),
                                LocalDate.of(2025, 4, 3),
                                null,
                                Map.of(
                                        PartnerDocument.CODE_OF_CONDUCT,
                                        new Involvement.Agreed(
                                                LocalDate.of(2025, 4, 2), "2026-1", "partner")),
                                "",
                                null,
                                Map.of(
                                        ItSupport.LAPTOP,
                                        new Involvement.ItRequest(
                                                "Mine is old", LocalDate.of(2025, 4, 2), null)),
                                1));
        AuditEntry entry =
                new AuditEntry(
                        "partner",
                        "paused",
                        "appointment:" + p.id(),
                        Samples.NOW,
                        "ACTIVE",
                        "ACTIVE");
        OutboxMessage notice =
                new OutboxMessage(
                        "partner-changed-" + p.id() + "-1",
                        Samples.email("team@example.org"),
                        Samples.NOW,
                        Samples.NOW,
                        0,
                        "partner-changed");
        assertTrue(partners.change(before, after, List.of(entry), List.of(notice)));
        assertFalse(
                partners.change(before, after, List.of(entry), List.of(notice)),
                "a change made from what it was before is refused once it has changed");
        assertEquals(after.involvement(), partners.partner(p.id()).orElseThrow().involvement());
        assertEquals(1, audit.trailOf("appointment:" + p.id()).size());
        assertTrue(outbox.find(notice.id()).isPresent());
    }

    @Test
    void aRecordMadeBeforeInvolvementWasKeptIsChangedFromVersionZero() {
        Application a = ready(role().id(), Samples.unique("person"), "0");
        Appointment p = appointment(a, LocalDate.of(2025, 4, 1), PaymentChoice.ACCEPTED);
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> old =
                new HashMap<>();
        old.put("appointmentId", org.involve.adapters.internal.Items.s(p.id()));
        old.put("personKey", org.involve.adapters.internal.Items.s(p.personKey()));
        old.put("roleId", org.involve.adapters.internal.Items.s(p.roleId()));
        old.put(
                "data",
                org.involve.adapters.internal.Items.s(org.involve.adapters.internal.Json.write(p)));
        aws.dynamo().putItem(r -> r.tableName(aws.table("PartnersTable")).item(old));
        assertEquals(null, partners.partner(p.id()).orElseThrow().involvement());

        Partner before = new Partner(p, Involvement.from(a, p.id()));
        Involvement i = before.involvement();
        Partner after =
                new Partner(
                        p,
                        new Involvement(
                                p.id(),
                                i.name(),
                                i.email(),
                                i.phone(),
                                i.addressLine1(),
                                i.townOrCity(),
                                i.postcode(),
                                i.contactMethod(),
                                "Breaks",
                                i.interestAreas(),
                                null,
                                null,
                                null,
                                Map.of(),
                                "",
                                null,
                                Map.of(),
                                1));
        assertTrue(partners.change(before, after, List.of(), List.of()));
        assertFalse(partners.change(before, after, List.of(), List.of()));
        assertEquals("Breaks", partners.partner(p.id()).orElseThrow().involvement().adjustments());
    }

    @Test
    void theRoleAndEmailIndexesFindPartnersWithAQueryAndTheEmailIsNeverStoredAsTheKey() {
        Role r = role();
        Application first = ready(r.id(), Samples.unique("person"), "0"),
                second = ready(r.id(), Samples.unique("person"), "0"),
                elsewhere = ready(role().id(), Samples.unique("person"), "0");
        Appointment p1 = appointed(first), p2 = appointed(second);
        appointed(elsewhere);

        assertEquals(
                Set.of(p1.id(), p2.id()),
                partners.forRole(r.id()).stream()
                        .map(s -> s.appointment().id())
                        .collect(java.util.stream.Collectors.toSet()));
        String email = first.answer("email");
        assertTrue(
                partners.withEmail(email.toUpperCase(java.util.Locale.UK)).stream()
                        .anyMatch(s -> s.appointment().id().equals(p1.id())));
        assertTrue(partners.withEmail("nobody-" + Samples.unique("x") + "@example.org").isEmpty());
        var item =
                aws.dynamo()
                        .getItem(
                                g ->
                                        g.tableName(aws.table("PartnersTable"))
                                                .key(
                                                        Map.of(
                                                                "appointmentId",
                                                                org.involve.adapters.internal.Items
                                                                        .s(p1.id()))))
                        .item();
        assertFalse(item.get("emailKey").s().contains("@"));
    }

    /** The form as a page read when the application was {@code seen} posts it: with that version. */
    private static Map<String, String> readAt(Application seen, Map<String, String> form) {
        Map<String, String> posted = new HashMap<>(form);
        posted.put(org.involve.core.kit.Version.FIELD, seen.version());
        return posted;
    }
}
